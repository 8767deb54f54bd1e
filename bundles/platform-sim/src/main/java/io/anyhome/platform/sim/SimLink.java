package io.anyhome.platform.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An emulated link (one layer-2 segment) between the {@link SimInterface interfaces} attached to
 * it: nodes' uplinks and routers' ports. Tests change its properties at any time to emulate a
 * moving node: rate, one-way delay, loss, a bounded send queue, carrier (up or down: attached
 * interfaces see it as their carrier, and their nodes report a {@code LinkEvent} at that instant
 * of the clock) and an administrative blackhole (carrier up, nothing passes: a path that fails
 * silently).
 *
 * <h2>Timing</h2>
 * Each sending interface has its own transmitter: a packet starts when the transmitter is free,
 * takes {@code bits / rate} to serialise (no link-layer overhead is added) and arrives
 * {@link #delay(Duration) delay} later. At most {@link #queueLimit(int) queueLimit} packets may
 * wait for or occupy one transmitter; more are dropped. A lost packet (probability
 * {@link #loss(double) loss}, drawn from the network's seeded random source) still occupies its
 * transmitter, like a frame corrupted on the air. Carrier and blackhole are checked when a packet
 * is offered and again on arrival.
 *
 * <h2>Addressing</h2>
 * Neighbour discovery is not sent as packets: a unicast packet goes to the attached interface
 * that holds its next hop as an address (or publishes it as a proxy neighbour) at the time it is
 * sent; if none does, the packet is dropped as {@link LinkStats#unresolvedDrops()}. Multicast
 * packets go to every other attached interface.
 */
public final class SimLink {
    private final SimNetwork network;
    private final String name;
    private final List<SimInterface> attached = new ArrayList<>();
    private final Map<SimInterface, Transmitter> transmitters = new HashMap<>();
    private long rateBitsPerSecond;
    private long delayNanos;
    private double loss;
    private int queueLimit = 1000;
    private boolean carrier = true;
    private boolean blackhole;
    private long offered;
    private long delivered;
    private long lossDrops;
    private long queueDrops;
    private long blackholeDrops;
    private long carrierDrops;
    private long unresolvedDrops;

    SimLink(SimNetwork network, String name) {
        this.network = network;
        this.name = name;
    }

    /** @return the link's name */
    public String name() {
        return name;
    }

    /**
     * @param bitsPerSecond the rate of each transmitter, 0 for unlimited (no serialisation delay)
     * @return this link
     */
    public SimLink rate(long bitsPerSecond) {
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("rate " + bitsPerSecond + " is negative");
        }
        synchronized (network.clock()) {
            this.rateBitsPerSecond = bitsPerSecond;
        }
        return this;
    }

    /**
     * @param oneWay the propagation delay every packet gets after serialisation, not negative
     * @return this link
     */
    public SimLink delay(Duration oneWay) {
        if (oneWay.isNegative()) {
            throw new IllegalArgumentException("delay " + oneWay + " is negative");
        }
        synchronized (network.clock()) {
            this.delayNanos = oneWay.toNanos();
        }
        return this;
    }

    /**
     * @param probability the probability that a packet is lost, 0..1
     * @return this link
     */
    public SimLink loss(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("loss " + probability + " is outside 0..1");
        }
        synchronized (network.clock()) {
            this.loss = probability;
        }
        return this;
    }

    /**
     * @param packets how many packets one transmitter may hold (the one being sent included), at least 1
     * @return this link
     */
    public SimLink queueLimit(int packets) {
        if (packets < 1) {
            throw new IllegalArgumentException("queueLimit " + packets + " is less than 1");
        }
        synchronized (network.clock()) {
            this.queueLimit = packets;
        }
        return this;
    }

    /**
     * Sets the carrier; attached interfaces report the change to their nodes' monitors now.
     *
     * @param up true for carrier up
     * @return this link
     */
    public SimLink carrier(boolean up) {
        synchronized (network.clock()) {
            if (carrier != up) {
                carrier = up;
                for (SimInterface i : List.copyOf(attached)) {
                    i.lowerLayerChanged();
                }
            }
        }
        return this;
    }

    /**
     * @param on true to drop every packet while the carrier stays up (a silent path failure)
     * @return this link
     */
    public SimLink blackhole(boolean on) {
        synchronized (network.clock()) {
            this.blackhole = on;
        }
        return this;
    }

    /** @return true if the carrier is up */
    public boolean carrier() {
        synchronized (network.clock()) {
            return carrier;
        }
    }

    /** @return the interfaces attached to this link */
    public List<SimInterface> interfaces() {
        synchronized (network.clock()) {
            return List.copyOf(attached);
        }
    }

    /** @return the counters so far */
    public LinkStats stats() {
        synchronized (network.clock()) {
            return new LinkStats(offered, delivered, lossDrops, queueDrops, blackholeDrops, carrierDrops,
                    unresolvedDrops);
        }
    }

    void attach(SimInterface i) {
        if (!attached.contains(i)) {
            attached.add(i);
            i.lowerLayerChanged();
        }
    }

    void detach(SimInterface i) {
        if (attached.remove(i)) {
            transmitters.remove(i);
            i.lowerLayerChanged();
        }
    }

    /**
     * Offers a packet from an attached interface. Called with the network's monitor held.
     *
     * @param from the sending interface
     * @param packet the IP packet (not copied: callers hand over a fresh array)
     * @param nextHop the next hop's 4 or 16 address bytes, or null (or a multicast address) for every other interface
     */
    void send(SimInterface from, byte[] packet, byte[] nextHop) {
        Objects.requireNonNull(packet, "packet");
        offered++;
        if (!carrier) {
            carrierDrops++;
            return;
        }
        if (blackhole) {
            blackholeDrops++;
            return;
        }
        List<SimInterface> targets = targets(from, nextHop);
        if (targets.isEmpty()) {
            unresolvedDrops++;
            return;
        }
        Transmitter tx = transmitters.computeIfAbsent(from, k -> new Transmitter());
        if (tx.queued >= queueLimit) {
            queueDrops++;
            return;
        }
        SimClock clock = network.clock();
        long now = clock.nanos();
        long start = Math.max(now, tx.busyUntil);
        long serialisation = rateBitsPerSecond == 0 ? 0
                : (long) Math.ceil(packet.length * 8.0 * 1_000_000_000.0 / rateBitsPerSecond);
        long done = start + serialisation;
        tx.busyUntil = done;
        tx.queued++;
        clock.scheduleAt(done, () -> tx.queued--);
        if (loss > 0 && network.random().nextDouble() < loss) {
            lossDrops++;
            return;
        }
        clock.scheduleAt(done + delayNanos, () -> arrive(targets, packet));
    }

    private List<SimInterface> targets(SimInterface from, byte[] nextHop) {
        List<SimInterface> out = new ArrayList<>(2);
        boolean multicast = nextHop == null || Addresses.isMulticast(nextHop);
        for (SimInterface i : attached) {
            if (i == from) {
                continue;
            }
            if (multicast) {
                out.add(i);
            } else if (i.answersFor(nextHop)) {
                out.add(i);
                break;
            }
        }
        return out;
    }

    private void arrive(List<SimInterface> targets, byte[] packet) {
        if (!carrier) {
            carrierDrops++;
            return;
        }
        if (blackhole) {
            blackholeDrops++;
            return;
        }
        boolean any = false;
        for (SimInterface i : targets) {
            if (attached.contains(i)) {
                any = true;
                i.receive(targets.size() == 1 ? packet : packet.clone());
            }
        }
        if (any) {
            delivered++;
        }
    }

    /** One sending interface's transmitter: when it is free, and how many packets it holds. */
    private static final class Transmitter {
        long busyUntil;
        int queued;
    }
}
