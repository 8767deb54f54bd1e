package io.anyhome.platform.sim;

import io.anyhome.api.IpPrefix;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.Icmpv6Type;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import io.anyhome.packet.ip.AddressFields;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An emulated access router: on each link it is attached to it sends unsolicited Router
 * Advertisements at the configured intervals (each drawn in [min, max] from the network's seeded
 * random source; the first one right after attaching), answers Router Solicitations at once
 * (without the RFC 4861 §6.2.6 random delay), and forwards packets between its links.
 *
 * <p>Forwarding is deliberately simple: longest-prefix match over the on-link prefixes of its
 * interfaces (the advertised prefixes) and the routes added with {@link #addRoute}; the hop limit
 * is decremented and a packet that would reach zero is dropped (no ICMPv6 errors are sent); no
 * fragmentation, no filtering. That is enough to put a home agent or correspondent node behind
 * it. {@link #stop()} makes the router silent and stop forwarding (router lost) until
 * {@link #start()}.
 *
 * <p>Addresses: on each interface a link-local address from its MAC (modified EUI-64), the RAs'
 * source, and the first advertised prefix's {@code ::1}.
 */
public final class SimRouter {
    private final SimNetwork network;
    private final String name;
    private final Map<SimInterface, Port> ports = new LinkedHashMap<>();
    private final List<Route> staticRoutes = new ArrayList<>();
    private final Packets packets = new Packets();
    private final Stack stack = new Stack() {
        @Override
        public void receive(SimInterface in, byte[] packet) {
            SimRouter.this.receive(in, packet);
        }

        @Override
        public void linkChanged(SimInterface i) {
        }
    };
    private boolean running = true;
    private long advertisementsSent;
    private long forwarded;
    private long dropped;

    SimRouter(SimNetwork network, String name) {
        this.network = network;
        this.name = name;
    }

    /** @return the router's name */
    public String name() {
        return name;
    }

    /**
     * Attaches a new interface of this router to a link and starts advertising on it.
     *
     * @param link the link
     * @param config what to advertise
     * @return the router's interface on that link
     */
    public SimInterface attach(SimLink link, RaConfig config) {
        Objects.requireNonNull(config, "config");
        synchronized (network.clock()) {
            SimInterface i = new SimInterface(network, stack, ports.size() + 1, "r" + (ports.size() + 1), "", 1500);
            Port port = new Port(i);
            ports.put(i, port);
            port.configure(config);
            i.attach(link);
            scheduleAdvertisement(port, Duration.ZERO);
            return i;
        }
    }

    /**
     * Changes what the router advertises on one interface, from the next advertisement on.
     *
     * @param port an interface of this router
     * @param config the new configuration
     */
    public void configure(SimInterface port, RaConfig config) {
        synchronized (network.clock()) {
            port(port).configure(config);
        }
    }

    /**
     * Adds a route for forwarding.
     *
     * @param destination the destination prefix
     * @param port the outgoing interface of this router
     * @param gateway the next hop on that link, or null if the destination is on-link
     */
    public void addRoute(IpPrefix destination, SimInterface port, InetAddress gateway) {
        synchronized (network.clock()) {
            port(port);
            staticRoutes.add(new Route(destination, port, gateway == null ? null : gateway.getAddress()));
        }
    }

    /** Stops advertising, answering and forwarding: the router is lost. */
    public void stop() {
        synchronized (network.clock()) {
            running = false;
            for (Port p : ports.values()) {
                p.cancel();
            }
        }
    }

    /** Starts again after {@link #stop()}, with an advertisement on every interface at once. */
    public void start() {
        synchronized (network.clock()) {
            if (!running) {
                running = true;
                for (Port p : ports.values()) {
                    scheduleAdvertisement(p, Duration.ZERO);
                }
            }
        }
    }

    /** @return true unless stopped */
    public boolean isRunning() {
        synchronized (network.clock()) {
            return running;
        }
    }

    /**
     * @param port an interface of this router
     * @return the router's link-local address on it, the source of its advertisements
     */
    public InetAddress linkLocalAddress(SimInterface port) {
        synchronized (network.clock()) {
            return Addresses.inet(port(port).linkLocal);
        }
    }

    /**
     * @param port an interface of this router
     * @return the router's global address on it, the first prefix's {@code ::1}, or null without prefixes
     */
    public InetAddress globalAddress(SimInterface port) {
        synchronized (network.clock()) {
            byte[] g = port(port).global;
            return g == null ? null : Addresses.inet(g);
        }
    }

    /** @return Router Advertisements sent so far (solicited and unsolicited) */
    public long advertisementsSent() {
        synchronized (network.clock()) {
            return advertisementsSent;
        }
    }

    /** @return packets forwarded so far */
    public long forwarded() {
        synchronized (network.clock()) {
            return forwarded;
        }
    }

    /** @return packets dropped so far (no route, hop limit exhausted, malformed, stopped) */
    public long dropped() {
        synchronized (network.clock()) {
            return dropped;
        }
    }

    private Port port(SimInterface i) {
        Port p = ports.get(i);
        if (p == null) {
            throw new IllegalArgumentException("interface " + i.name() + " is not one of router " + name + "'s");
        }
        return p;
    }

    private void scheduleAdvertisement(Port port, Duration delay) {
        port.cancel();
        port.timer = network.clock().schedule(delay, () -> {
            if (running) {
                advertise(port, Addresses.ALL_NODES);
                RaConfig c = port.config;
                long span = c.maxInterval().toNanos() - c.minInterval().toNanos();
                long jitter = span == 0 ? 0 : (long) (network.random().nextDouble() * span);
                scheduleAdvertisement(port, c.minInterval().plusNanos(jitter));
            }
        });
    }

    private void advertise(Port port, byte[] destination) {
        RaConfig c = port.config;
        List<NdOption> options = new ArrayList<>();
        options.add(NdOption.LinkLayerAddress.source(port.iface.macBytes()));
        if (c.mtu() > 0) {
            options.add(new NdOption.Mtu(c.mtu()));
        }
        for (int k = 0; k < c.prefixes().size(); k++) {
            IpPrefix p = c.prefixes().get(k);
            int flags = NdOption.PrefixInformation.FLAG_ON_LINK | NdOption.PrefixInformation.FLAG_AUTONOMOUS;
            byte[] field = p.network().address().getAddress();
            if (c.homeAgent() && k == 0) {
                flags |= NdOption.PrefixInformation.FLAG_ROUTER_ADDRESS;
                field = port.global;
            }
            options.add(new NdOption.PrefixInformation(p.length(), flags, seconds(c.validLifetime()),
                    seconds(c.preferredLifetime()), AddressFields.of(field)));
        }
        options.add(new NdOption.AdvertisementInterval(c.maxInterval().toMillis()));
        if (c.homeAgent()) {
            options.add(new NdOption.HomeAgentInformation(0, (int) c.routerLifetime().getSeconds()));
        }
        RouterAdvertisement ra = new RouterAdvertisement(64, c.homeAgent() ? RouterAdvertisement.FLAG_HOME_AGENT : 0,
                (int) c.routerLifetime().getSeconds(), 0, 0, options);
        ByteBuffer message = ByteBuffer.allocate(Icmpv6.HEADER_LENGTH + ra.bodyLength());
        Icmpv6.encodeWithoutChecksum(message, ra);
        advertisementsSent++;
        port.iface.transmit(Packets.icmpv6(port.linkLocal, destination, 255, message.flip()), destination);
    }

    private static long seconds(Duration d) {
        return d == null ? NdOption.PrefixInformation.INFINITY
                : Math.min(d.getSeconds(), NdOption.PrefixInformation.INFINITY - 1);
    }

    private void receive(SimInterface in, byte[] packet) {
        if (!running || !packets.parse(packet)) {
            dropped++;
            return;
        }
        byte[] dst = packets.destination;
        if (Arrays.equals(dst, Addresses.ALL_ROUTERS) || Arrays.equals(dst, Addresses.ALL_NODES) || isOwn(dst)) {
            if (packets.protocol == Packets.ICMPV6 && packets.hopLimit == 255 && packets.upperLength >= 4
                    && (packet[packets.upperOffset] & 0xff) == Icmpv6Type.ROUTER_SOLICITATION.number()) {
                byte[] src = packets.source;
                advertise(ports.get(in), Addresses.isUnspecified(src) ? Addresses.ALL_NODES : src);
            }
            return;
        }
        if (Addresses.isMulticast(dst) || Addresses.isLinkLocal(dst) || packets.hopLimit <= 1) {
            dropped++;
            return;
        }
        Route r = lookup(dst);
        if (r == null || !r.port.isRunning()) {
            dropped++;
            return;
        }
        Packets.decrementHopLimit(packet);
        forwarded++;
        r.port.transmit(packet, r.gateway == null ? dst : r.gateway);
    }

    private boolean isOwn(byte[] dst) {
        for (Port p : ports.values()) {
            if (Arrays.equals(dst, p.linkLocal) || Arrays.equals(dst, p.global)) {
                return true;
            }
        }
        return false;
    }

    private Route lookup(byte[] dst) {
        Route best = null;
        List<Route> all = new ArrayList<>(staticRoutes);
        for (Port p : ports.values()) {
            for (IpPrefix prefix : p.config.prefixes()) {
                all.add(new Route(prefix, p.iface, null));
            }
        }
        for (Route r : all) {
            if (Addresses.contains(r.destination, dst)
                    && (best == null || r.destination.length() > best.destination.length())) {
                best = r;
            }
        }
        return best;
    }

    /** A forwarding route: destination, outgoing interface, next hop (null: on-link). */
    private record Route(IpPrefix destination, SimInterface port, byte[] gateway) {
    }

    /** One interface of the router with its advertisement configuration and timer. */
    private final class Port {
        final SimInterface iface;
        final byte[] linkLocal;
        RaConfig config;
        byte[] global;
        SimClock.Timer timer;

        Port(SimInterface iface) {
            this.iface = iface;
            this.linkLocal = Addresses.withInterfaceId(IpPrefix.parse("fe80::/64"), Addresses.eui64(iface.macBytes()));
        }

        void configure(RaConfig c) {
            config = c;
            if (c.prefixes().isEmpty()) {
                global = null;
            } else {
                global = c.prefixes().get(0).network().address().getAddress();
                global[global.length - 1] |= 1;
            }
            iface.addresses.clear();
            iface.addresses.add(new SimAddress(IpPrefix.of(Addresses.inet(linkLocal), 64), true));
            if (global != null) {
                iface.addresses.add(new SimAddress(IpPrefix.of(Addresses.inet(global), c.prefixes().get(0).length()),
                        true));
            }
        }

        void cancel() {
            if (timer != null) {
                timer.cancel();
            }
        }
    }
}
