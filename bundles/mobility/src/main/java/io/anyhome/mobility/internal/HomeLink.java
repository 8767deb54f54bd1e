package io.anyhome.mobility.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException;
import io.anyhome.api.path.Encapsulation;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathDTO;
import io.anyhome.api.path.PathState;
import io.anyhome.api.platform.Endpoint;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PacketEndpoint;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.Icmpv6Type;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.NeighborAdvertisement;
import io.anyhome.packet.icmp6.NeighborSolicitation;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.offload.TcpCoalescer;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The mobile node at home (RFC 6275 §11.5.5): the direct path over the uplink that is on the home
 * link. No tunnel: {@link #send} hands each packet of {@code home0} as it is to a raw
 * {@code IPPROTO_RAW} socket bound to the uplink, so the kernel routes it by the uplink's own
 * routes (the home link's router) and resolves the neighbours; packets to the home address
 * arriving on the uplink are the kernel's, since the home address is a local address (on
 * {@code home0}).
 *
 * <p>Signalling: the deregistration Binding Update leaves natively from the home address through
 * the same raw socket ({@link #sendSignalling}); a raw socket for next header 135 on the uplink
 * receives the Binding Acknowledgement, which {@link Events#homeSignalling} gets.
 *
 * <p>Neighbour Discovery for the home address on the home link, and the order with the home agent:
 * the node's proxy entry for the home address on the uplink is added, and this class answers
 * Neighbour Solicitations for it (also DAD probes of others), from the moment the link is opened,
 * right before the deregistration leaves: the home agent resolves the home address for its
 * acknowledgement, which it sends only after withdrawing its own proxy entry. So both answer
 * for the address for one Binding Update's trip at most. Linux answers for proxy entries only
 * where forwarding is on, and turning forwarding on purges every Router Advertisement route of
 * uplinks with {@code accept_ra=1}; so the kernel's part is only to join the solicited-node
 * group for the entry, and the answers (solicited, override, with the uplink's link-layer address)
 * come from here. After the acknowledgement ({@link #arrived}) three unsolicited Neighbour
 * Advertisements (override, to all nodes, a second apart) correct every cache that still points
 * to the home agent. {@link #close()} removes the proxy entry first, so a registration that
 * follows finds nobody answering for the home address.
 *
 * <p>State: CONNECTING until the deregistration is acknowledged, then UP; DOWN once closed.
 */
final class HomeLink implements Path {
    static final int ADVERTISEMENTS = 3;
    private static final int ND_HOP_LIMIT = 255;
    private static final Logger LOG = Logger.getLogger(HomeLink.class.getName());
    /** Per sending thread (the virtual interface's read loops): the run being merged. */
    private static final ThreadLocal<TcpCoalescer> COALESCERS =
            ThreadLocal.withInitial(() -> new TcpCoalescer(PacketEndpoint.VNET_HEADER_LENGTH));

    /** What the home link tells the node. Implemented by {@link MobileNode}. */
    interface Events {
        /**
         * A Mobility Header from the home agent for the home address arrived on the home link.
         *
         * @param link this link
         * @param packet the Mobility Header, position..limit
         */
        void homeSignalling(HomeLink link, ByteBuffer packet);
    }

    /** The sockets and kernel entries of the home link; opened by {@code NodeServices.openHomeLink}. */
    interface Sockets extends AutoCloseable {
        /** @return the raw socket for whole packets, bound to the uplink */
        RawIpv6Endpoint packets();

        /** @return the raw socket for next header 135, bound to the uplink */
        RawIpv6Endpoint mobility();

        /** @return the ICMPv6 socket receiving Neighbour Solicitations on the uplink */
        Icmpv6Endpoint neighbours();

        /** @return the uplink's interface index */
        int index();

        /** @return the uplink's link-layer address, null if unknown */
        byte[] linkLayerAddress();

        /**
         * @return a packet socket on the uplink taking TCP super-packets behind a virtio-net
         *         header, or null where the platform has none
         */
        default PacketEndpoint superPackets() {
            return null;
        }

        /**
         * @param packet an IPv6 packet
         * @param at where its header starts
         * @return the link-layer address of its next hop on the uplink, or null if not known now
         */
        default byte[] nextHop(ByteBuffer packet, int at) {
            return null;
        }

        /** Removes the proxy entry and closes the sockets. */
        @Override
        void close();
    }

    private static final Inet6Address ALL_NODES = v6("ff02::1");

    private record Destination(byte[] bytes, InetAddress address) {
    }

    private final String uplink;
    private final Inet6Address homeAddress;
    private final Inet6Address homeAgent;
    private final byte[] homeAddressBytes;
    private final byte[] homeAgentBytes;
    private final Sockets sockets;
    private final Events events;
    private final Timers timers;
    private final MobilityCounters counters;
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder sendDrops = new LongAdder();
    private final LongAdder superPacketsSent = new LongAdder();
    /** The packet socket for super-packets, null without one or after it refused one. */
    private volatile PacketEndpoint superPackets;
    private volatile Destination lastDestination;
    private volatile PathState state = PathState.CONNECTING;
    private volatile long stateSince;
    private volatile boolean closed;

    /**
     * @param uplink the uplink on the home link
     * @param homeAddress the home address
     * @param homeAgent the home agent's address
     * @param sockets the open sockets (closed by {@link #close()})
     * @param events where signalling goes
     * @param timers time and timers (the unsolicited advertisements)
     * @param counters shared counters
     */
    HomeLink(String uplink, Inet6Address homeAddress, Inet6Address homeAgent, Sockets sockets, Events events,
            Timers timers, MobilityCounters counters) {
        this.uplink = uplink;
        this.homeAddress = homeAddress;
        this.homeAgent = homeAgent;
        this.homeAddressBytes = homeAddress.getAddress();
        this.homeAgentBytes = homeAgent.getAddress();
        this.sockets = sockets;
        this.events = events;
        this.timers = timers;
        this.counters = counters;
        this.stateSince = timers.epochMillis();
        this.superPackets = sockets.superPackets();
    }

    @Override
    public String uplink() {
        return uplink;
    }

    @Override
    public PathState state() {
        return state;
    }

    /**
     * Sends the segments of one TCP super-packet: merged back into one packet behind a virtio-net
     * header and handed to the uplink's packet socket in one call, where the platform has one and
     * the next hop's link-layer address is known ({@link Sockets#nextHop}); otherwise one by one
     * through the raw socket, as is a segment that cannot be merged. If the packet socket refuses
     * a super-packet (other than for a closed socket) its segments are counted as dropped and this
     * link sends packet by packet from then on, saying why in the log.
     */
    @Override
    public int sendSegments(ByteBuffer packets, int segmentSize) {
        PacketEndpoint gso = superPackets;
        int start = packets.position();
        int end = packets.limit();
        boolean severalSegments = segmentSize > 0 && end - start > segmentSize;
        byte[] nextHop = gso != null && severalSegments && state == PathState.UP ? sockets.nextHop(packets, start)
                : null;
        if (nextHop == null) {
            return Path.super.sendSegments(packets, segmentSize);
        }
        TcpCoalescer merge = COALESCERS.get();
        ByteBuffer segment = packets.duplicate();
        int sent = 0;
        int at = start;
        while (at < end) {
            int length = Math.min(segmentSize, end - at);
            segment.limit(at + length).position(at);
            if (merge.add(segment)) {
                at += length;
            } else if (merge.isEmpty()) {
                sent += send(segment) ? 1 : 0;
                at += length;
            } else {
                sent += sendMerged(merge, gso, nextHop);
            }
        }
        if (!merge.isEmpty()) {
            sent += sendMerged(merge, gso, nextHop);
        }
        packets.position(end);
        return sent;
    }

    private int sendMerged(TcpCoalescer merge, PacketEndpoint gso, byte[] nextHop) {
        int segments = merge.heldSegments();
        int bytes = merge.heldBytes();
        try {
            gso.send(merge.finish(), nextHop);
        } catch (PlatformException | RuntimeException e) {
            sendDrops.add(segments);
            if (!(e instanceof PlatformException p && p.code() == AnyhomeException.Code.CLOSED)) {
                superPackets = null;
                LOG.warning(() -> "home link " + uplink + ": the packet socket refused a super-packet ("
                        + e.getMessage() + "); sending packet by packet from now on");
            }
            return 0;
        }
        packetsSent.add(segments);
        bytesSent.add(bytes);
        if (superPacketsSent.sum() == 0) {
            LOG.info(() -> "home link " + uplink + ": TCP super-packets leave whole through a packet socket");
        }
        superPacketsSent.increment();
        return segments;
    }

    @Override
    public boolean send(ByteBuffer packet) {
        if (state != PathState.UP) {
            sendDrops.increment();
            return false;
        }
        int bytes = packet.remaining();
        if (bytes < Ipv6Header.LENGTH) {
            sendDrops.increment();
            return false;
        }
        try {
            sockets.packets().send(packet, destination(packet));
        } catch (PlatformException | RuntimeException e) {
            sendDrops.increment();
            return false;
        }
        packetsSent.increment();
        bytesSent.add(bytes);
        return true;
    }

    /** The packet's destination as an address object, reused while it stays the same (no allocation per packet). */
    private InetAddress destination(ByteBuffer packet) {
        int at = packet.position() + Ipv6Header.OFFSET_DESTINATION;
        Destination last = lastDestination;
        if (last != null && Ipv6Header.addressEquals(packet, at, last.bytes())) {
            return last.address();
        }
        byte[] d = new byte[16];
        packet.get(at, d);
        try {
            last = new Destination(d, InetAddress.getByAddress(d.clone()));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
        lastDestination = last;
        return last.address();
    }

    /**
     * Sends a Binding Update (a whole IPv6 packet from the home address) natively.
     *
     * @param packet the packet
     * @return true if handed to the kernel
     */
    boolean sendSignalling(ByteBuffer packet) {
        try {
            sockets.packets().send(packet, homeAgent);
            return true;
        } catch (PlatformException | RuntimeException e) {
            return false;
        }
    }

    /** The home agent acknowledged the deregistration: the path is UP and the home link learns where the home address is. */
    void arrived() {
        if (closed) {
            return;
        }
        state = PathState.UP;
        stateSince = timers.epochMillis();
        for (int i = 0; i < ADVERTISEMENTS; i++) {
            timers.schedule(i * 1000L, this::advertise);
        }
    }

    private void advertise() {
        if (!closed) {
            sendAdvertisement(ALL_NODES, false);
        }
    }

    private void sendAdvertisement(Inet6Address to, boolean solicited) {
        byte[] mac = sockets.linkLayerAddress();
        List<NdOption> options = mac == null ? List.of() : List.of(NdOption.LinkLayerAddress.target(mac));
        ByteBuffer b = ByteBuffer.allocate(64);
        Icmpv6.encodeWithoutChecksum(b, new NeighborAdvertisement(false, solicited, true, homeAddress, options));
        b.flip();
        try {
            sockets.neighbours().send(b, to, sockets.index(), ND_HOP_LIMIT);
        } catch (PlatformException e) {
            counters.drop("home-link-advertisement");
        }
    }

    /** Answers Neighbour Solicitations for the home address until closed; run on a thread of its own. */
    void neighbourLoop() {
        receiveUntilClosed(sockets.neighbours(), 1500, this::solicited);
    }

    /** Receives datagrams from an endpoint and hands each to {@code handler} until this link is closed. */
    private void receiveUntilClosed(Endpoint endpoint, int capacity, BiConsumer<ByteBuffer, ReceiveMetadata> handler) {
        ByteBuffer b = ByteBuffer.allocate(capacity);
        ReceiveMetadata m = new ReceiveMetadata();
        while (!closed) {
            b.clear();
            try {
                endpoint.receive(b, m);
            } catch (PlatformException e) {
                if (closed) {
                    return;
                }
                counters.drop("home-link-receive-error");
                continue;
            }
            b.flip();
            handler.accept(b, m);
        }
    }

    /** One ICMPv6 message from the uplink: a Neighbour Solicitation for the home address is answered. */
    void solicited(ByteBuffer message, ReceiveMetadata from) {
        if (message.remaining() < NeighborSolicitation.OFFSET_OPTIONS
                || (message.get(message.position()) & 0xff) != Icmpv6Type.NEIGHBOR_SOLICITATION.number()
                || (from.hopLimit() >= 0 && from.hopLimit() != ND_HOP_LIMIT)
                || !Ipv6Header.addressEquals(message, message.position() + NeighborSolicitation.OFFSET_TARGET,
                        homeAddressBytes)) {
            return;
        }
        byte[] source = from.sourceAddressBytes();
        boolean unspecified = Arrays.equals(source, new byte[16]);
        // RFC 4861 §7.2.4: to the soliciting node; a DAD probe (from ::) is answered to all nodes, not solicited
        sendAdvertisement(unspecified ? ALL_NODES : AddressFields.of(source.clone()), !unspecified);
    }

    /** Receives Mobility Headers on the uplink until closed; run on a thread of its own. */
    void signallingLoop() {
        receiveUntilClosed(sockets.mobility(), MobilityHeader.MAX_LENGTH, (b, m) -> {
            if (!Arrays.equals(m.sourceAddressBytes(), homeAgentBytes)
                    || !Arrays.equals(m.destinationAddressBytes(), homeAddressBytes)) {
                counters.drop("not-from-home-agent");
                return;
            }
            try {
                events.homeSignalling(this, b);
            } catch (RuntimeException e) {
                counters.drop("malformed");
            }
        });
    }

    /** Withdraws the proxy entry and closes the sockets; the path is DOWN. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        state = PathState.DOWN;
        stateSince = timers.epochMillis();
        sockets.close();
    }

    @Override
    public PathDTO describe() {
        PathDTO d = new PathDTO();
        d.uplink = uplink;
        d.careOfAddress = null;
        d.homeAgentAddress = null;
        d.encapsulation = Encapsulation.DIRECT;
        d.state = state;
        d.stateSince = stateSince;
        d.rttMs = -1;
        d.lossRatio = -1;
        d.jitterMs = -1;
        d.packetsSent = packetsSent.sum();
        d.bytesSent = bytesSent.sum();
        d.sendDrops = sendDrops.sum();
        d.failure = state == PathState.CONNECTING ? "waiting for the home agent to acknowledge the deregistration"
                : null;
        return d;
    }

    /** @return super-packets handed to the packet socket in one call each */
    long superPacketsSent() {
        return superPacketsSent.sum();
    }

    @Override
    public String toString() {
        return "home link " + uplink + " (" + AddressText.format(homeAddress) + " directly)";
    }

    private static Inet6Address v6(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
