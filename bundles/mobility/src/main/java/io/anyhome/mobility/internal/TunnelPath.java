package io.anyhome.mobility.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.path.Encapsulation;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathDTO;
import io.anyhome.api.path.PathState;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.Heartbeat;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * One uplink's tunnel to the home agent ({@code udp} encapsulation): a UDP socket bound to the
 * uplink's care-of address and device, sending each inner IPv6 packet as one datagram to the home
 * agent's port 4191 (its IPv6 address, or its IPv4 address from an IPv4 care-of address,
 * RFC 5555); a receive side that accepts datagrams from the home agent only and hands
 * Mobility Headers for the home address to the machine and data for the home address to the
 * virtual interface; and a Heartbeat probe (RFC 5847) every interval.
 *
 * <p>State: CONNECTING until a Heartbeat answer or a Binding Acknowledgement arrives, then UP
 * (DEGRADED while more than {@code degradedLossRatio} of the last 32 probes are lost); DOWN after
 * {@code misses} probe intervals with no answer and no other packet from the home agent, or at
 * once when the uplink goes down. Any packet from the home agent counts as a sign of life.
 *
 * <p>Make-before-break: {@link #handOffTo} names the registered path while this path's care-of
 * address is not (yet) the registered one; {@link #send} then hands packets to it as long as it
 * is usable, and sends them itself otherwise (the registered path is dead: the move happens at
 * once; the Binding Update left this socket first, so the home agent has it before the data).
 *
 * <p>The socket coalesces received datagrams ({@code UDP_GRO}) where the platform can; the
 * segments of one TCP super-packet read from {@code home0} leave in one {@code UDP_SEGMENT} call
 * ({@link #sendSegments}): one inner packet per datagram either way.
 *
 * <p>{@link #send} is allocation-free and safe from several threads. Probing, state and
 * receiving are driven by {@link MobileNode} (a receive thread, the {@link Timers}) or directly
 * by tests ({@link #pollReceived()}, {@link #probe()}).
 */
final class TunnelPath implements Path {
    /** What a path tells the node. Implemented by {@link MobileNode}. */
    interface Events {
        /** The state changed; called without the path's lock held, must be quick. */
        void stateChanged(TunnelPath path, PathState previous, PathState current, long atEpochMillis);

        /** New probe measurements (at most once a second, and on state changes). */
        void measured(TunnelPath path, double rttMs, double lossRatio, double jitterMs);

        /** A Mobility Header other than a Heartbeat answer arrived from the home agent for the home address. */
        void signalling(TunnelPath path, MobilityMessage message, ByteBuffer packet, int mhOffset);

        /** A data packet for the home address arrived; position..limit is the inner packet. */
        void data(TunnelPath path, ByteBuffer packet);

        /** Every packet of one receive has been handed to {@link #data}. */
        default void received(TunnelPath path) {
        }
    }

    static final long REPORT_INTERVAL_MS = 1000;

    private final String uplink;
    private final InetAddress careOf;
    private final InetSocketAddress homeAgent;
    private final byte[] homeAgentBytes;
    private final byte[] innerHomeAgentBytes;
    private final byte[] homeAddressBytes;
    private final UdpEndpoint endpoint;
    private final Signalling signalling;
    private final int intervalMs;
    private final int misses;
    private final double degradedLossRatio;
    private final Timers timers;
    private final Events events;
    private final MobilityCounters counters;
    private final ProbeStatistics stats = new ProbeStatistics();
    private final ByteBuffer probeBuffer = ByteBuffer.allocate(Ipv6Header.LENGTH + 16);
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(65_535);
    private final ReceiveMetadata metadata = new ReceiveMetadata();
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder sendDrops = new LongAdder();
    private final LongAdder signallingSent = new LongAdder();
    private volatile PathState state = PathState.CONNECTING;
    private volatile Path handOff;
    private volatile boolean heard;
    private volatile boolean closed;
    private volatile boolean probesPaused;
    private long stateSince;
    private String failure;
    private boolean linkDown;
    private long probeSequence;
    private long lastReport = Long.MIN_VALUE;
    private Timers.Cancellable probeTimer;
    /** State changes and measurements to tell, collected under the lock and told after it is released. */
    private final List<Runnable> toTell = new ArrayList<>();

    /**
     * @param uplink the uplink id
     * @param careOf the care-of address the endpoint is bound to
     * @param homeAgent the home agent's address and port
     * @param endpoint the open UDP endpoint (closed by {@link #close()})
     * @param signalling builds heartbeats, decodes what arrives
     * @param intervalMs probe interval
     * @param misses probe intervals without life after which the path is DOWN
     * @param degradedLossRatio loss ratio from which an answering path is DEGRADED
     * @param timers time and timers
     * @param events where state, measurements and received packets go
     * @param counters shared counters
     */
    TunnelPath(String uplink, InetAddress careOf, InetSocketAddress homeAgent, UdpEndpoint endpoint,
            Signalling signalling, int intervalMs, int misses, double degradedLossRatio, Timers timers, Events events,
            MobilityCounters counters) {
        this.uplink = uplink;
        this.careOf = careOf;
        this.homeAgent = homeAgent;
        this.homeAgentBytes = Signalling.authenticationForm(homeAgent.getAddress()).getAddress();
        this.innerHomeAgentBytes = signalling.homeAgent().getAddress();
        this.homeAddressBytes = signalling.homeAddress().getAddress();
        this.endpoint = endpoint;
        this.signalling = signalling;
        this.intervalMs = intervalMs;
        this.misses = misses;
        this.degradedLossRatio = degradedLossRatio;
        this.timers = timers;
        this.events = events;
        this.counters = counters;
        this.stateSince = timers.epochMillis();
    }

    @Override
    public String uplink() {
        return uplink;
    }

    @Override
    public PathState state() {
        return state;
    }

    /** @return the care-of address */
    InetAddress careOf() {
        return careOf;
    }

    /**
     * @param registered the path to hand packets to while it is usable (the registered path, or the
     *     home link at home), or null to send directly
     */
    void handOffTo(Path registered) {
        this.handOff = registered == this ? null : registered;
    }

    /** @return the path packets are handed to, or null */
    Path handOff() {
        return handOff;
    }

    @Override
    public boolean send(ByteBuffer packet) {
        Path other = handOff;
        if (other != null && other.state().isUsable()) {
            return other.send(packet);
        }
        return sendDirect(packet);
    }

    private boolean sendDirect(ByteBuffer packet) {
        if (state == PathState.DOWN || closed) {
            sendDrops.increment();
            return false;
        }
        int bytes = packet.remaining();
        try {
            endpoint.send(packet, homeAgent);
        } catch (PlatformException | RuntimeException e) {
            sendDrops.increment();
            return false;
        }
        packetsSent.increment();
        bytesSent.add(bytes);
        return true;
    }

    @Override
    public int sendSegments(ByteBuffer packets, int segmentSize) {
        Path other = handOff;
        if (other != null && other.state().isUsable()) {
            return other.sendSegments(packets, segmentSize);
        }
        return sendSegmentsDirect(packets, segmentSize);
    }

    /** The packets go in one {@code UDP_SEGMENT} call: one datagram each, one inner packet per datagram. */
    private int sendSegmentsDirect(ByteBuffer packets, int segmentSize) {
        int bytes = packets.remaining();
        int count = segmentSize > 0 ? (bytes + segmentSize - 1) / segmentSize : 1;
        if (state == PathState.DOWN || closed) {
            sendDrops.add(count);
            return 0;
        }
        try {
            endpoint.sendSegmented(packets, homeAgent, segmentSize > 0 ? segmentSize : bytes);
        } catch (PlatformException | RuntimeException e) {
            sendDrops.add(count);
            return 0;
        }
        packetsSent.add(count);
        bytesSent.add(bytes);
        return count;
    }

    /**
     * Sends a signalling packet (a Binding Update) from this path's socket, whatever its state.
     *
     * @param packet the inner packet
     * @return true if handed to the kernel
     */
    boolean sendSignalling(ByteBuffer packet) {
        try {
            endpoint.send(packet, homeAgent);
            signallingSent.increment();
            return true;
        } catch (PlatformException | RuntimeException e) {
            return false;
        }
    }

    /** Starts probing now and every interval after. */
    synchronized void start() {
        probeTimer = timers.schedule(0, this::probe);
    }

    /** One probe interval: resolves the last probe, updates the state, sends the next probe. */
    void probe() {
        synchronized (this) {
            probeLocked();
        }
        tell();
    }

    private void probeLocked() {
        if (closed) {
            return;
        }
        if (probesPaused) {
            heard = false;
            probeTimer = timers.schedule(intervalMs, this::probe);
            return;
        }
        boolean heardNow = heard;
        heard = false;
        if (stats.tick(heardNow)) {
            counters.probeLost();
        }
        if (!linkDown && stats.consecutiveMisses() >= misses && state != PathState.DOWN) {
            failure = stats.consecutiveMisses() + " probes unanswered (every " + intervalMs + " ms)";
            change(PathState.DOWN);
        } else if (state.isUsable()) {
            change(usableState());
        }
        probeBuffer.clear();
        signalling.heartbeat(probeBuffer, ++probeSequence);
        probeBuffer.flip();
        stats.sent(probeSequence, timers.nanos());
        counters.probeSent();
        sendSignalling(probeBuffer);
        report(false);
        probeTimer = timers.schedule(intervalMs, this::probe);
    }

    private PathState usableState() {
        double loss = stats.lossRatio();
        return loss >= 0 && loss > degradedLossRatio ? PathState.DEGRADED : PathState.UP;
    }

    /**
     * Pauses or resumes the probes. At home the home agent holds no binding and answers probes with
     * rate-limited Binding Errors only, which would make the path flap; paused, it sends none and
     * keeps its state until it resumes.
     *
     * @param paused true to pause
     */
    void pauseProbes(boolean paused) {
        probesPaused = paused;
    }

    /** The home agent answered a probe or acknowledged a binding through this path: it works. */
    void alive() {
        synchronized (this) {
            aliveLocked();
        }
        tell();
    }

    private void aliveLocked() {
        heard = true;
        if (!linkDown && !closed && !state.isUsable()) {
            failure = null;
            change(usableState());
        }
    }

    /** The uplink went down: the path is DOWN at once. */
    void uplinkDown(String cause) {
        synchronized (this) {
            linkDown = true;
            failure = "uplink down: " + cause;
            change(PathState.DOWN);
        }
        tell();
    }

    /** The uplink came back: the path waits for a probe answer. */
    void uplinkUp() {
        synchronized (this) {
            if (linkDown) {
                linkDown = false;
                failure = null;
                change(PathState.CONNECTING);
            }
        }
        tell();
    }

    private void change(PathState next) {
        PathState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        long at = timers.epochMillis();
        stateSince = at;
        if (next.isUsable()) {
            failure = next == PathState.DEGRADED ? "probe loss above " + degradedLossRatio : null;
        }
        toTell.add(() -> events.stateChanged(this, previous, next, at));
        report(true);
    }

    /** Tells the node what changed, outside the lock (its listeners may call back into paths). */
    private void tell() {
        List<Runnable> now;
        synchronized (this) {
            if (toTell.isEmpty()) {
                return;
            }
            now = new ArrayList<>(toTell);
            toTell.clear();
        }
        now.forEach(Runnable::run);
    }

    private void report(boolean now) {
        long t = timers.millis();
        if (now || lastReport == Long.MIN_VALUE || t - lastReport >= REPORT_INTERVAL_MS) {
            if (stats.rttMs() >= 0 || stats.lossRatio() >= 0) {
                lastReport = t;
                double rtt = stats.rttMs();
                double loss = stats.lossRatio();
                double jitter = stats.jitterMs();
                toTell.add(() -> events.measured(this, rtt, loss, jitter));
            }
        }
    }

    /**
     * Receives and handles every datagram waiting, without blocking (tests, and a loop that
     * polls).
     *
     * @return the number handled
     */
    int pollReceived() {
        int n = 0;
        try {
            while (true) {
                receiveBuffer.clear();
                if (endpoint.tryReceive(receiveBuffer, metadata) < 0) {
                    return n;
                }
                receiveBuffer.flip();
                handleEach(receiveBuffer, metadata);
                n++;
            }
        } catch (PlatformException e) {
            return n;
        }
    }

    /** Receives until the path is closed; run on the path's own thread. */
    void receiveLoop() {
        while (!closed) {
            try {
                receiveBuffer.clear();
                endpoint.receive(receiveBuffer, metadata);
            } catch (PlatformException e) {
                if (closed) {
                    return;
                }
                counters.drop("receive-error");
                continue;
            }
            receiveBuffer.flip();
            handleEach(receiveBuffer, metadata);
        }
    }

    /**
     * Handles what one receive returned: one datagram, or with {@code UDP_GRO} several of
     * {@link ReceiveMetadata#segmentSize()} bytes each but the last, back to back.
     */
    void handleEach(ByteBuffer received, ReceiveMetadata from) {
        int end = received.limit();
        int step = from.segmentSize() > 0 ? from.segmentSize() : end;
        for (int at = 0; at < end; at += step) {
            received.limit(Math.min(end, at + step)).position(at);
            try {
                handle(received, from);
            } catch (RuntimeException e) {
                counters.drop("malformed");
            }
        }
        events.received(this);
    }

    /** Demultiplexes one received datagram: position..limit is the inner packet. */
    void handle(ByteBuffer packet, ReceiveMetadata from) {
        if (!sameAddress(from.sourceAddressBytes(), homeAgentBytes) || from.sourcePort() != homeAgent.getPort()) {
            counters.drop("not-from-home-agent");
            return;
        }
        int start = packet.position();
        int length = packet.remaining();
        if (length < Ipv6Header.LENGTH || (packet.get(start) & 0xf0) != 0x60) {
            counters.drop("malformed");
            return;
        }
        int payload = packet.getShort(start + Ipv6Header.OFFSET_PAYLOAD_LENGTH) & 0xffff;
        if (Ipv6Header.LENGTH + payload > length) {
            counters.drop("malformed");
            return;
        }
        packet.limit(start + Ipv6Header.LENGTH + payload);
        if (!Ipv6Header.addressEquals(packet, start + Ipv6Header.OFFSET_DESTINATION, homeAddressBytes)) {
            counters.drop("not-for-home-address");
            return;
        }
        heard = true;
        int nextHeader = packet.get(start + Ipv6Header.OFFSET_NEXT_HEADER) & 0xff;
        if (nextHeader == MobilityHeader.NEXT_HEADER
                && Ipv6Header.addressEquals(packet, start + Ipv6Header.OFFSET_SOURCE, innerHomeAgentBytes)) {
            MobilityMessage message;
            try {
                message = signalling.decode(packet, start + Ipv6Header.LENGTH);
            } catch (MalformedPacketException e) {
                counters.drop("malformed");
                return;
            }
            if (message instanceof Heartbeat hb) {
                if (hb.response()) {
                    heartbeatAnswered(hb.sequence());
                }
                return;
            }
            events.signalling(this, message, packet, start + Ipv6Header.LENGTH);
            return;
        }
        events.data(this, packet);
    }

    private void heartbeatAnswered(long sequence) {
        synchronized (this) {
            if (stats.answered(sequence, timers.nanos())) {
                aliveLocked();
            }
        }
        tell();
    }

    private static boolean sameAddress(byte[] a, byte[] b) {
        for (int i = 0; i < 16; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Stops probing and closes the socket; the path is DOWN. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (probeTimer != null) {
                probeTimer.cancel();
            }
            endpoint.close();
            failure = "care-of address gone";
            change(PathState.DOWN);
        }
        tell();
    }

    @Override
    public synchronized PathDTO describe() {
        PathDTO d = new PathDTO();
        d.uplink = uplink;
        d.careOfAddress = AddressText.format(careOf);
        d.homeAgentAddress = AddressText.format(homeAgent.getAddress());
        d.encapsulation = Encapsulation.UDP;
        d.state = state;
        d.stateSince = stateSince;
        d.rttMs = stats.rttMs();
        d.lossRatio = stats.lossRatio();
        d.jitterMs = stats.jitterMs();
        d.packetsSent = packetsSent.sum();
        d.bytesSent = bytesSent.sum();
        d.sendDrops = sendDrops.sum();
        d.failure = failure;
        return d;
    }

    /**
     * Sends one Heartbeat request outside the probe schedule: the NAT keepalive (see
     * {@link NatKeepalive}). Its answer is a sign of life like any packet from the home agent.
     *
     * @return true if handed to the kernel
     */
    synchronized boolean keepalive() {
        if (closed) {
            return false;
        }
        probeBuffer.clear();
        signalling.heartbeat(probeBuffer, ++probeSequence);
        probeBuffer.flip();
        return sendSignalling(probeBuffer);
    }

    /** @return datagrams this path's socket has sent: data, probes, keepalives and Binding Updates */
    long datagramsSent() {
        return packetsSent.sum() + signallingSent.sum();
    }

    /** @return the probe interval, milliseconds */
    int probeIntervalMs() {
        return intervalMs;
    }

    /** @return the home agent's address and port this path sends to (IPv4 for an IPv4 care-of address) */
    InetSocketAddress homeAgent() {
        return homeAgent;
    }

    /** @return whether {@link #close()} was called */
    boolean isClosed() {
        return closed;
    }

    /** @return probes lost on this path */
    synchronized long probesLost() {
        return stats.lost();
    }

    @Override
    public String toString() {
        return "path " + uplink + " from " + AddressText.format(careOf);
    }
}
