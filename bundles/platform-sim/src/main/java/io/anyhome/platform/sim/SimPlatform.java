package io.anyhome.platform.sim;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.PacketEndpoint;
import io.anyhome.api.platform.PacketOptions;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.RouteEvent;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.api.platform.WirelessStation;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a {@link SimNetwork}, seen through the {@link Platform} interface: what a unit test
 * hands to the vi, ifs, NIC drivers, mobility or the home agent instead of {@code platform-linux}.
 * The test builds the node's interfaces with {@link #addInterface(String, SimLink)}.
 *
 * <p>Emulated as Linux behaves where anyhome depends on it: interfaces with link events; addresses
 * with DAD and SLAAC ({@link Autoconf}); connected, RA-learned and configured routes in tables
 * with metrics, and policy rules ({@link NodeRoutes}); proxy neighbour entries (answered when
 * {@code proxy_ndp} is on); per-interface IPv6 settings ({@code all} and {@code default} too;
 * setting {@code forwarding} on {@code all} sets it everywhere); TUN devices; UDP, raw IPv6 and
 * ICMPv6 endpoints. Errors carry Linux's errno: an unknown interface index gives
 * {@code ENODEV} (19), an unknown name {@code NOT_FOUND} with {@code ENODEV}, an unreachable
 * gateway {@code ENETUNREACH} (101), a bind to an address the node does not hold (or holds
 * tentatively) {@code EADDRNOTAVAIL} (99), a port in use {@code EADDRINUSE} (98).
 *
 * <p>Not emulated: neighbour discovery as packets (links resolve next hops directly, see
 * {@link SimLink}), ICMPv6 errors and echo replies, fragmentation, the MTU option, IPv4 address
 * resolution, multicast group membership (a node accepts {@code ff02::1}, and {@code ff02::2} when
 * forwarding), {@code IFF_VNET_HDR} and multi-queue TUN devices, GSO/GRO (segmented sends go one
 * by one), DHCP. Packets sent to the node's own addresses are delivered at once.
 */
public final class SimPlatform implements Platform {
    private final SimNetwork network;
    private final String name;
    private final SimClock clock;
    private final NodeEvents events;
    private final NodeRoutes routes = new NodeRoutes();
    private final Autoconf autoconf;
    private final Packets packets = new Packets();
    private final Map<Integer, SimInterface> interfaces = new LinkedHashMap<>();
    private final Map<String, int[]> settings = new LinkedHashMap<>();
    private final Map<String, SimTunDevice> tuns = new LinkedHashMap<>();
    private final List<SimEndpoint> endpoints = new ArrayList<>();
    private final Stack stack = new Stack() {
        @Override
        public void receive(SimInterface in, byte[] packet) {
            receiveFrom(in, packet);
        }

        @Override
        public void linkChanged(SimInterface i) {
            SimPlatform.this.linkChanged(i);
        }

        @Override
        public boolean answersProxy(SimInterface i, byte[] address) {
            return setting(i.name(), Ipv6Setting.PROXY_NDP) != 0
                    && i.proxies.stream().anyMatch(p -> Arrays.equals(p, address));
        }
    };
    private int nextIndex = 1;
    private int nextPort = 32768;
    private long drops;

    SimPlatform(SimNetwork network, String name) {
        this.network = network;
        this.name = name;
        this.clock = network.clock();
        this.events = new NodeEvents(clock);
        this.autoconf = new Autoconf(this, clock);
        int[] defaults = new int[Ipv6Setting.values().length];
        defaults[Ipv6Setting.ACCEPT_RA.ordinal()] = 1;
        defaults[Ipv6Setting.ACCEPT_DAD.ordinal()] = 1;
        defaults[Ipv6Setting.DAD_TRANSMITS.ordinal()] = 1;
        defaults[Ipv6Setting.AUTOCONF.ordinal()] = 1;
        settings.put("all", defaults.clone());
        settings.put("default", defaults);
    }

    // ---- the topology, for tests ----

    /** @return the node's name */
    public String name() {
        return name;
    }

    /** @return the network this node belongs to */
    public SimNetwork network() {
        return network;
    }

    /**
     * Adds an uplink interface (MTU 1500, administratively up) attached to a link, with a
     * link-local address from its MAC (DAD applies); reports it to the monitors and, if it accepts
     * RAs and has carrier, sends a Router Solicitation.
     *
     * @param interfaceName the name, unique on this node
     * @param link the link, or null to attach it later with {@link SimInterface#attach(SimLink)}
     * @return the interface
     * @throws IllegalArgumentException if the name is taken
     */
    public SimInterface addInterface(String interfaceName, SimLink link) {
        synchronized (clock) {
            if (find(interfaceName) != null) {
                throw new IllegalArgumentException("interface " + interfaceName + " exists on node " + name);
            }
            SimInterface i = newInterface(interfaceName, "", 1500);
            SimAddress ll = new SimAddress(IpPrefix.of(Addresses.inet(Addresses.withInterfaceId(
                    IpPrefix.parse("fe80::/64"), i.interfaceId())), 64), true);
            addAddressEntry(i, ll, false);
            if (link != null) {
                i.attach(link);
            }
            return i;
        }
    }

    /**
     * @param interfaceName an interface name
     * @return the interface
     * @throws IllegalArgumentException if there is none
     */
    public SimInterface iface(String interfaceName) {
        synchronized (clock) {
            SimInterface i = find(interfaceName);
            if (i == null) {
                throw new IllegalArgumentException("no interface " + interfaceName + " on node " + name);
            }
            return i;
        }
    }

    /** @return the node's interfaces in index order */
    public List<SimInterface> interfaces() {
        synchronized (clock) {
            return List.copyOf(interfaces.values());
        }
    }

    /**
     * @param time how long DAD takes per probe ({@code dad_transmits}); 1 s unless set
     * @return this node
     */
    public SimPlatform dadTime(Duration time) {
        synchronized (clock) {
            autoconf.dadTime = time;
        }
        return this;
    }

    /** @return packets this node dropped: malformed, not for it and not forwarded, no endpoint, no route */
    public long drops() {
        synchronized (clock) {
            return drops;
        }
    }

    // ---- Platform ----

    @Override
    public PlatformCapabilitiesDTO capabilities() {
        PlatformCapabilitiesDTO c = new PlatformCapabilitiesDTO();
        c.name = ConfigurationPids.PLATFORM_SIM;
        c.available = true;
        c.tun = true;
        c.rtnetlink = true;
        c.netAdmin = true;
        c.rawSockets = true;
        c.policyRouting = true;
        c.wirelessInfo = true;
        String emulated = "emulated: not offered by the in-process network emulator";
        c.featureCauses = Map.of("tunVnetHeader", emulated, "tunMultiQueue", emulated, "udpGso",
                "emulated: segmented sends go datagram by datagram", "udpGro", emulated, "kernelMip6",
                "emulated: no kernel");
        return c;
    }

    @Override
    public TunDevice openTun(TunOptions options) throws PlatformException {
        synchronized (clock) {
            if (options.vnetHeader() || options.multiQueue()) {
                throw new PlatformException(Code.UNAVAILABLE, "open TUN " + options.name()
                        + ": vnet header and multi-queue are not emulated", 22, null);
            }
            if (tuns.containsKey(options.name()) || find(options.name()) != null) {
                throw new PlatformException(Code.CONFLICT, "open TUN " + options.name() + ": device busy", 16, null);
            }
            SimInterface i = newInterface(options.name(), "tun", options.mtu());
            SimTunDevice tun = new SimTunDevice(this, i);
            tuns.put(options.name(), tun);
            i.setTunOpen(true);
            return tun;
        }
    }

    @Override
    public Registration monitor(NetworkListener listener) {
        synchronized (clock) {
            // the dump iterates over copies: a listener may configure the node from its callback
            // (as it may on Linux, where the dump arrives on the monitor's own thread)
            return events.add(listener, l -> {
                List<SimInterface> all = List.copyOf(interfaces.values());
                for (SimInterface i : all) {
                    NodeEvents.call(l, x -> x.link(events.linkEvent(i, Change.NEW)));
                }
                for (SimInterface i : all) {
                    for (SimAddress a : List.copyOf(i.addresses)) {
                        NodeEvents.call(l, x -> x.address(events.addressEvent(i, a, Change.NEW)));
                    }
                }
                for (NodeRoutes.Entry e : List.copyOf(routes.routes)) {
                    NodeEvents.call(l, x -> x.route(events.routeEvent(e, Change.NEW)));
                }
                for (SimInterface i : all) {
                    for (byte[] p : List.copyOf(i.proxies)) {
                        NodeEvents.call(l, x -> x.neighbour(events.proxyEvent(i.index(), p, Change.NEW)));
                    }
                }
            });
        }
    }

    @Override
    public int interfaceIndex(String interfaceName) throws PlatformException {
        synchronized (clock) {
            SimInterface i = find(interfaceName);
            if (i == null) {
                throw new PlatformException(Code.NOT_FOUND, "interface " + interfaceName, 19, "Cannot find device");
            }
            return i.index();
        }
    }

    @Override
    public void setLinkUp(int index, boolean up) throws PlatformException {
        synchronized (clock) {
            SimInterface i = require(index, "set link " + (up ? "up" : "down"));
            if (i.isUp() != up) {
                i.setAdminUp(up);
                linkChanged(i);
            }
        }
    }

    @Override
    public void setMtu(int index, int mtu) throws PlatformException {
        synchronized (clock) {
            SimInterface i = require(index, "set mtu " + mtu);
            if (mtu < 68 || mtu > 65535) {
                throw new PlatformException(Code.INVALID_ARGUMENT, "set mtu " + mtu + " on " + i.name(), 22,
                        "mtu less than device minimum or greater than maximum");
            }
            i.setMtu(mtu);
            events.link(i, Change.NEW);
        }
    }

    @Override
    public void addAddress(int index, IpPrefix address, boolean skipDad) throws PlatformException {
        synchronized (clock) {
            SimInterface i = require(index, "add address " + address);
            if (i.address(address.address().getAddress()) == null) {
                addAddressEntry(i, new SimAddress(address, true), skipDad);
            }
        }
    }

    @Override
    public void removeAddress(int index, IpPrefix address) throws PlatformException {
        synchronized (clock) {
            SimInterface i = require(index, "remove address " + address);
            SimAddress a = i.address(address.address().getAddress());
            if (a != null) {
                removeAddressEntry(i, a);
            }
        }
    }

    @Override
    public void addRoute(RouteSpec route) throws PlatformException {
        synchronized (clock) {
            String what = "add route " + route.destination() + " table " + route.table();
            RouteSpec resolved = resolve(route, what);
            NodeRoutes.Entry old = routes.find(resolved);
            if (old != null) {
                routes.routes.remove(old);
            }
            putRoute(resolved, RouteEvent.PROTOCOL_STATIC);
        }
    }

    @Override
    public void removeRoute(RouteSpec route) throws PlatformException {
        synchronized (clock) {
            if (route.index() != 0) {
                require(route.index(), "remove route " + route.destination());
            }
            removeRouteEntry(route);
        }
    }

    @Override
    public void addRule(PolicyRule rule) {
        synchronized (clock) {
            if (!routes.rules.contains(rule)) {
                routes.rules.add(rule);
            }
        }
    }

    @Override
    public void removeRule(PolicyRule rule) {
        synchronized (clock) {
            routes.rules.remove(rule);
        }
    }

    @Override
    public int removeRules(int priority) {
        synchronized (clock) {
            int before = routes.rules.size();
            routes.rules.removeIf(r -> r.priority() == priority && r.from().isIpv6());
            return before - routes.rules.size();
        }
    }

    @Override
    public void addProxyNeighbour(int index, InetAddress address) throws PlatformException {
        synchronized (clock) {
            SimInterface i = require(index, "add proxy neighbour " + address.getHostAddress());
            byte[] b = address.getAddress();
            if (i.proxies.stream().noneMatch(p -> Arrays.equals(p, b))) {
                i.proxies.add(b);
                events.neighbour(events.proxyEvent(index, b, Change.NEW));
            }
        }
    }

    @Override
    public void removeProxyNeighbour(int index, InetAddress address) throws PlatformException {
        synchronized (clock) {
            SimInterface i = require(index, "remove proxy neighbour " + address.getHostAddress());
            byte[] b = address.getAddress();
            if (i.proxies.removeIf(p -> Arrays.equals(p, b))) {
                events.neighbour(events.proxyEvent(index, b, Change.DELETED));
            }
        }
    }

    /** Links resolve next hops directly (no neighbour cache): only the interface is checked. */
    @Override
    public void removeNeighbour(int index, InetAddress address) throws PlatformException {
        synchronized (clock) {
            require(index, "remove neighbour " + address.getHostAddress());
        }
    }

    @Override
    public int ipv6Setting(String interfaceName, Ipv6Setting setting) throws PlatformException {
        synchronized (clock) {
            return settingsOf(interfaceName, setting)[setting.ordinal()];
        }
    }

    @Override
    public void setIpv6Setting(String interfaceName, Ipv6Setting setting, int value) throws PlatformException {
        synchronized (clock) {
            settingsOf(interfaceName, setting)[setting.ordinal()] = value;
            if (interfaceName.equals("all") && setting == Ipv6Setting.FORWARDING) {
                for (int[] s : settings.values()) {
                    s[setting.ordinal()] = value;
                }
            }
        }
    }

    @Override
    public LinkDetails linkDetails(int index) throws PlatformException {
        synchronized (clock) {
            return require(index, "link details").details();
        }
    }

    @Override
    public LinkStatistics linkStatistics(int index) throws PlatformException {
        synchronized (clock) {
            return require(index, "link statistics").statistics();
        }
    }

    @Override
    public Optional<WirelessStation> wirelessStation(int index) throws PlatformException {
        synchronized (clock) {
            return require(index, "wireless station").station(clock.epochMillis());
        }
    }

    @Override
    public UdpEndpoint openUdp(UdpOptions options) throws PlatformException {
        synchronized (clock) {
            String what = "bind UDP " + options.bindAddress().getHostAddress() + " port " + options.port();
            requireBindable(options.bindAddress().isAnyLocalAddress() ? null : options.bindAddress().getAddress(),
                    options.device(), what);
            int port = options.port() == 0 ? ephemeralPort() : options.port();
            for (SimEndpoint e : endpoints) {
                if (e instanceof SimUdpEndpoint u && u.port == port && (u.bindAddress == null
                        || options.bindAddress().isAnyLocalAddress()
                        || Arrays.equals(u.bindAddress, options.bindAddress().getAddress()))) {
                    throw new PlatformException(Code.CONFLICT, what, 98, "Address already in use");
                }
            }
            SimUdpEndpoint u = new SimUdpEndpoint(this, options.bindAddress(), port, options.device());
            endpoints.add(u);
            return u;
        }
    }

    @Override
    public RawIpv6Endpoint openRawIpv6(RawIpv6Options options) throws PlatformException {
        synchronized (clock) {
            byte[] bind = options.bindAddress() == null || options.bindAddress().isAnyLocalAddress() ? null
                    : options.bindAddress().getAddress();
            requireBindable(bind, options.device(), "open raw IPv6 socket for next header " + options.nextHeader());
            SimRawIpv6Endpoint e = new SimRawIpv6Endpoint(this, options, bind);
            endpoints.add(e);
            return e;
        }
    }

    /** Not emulated: links carry whole IP packets, so there is no link layer to send on. */
    @Override
    public PacketEndpoint openPacket(PacketOptions options) throws PlatformException {
        throw new PlatformException(Code.UNAVAILABLE, "open packet socket on "
                + options.interfaceName() + ": the emulator has no link layer");
    }

    @Override
    public Icmpv6Endpoint openIcmpv6(Icmpv6Options options) throws PlatformException {
        synchronized (clock) {
            byte[] bind = options.bindAddress() == null || options.bindAddress().isAnyLocalAddress() ? null
                    : options.bindAddress().getAddress();
            requireBindable(bind, options.device(), "open ICMPv6 socket");
            SimIcmpv6Endpoint e = new SimIcmpv6Endpoint(this, options.types(), bind, options.device());
            endpoints.add(e);
            return e;
        }
    }

    @Override
    public String toString() {
        return "SimPlatform[" + name + "]";
    }

    // ---- state changes shared with Autoconf, endpoints and devices ----

    Object monitor() {
        return clock;
    }

    NodeEvents events() {
        return events;
    }

    NodeRoutes routes() {
        return routes;
    }

    int setting(String interfaceName, Ipv6Setting setting) {
        int[] s = settings.get(interfaceName);
        return (s != null ? s : settings.get("default"))[setting.ordinal()];
    }

    void putRoute(RouteSpec spec, int protocol) {
        NodeRoutes.Entry e = new NodeRoutes.Entry(spec, protocol);
        routes.routes.add(e);
        events.route(e, Change.NEW);
    }

    void removeRouteEntry(RouteSpec spec) {
        NodeRoutes.Entry e = routes.match(spec);
        if (e != null) {
            routes.routes.remove(e);
            events.route(e, Change.DELETED);
        }
    }

    void addAddressEntry(SimInterface i, SimAddress a, boolean skipDad) {
        i.addresses.add(a);
        autoconf.startDad(i, a, skipDad);
        events.address(i, a, Change.NEW);
        int max = a.bytes.length * 8;
        if (a.prefix.length() < max) {
            RouteSpec connected = RouteSpec.onLink(a.prefix.network(), i.index(), 256);
            if (routes.find(connected) == null) {
                putRoute(connected, RouteEvent.PROTOCOL_KERNEL);
            }
        }
    }

    void removeAddressEntry(SimInterface i, SimAddress a) {
        if (!i.addresses.remove(a)) {
            return;
        }
        a.cancelTimers();
        events.address(i, a, Change.DELETED);
        IpPrefix net = a.prefix.network();
        boolean stillUsed = i.addresses.stream().anyMatch(o -> o.prefix.network().equals(net));
        NodeRoutes.Entry connected = routes.match(RouteSpec.onLink(net, i.index(), 256));
        if (!stillUsed && connected != null && connected.protocol() == RouteEvent.PROTOCOL_KERNEL) {
            removeRouteEntry(connected.spec());
        }
    }

    int deviceIndex(String device) {
        SimInterface i = device == null ? null : find(device);
        return i == null ? 0 : i.index();
    }

    void endpointClosed(SimEndpoint e) {
        endpoints.remove(e);
    }

    void tunClosed(SimTunDevice tun) {
        tuns.remove(tun.name());
        SimInterface i = tun.iface();
        i.setTunOpen(false);
        for (SimAddress a : List.copyOf(i.addresses)) {
            removeAddressEntry(i, a);
        }
        for (NodeRoutes.Entry e : routes.removeInterface(i.index())) {
            events.route(e, Change.DELETED);
        }
        interfaces.remove(i.index());
        settings.remove(i.name());
        events.link(i, Change.DELETED);
    }

    /** Builds a packet once the source address is chosen. */
    interface PacketBuilder {
        byte[] build(byte[] source);
    }

    /**
     * Routes and sends a locally generated packet.
     *
     * @param boundSource the endpoint's address, or null to choose one from the outgoing interface
     * @param destination the destination (or first hop for a complete packet)
     * @param oif the interface the sender names or is bound to, 0 for any
     */
    void send(byte[] boundSource, byte[] destination, int oif, PacketBuilder builder) throws PlatformException {
        String what = "send to " + Addresses.inet(destination).getHostAddress();
        if (oif != 0) {
            require(oif, what);
        }
        NodeRoutes.Hop hop;
        if (oif != 0 && Addresses.isLinkScope(destination)) {
            hop = new NodeRoutes.Hop(oif, destination);
        } else if (Addresses.isMulticast(destination)) {
            throw new PlatformException(Code.INVALID_ARGUMENT, what + ": a multicast destination needs an interface",
                    22, null);
        } else {
            hop = routes.lookup(boundSource, destination, oif, this::isUp);
        }
        if (hop == null) {
            throw new PlatformException(Code.IO_ERROR, what, 101, "Network is unreachable");
        }
        SimInterface out = interfaces.get(hop.index());
        byte[] source = boundSource != null ? boundSource : chooseSource(out, destination);
        if (source == null) {
            throw new PlatformException(Code.IO_ERROR, what + " via " + out.name(), 99,
                    "no usable source address");
        }
        byte[] packet = builder.build(source);
        if (packet.length > out.mtu()) {
            throw new PlatformException(Code.INVALID_ARGUMENT, what + ": " + packet.length + " bytes exceed the MTU "
                    + out.mtu() + " of " + out.name(), 90, "Message too long");
        }
        transmit(out, packet, destination, hop.nextHop());
    }

    /** A packet arrived on an interface (or was written to a TUN device). */
    void receiveFrom(SimInterface in, byte[] packet) {
        if (!packets.parse(packet)) {
            drops++;
            return;
        }
        byte[] dst = packets.destination;
        if (isLocal(dst) || (Addresses.isMulticast(dst) && acceptsMulticast(in, dst))) {
            deliver(in, packet);
            return;
        }
        if (Addresses.isMulticast(dst) || Addresses.isLinkLocal(dst)
                || setting(in.name(), Ipv6Setting.FORWARDING) == 0 || packets.hopLimit <= 1) {
            drops++;
            return;
        }
        NodeRoutes.Hop hop = routes.lookup(packets.source, dst, 0, this::isUp);
        if (hop == null) {
            drops++;
            return;
        }
        Packets.decrementHopLimit(packet);
        transmit(interfaces.get(hop.index()), packet, dst, hop.nextHop());
    }

    // ---- internals ----

    private void transmit(SimInterface out, byte[] packet, byte[] destination, byte[] nextHop) {
        if (isLocal(destination)) {
            receiveFrom(out, packet);
            return;
        }
        SimTunDevice tun = tuns.get(out.name());
        boolean sent = tun != null ? tun.enqueue(packet) : out.transmit(packet, nextHop);
        if (!sent) {
            drops++;
        }
    }

    private void deliver(SimInterface in, byte[] packet) {
        Packets p = packets;
        byte[] data = Arrays.copyOfRange(packet, p.upperOffset, p.upperOffset + p.upperLength);
        if (p.protocol == Packets.UDP) {
            deliverUdp(in, data);
            return;
        }
        boolean taken = false;
        if (p.protocol == Packets.ICMPV6 && data.length >= 4) {
            int type = data[0] & 0xff;
            if (type == 134) {
                autoconf.routerAdvertisement(in, p, packet);
            }
            for (SimEndpoint e : List.copyOf(endpoints)) {
                if (e instanceof SimIcmpv6Endpoint icmp && icmp.wants(type) && e.accepts(p.destination, in)) {
                    e.enqueue(new SimEndpoint.Datagram(data, p.source, 0, p.destination, in.index(), p.hopLimit));
                    taken = true;
                }
            }
        }
        for (SimEndpoint e : List.copyOf(endpoints)) {
            if (e instanceof SimRawIpv6Endpoint raw && raw.nextHeader() == p.protocol
                    && raw.nextHeader() != RawIpv6Options.HEADER_INCLUDED && e.accepts(p.destination, in)) {
                e.enqueue(new SimEndpoint.Datagram(data, p.source, 0, p.destination, in.index(), p.hopLimit));
                taken = true;
            }
        }
        if (!taken && p.protocol != Packets.ICMPV6) {
            drops++;
        }
    }

    private void deliverUdp(SimInterface in, byte[] udp) {
        Packets p = packets;
        if (udp.length < 8) {
            drops++;
            return;
        }
        int sourcePort = ((udp[0] & 0xff) << 8) | (udp[1] & 0xff);
        int port = ((udp[2] & 0xff) << 8) | (udp[3] & 0xff);
        SimUdpEndpoint best = null;
        for (SimEndpoint e : endpoints) {
            if (e instanceof SimUdpEndpoint u && u.port == port && u.accepts(p.destination, in)
                    && (best == null || u.bindAddress != null)) {
                best = u;
            }
        }
        if (best == null) {
            drops++;
            return;
        }
        best.enqueue(new SimEndpoint.Datagram(Arrays.copyOfRange(udp, 8, udp.length), p.source, sourcePort,
                p.destination, in.index(), p.hopLimit));
    }

    private boolean acceptsMulticast(SimInterface in, byte[] dst) {
        return Arrays.equals(dst, Addresses.ALL_NODES)
                || (Arrays.equals(dst, Addresses.ALL_ROUTERS) && setting(in.name(), Ipv6Setting.FORWARDING) != 0);
    }

    private boolean isLocal(byte[] address) {
        for (SimInterface i : interfaces.values()) {
            SimAddress a = i.address(address);
            if (a != null && a.usableAsSource()) {
                return true;
            }
        }
        return false;
    }

    private boolean isUp(int index) {
        SimInterface i = interfaces.get(index);
        return i != null && i.isUp();
    }

    private byte[] chooseSource(SimInterface out, byte[] destination) {
        boolean linkScope = Addresses.isLinkScope(destination);
        SimAddress fallback = null;
        for (SimInterface i : interfaces.values()) {
            for (SimAddress a : i.addresses) {
                if (!a.usableAsSource() || a.bytes.length != destination.length
                        || Addresses.isLinkLocal(a.bytes) != linkScope) {
                    continue;
                }
                if (i == out && !a.deprecated) {
                    return a.bytes;
                }
                if (fallback == null && (!linkScope || i == out)) {
                    fallback = a;
                }
            }
        }
        return fallback == null ? null : fallback.bytes;
    }

    private void linkChanged(SimInterface i) {
        if (!interfaces.containsKey(i.index())) {
            return;
        }
        events.link(i, Change.NEW);
        if (i.isRunning() && i.kind().isEmpty() && autoconf.acceptsRa(i)) {
            solicitRouters(i);
        }
    }

    private void solicitRouters(SimInterface i) {
        SimAddress ll = i.addresses.stream().filter(a -> Addresses.isLinkLocal(a.bytes) && a.usableAsSource())
                .findFirst().orElse(null);
        byte[] source = ll == null ? Addresses.UNSPECIFIED : ll.bytes;
        java.nio.ByteBuffer rs = java.nio.ByteBuffer.allocate(16);
        rs.put((byte) 133).put((byte) 0).putShort((short) 0).putInt(0);
        if (ll != null) {
            rs.put((byte) 1).put((byte) 1).put(i.macBytes());
        }
        i.transmit(Packets.icmpv6(source, Addresses.ALL_ROUTERS, 255, rs.flip()), Addresses.ALL_ROUTERS);
    }

    private SimInterface newInterface(String interfaceName, String kind, int mtu) {
        SimInterface i = new SimInterface(network, stack, nextIndex++, interfaceName, kind, mtu);
        interfaces.put(i.index(), i);
        settings.put(interfaceName, settings.get("default").clone());
        events.link(i, Change.NEW);
        return i;
    }

    private SimInterface find(String interfaceName) {
        for (SimInterface i : interfaces.values()) {
            if (i.name().equals(interfaceName)) {
                return i;
            }
        }
        return null;
    }

    private SimInterface require(int index, String what) throws PlatformException {
        SimInterface i = interfaces.get(index);
        if (i == null) {
            throw new PlatformException(Code.NOT_FOUND, what + ": no interface with index " + index, 19,
                    "Cannot find device");
        }
        return i;
    }

    private int[] settingsOf(String interfaceName, Ipv6Setting setting) throws PlatformException {
        int[] s = settings.get(interfaceName);
        if (s == null) {
            throw new PlatformException(Code.NOT_FOUND, "net.ipv6.conf." + interfaceName + "." + setting.sysctlName()
                    + ": no such interface", 2, null);
        }
        return s;
    }

    private RouteSpec resolve(RouteSpec route, String what) throws PlatformException {
        int index = route.index();
        if (index != 0) {
            require(index, what);
        }
        if (route.gateway() != null) {
            byte[] gw = route.gateway().getAddress();
            if (index == 0) {
                index = routes.interfaceFor(gw);
            }
            boolean reachable = index != 0 && (Addresses.isLinkLocal(gw) || routes.onLink(gw, index));
            if (!reachable) {
                throw new PlatformException(Code.INVALID_ARGUMENT, what + " via "
                        + route.gateway().getHostAddress(), 101, "Nexthop has invalid gateway.");
            }
        }
        return new RouteSpec(route.destination(), route.gateway(), index, route.table(), route.metric());
    }

    private void requireBindable(byte[] address, String device, String what) throws PlatformException {
        if (device != null && find(device) == null) {
            throw new PlatformException(Code.NOT_FOUND, what + " on device " + device, 19, "No such device");
        }
        if (address != null && !isLocal(address)) {
            throw new PlatformException(Code.INVALID_ARGUMENT, what, 99, "Cannot assign requested address");
        }
    }

    private int ephemeralPort() {
        while (true) {
            int candidate = nextPort;
            nextPort = nextPort == 60999 ? 32768 : nextPort + 1;
            boolean used = endpoints.stream().anyMatch(e -> e instanceof SimUdpEndpoint u && u.port == candidate);
            if (!used) {
                return candidate;
            }
        }
    }
}
