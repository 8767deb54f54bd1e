package io.anyhome.api.testing;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.OperState;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link Platform} for the unit tests of the modules that consume one (ifs, vi and
 * the NIC drivers). It keeps the kernel's tables as sets, so a test sees what was installed, and
 * refuses like the kernel (EEXIST on a duplicate, ENOENT/ESRCH on a missing entry); it holds links
 * with their details, wireless stations and counters per interface index, delivers the initial dump and
 * then the events the test pushes to every monitor, on the test's thread, and opens a
 * {@link FakeTun} made of two queues. Sockets are not simulated and throw.
 */
public class FakePlatform implements Platform {
    private static final int ENOENT = 2;
    private static final int ESRCH = 3;
    private static final int EEXIST = 17;
    private static final int ENODEV = 19;
    private static final int TUN_INDEX = 7;

    /** Installed addresses as {@code "index prefix"}, with {@code " nodad"} when DAD was skipped. */
    public final Set<String> addresses = new LinkedHashSet<>();
    /** Installed routes. */
    public final Set<RouteSpec> routes = new LinkedHashSet<>();
    /** Installed policy rules. */
    public final Set<PolicyRule> rules = new LinkedHashSet<>();
    /** The monitors registered and not yet closed. */
    public final List<NetworkListener> listeners = new ArrayList<>();
    /** The associated station per interface index; absent for a link that is not associated. */
    public final Map<Integer, WirelessStation> stations = new HashMap<>();
    /**
     * The kernel counters per interface index, set by the test; a link without an entry reads as
     * zero, an index without a link fails with ENODEV, as the kernel does.
     */
    public final Map<Integer, LinkStatistics> statistics = new ConcurrentHashMap<>();
    private final Map<Integer, LinkEvent> links = new LinkedHashMap<>();
    private final Map<Integer, LinkDetails> details = new LinkedHashMap<>();
    /** The timestamp of the link events this platform makes. */
    public long now = 1_000;
    /** The last TUN device opened, null before. */
    public FakeTun tun;
    /** The options of the last TUN device opened. */
    public TunOptions tunOptions;
    /** Whether {@link #capabilities()} offers virtio-net headers; a TUN opened with them has 10-byte ones. */
    public volatile boolean tunVnetHeader;
    /** When not 0, adding a rule fails with this errno and the extended ack "Invalid table". */
    public int failRulesWithErrno;

    /** Adds a link that is up with carrier, and tells the monitors. */
    public LinkEvent addLink(int index, String name, String kind, String mac, LinkDetails linkDetails) {
        details.put(index, linkDetails);
        return change(new LinkEvent(Change.NEW, index, name, LinkEvent.IFF_UP | LinkEvent.IFF_RUNNING
                | LinkEvent.IFF_LOWER_UP, true, OperState.UP, 1500, kind, mac, now));
    }

    /** Adds a wired Ethernet link, up with carrier, with MAC {@code 02:00:00:00:00:0<index>}. */
    public LinkEvent addEthernet(int index, String name) {
        return addLink(index, name, "", "02:00:00:00:00:0" + index, new LinkDetails("", false));
    }

    /** The carrier of a link drops or returns. */
    public LinkEvent carrier(int index, boolean up) {
        LinkEvent old = links.get(index);
        int flags = up ? old.flags() | LinkEvent.IFF_LOWER_UP : old.flags() & ~LinkEvent.IFF_LOWER_UP;
        return change(new LinkEvent(Change.NEW, index, old.name(), flags, up,
                up ? OperState.UP : OperState.LOWER_LAYER_DOWN, old.mtu(), old.kind(), old.linkLayerAddress(), now));
    }

    /** Removes a link, and tells the monitors. */
    public LinkEvent removeLink(int index) {
        LinkEvent old = links.get(index);
        return change(new LinkEvent(Change.DELETED, index, old.name(), old.flags(), false, OperState.DOWN,
                old.mtu(), old.kind(), old.linkLayerAddress(), now));
    }

    /** Applies a link event to the link table and pushes it to the monitors. */
    public LinkEvent change(LinkEvent e) {
        if (e.change() == Change.DELETED) {
            links.remove(e.index());
        } else {
            links.put(e.index(), e);
        }
        List.copyOf(listeners).forEach(l -> l.link(e));
        return e;
    }

    /** Pushes an address event to the monitors. */
    public void push(AddressEvent e) {
        List.copyOf(listeners).forEach(l -> l.address(e));
    }

    /** Pushes a route event to the monitors. */
    public void push(RouteEvent e) {
        List.copyOf(listeners).forEach(l -> l.route(e));
    }

    @Override
    public Registration monitor(NetworkListener listener) {
        listeners.add(listener);
        List.copyOf(links.values()).forEach(listener::link);
        listener.initialDumpComplete();
        return () -> listeners.remove(listener);
    }

    @Override
    public LinkDetails linkDetails(int index) throws PlatformException {
        LinkDetails d = details.get(index);
        if (d == null) {
            throw new PlatformException(AnyhomeException.Code.NOT_FOUND, "no interface " + index);
        }
        return d;
    }

    @Override
    public int interfaceIndex(String name) throws PlatformException {
        return links.values().stream().filter(l -> l.name().equals(name)).mapToInt(LinkEvent::index).findFirst()
                .orElseThrow(() -> new PlatformException(AnyhomeException.Code.NOT_FOUND, "no interface " + name,
                        ENODEV, null));
    }

    /** Sets the counters of an interface to these byte counts (packets 0). */
    public void counters(int index, long rxBytes, long txBytes) {
        statistics.put(index, new LinkStatistics(rxBytes, txBytes, 0, 0));
    }

    @Override
    public LinkStatistics linkStatistics(int index) throws PlatformException {
        if (!links.containsKey(index)) {
            throw new PlatformException(AnyhomeException.Code.NOT_FOUND, "no interface " + index, ENODEV, null);
        }
        return statistics.getOrDefault(index, new LinkStatistics(0, 0, 0, 0));
    }

    @Override
    public Optional<WirelessStation> wirelessStation(int index) {
        return Optional.ofNullable(stations.get(index));
    }

    @Override
    public PlatformCapabilitiesDTO capabilities() {
        PlatformCapabilitiesDTO dto = new PlatformCapabilitiesDTO();
        dto.name = "fake";
        dto.available = true;
        dto.tunVnetHeader = tunVnetHeader;
        return dto;
    }

    @Override
    public TunDevice openTun(TunOptions options) {
        tunOptions = options;
        tun = new FakeTun(options.name(), TUN_INDEX, options.vnetHeader() ? 10 : 0);
        return tun;
    }

    @Override
    public void setLinkUp(int index, boolean up) {
    }

    @Override
    public void setMtu(int index, int mtu) {
    }

    @Override
    public void addAddress(int index, IpPrefix address, boolean skipDad) {
        addresses.add(index + " " + address + (skipDad ? " nodad" : ""));
    }

    @Override
    public void removeAddress(int index, IpPrefix address) {
        addresses.removeIf(a -> a.startsWith(index + " " + address));
    }

    @Override
    public void addRoute(RouteSpec route) throws PlatformException {
        if (!routes.add(route)) {
            throw new PlatformException(AnyhomeException.Code.CONFLICT, "route exists", EEXIST, null);
        }
    }

    @Override
    public void removeRoute(RouteSpec route) throws PlatformException {
        if (!routes.remove(route)) {
            throw new PlatformException(AnyhomeException.Code.NOT_FOUND, "no such route", ESRCH, null);
        }
    }

    @Override
    public void addRule(PolicyRule rule) throws PlatformException {
        if (failRulesWithErrno != 0) {
            throw new PlatformException(AnyhomeException.Code.IO_ERROR, "rule refused", failRulesWithErrno,
                    "Invalid table");
        }
        if (!rules.add(rule)) {
            throw new PlatformException(AnyhomeException.Code.CONFLICT, "rule exists", EEXIST, null);
        }
    }

    @Override
    public void removeRule(PolicyRule rule) throws PlatformException {
        if (!rules.remove(rule)) {
            throw new PlatformException(AnyhomeException.Code.NOT_FOUND, "no such rule", ENOENT, null);
        }
    }

    @Override
    public int removeRules(int priority) {
        int before = rules.size();
        rules.removeIf(r -> r.priority() == priority && r.from().isIpv6());
        return before - rules.size();
    }

    @Override
    public void addProxyNeighbour(int index, InetAddress address) {
    }

    @Override
    public void removeProxyNeighbour(int index, InetAddress address) {
    }

    @Override
    public void removeNeighbour(int index, InetAddress address) {
    }

    @Override
    public int ipv6Setting(String interfaceName, Ipv6Setting setting) {
        return 0;
    }

    @Override
    public void setIpv6Setting(String interfaceName, Ipv6Setting setting, int value) {
    }

    @Override
    public UdpEndpoint openUdp(UdpOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RawIpv6Endpoint openRawIpv6(RawIpv6Options options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PacketEndpoint openPacket(PacketOptions options) throws PlatformException {
        throw new PlatformException(AnyhomeException.Code.UNAVAILABLE, "no packet sockets in the fake platform");
    }

    @Override
    public Icmpv6Endpoint openIcmpv6(Icmpv6Options options) {
        throw new UnsupportedOperationException();
    }
}
