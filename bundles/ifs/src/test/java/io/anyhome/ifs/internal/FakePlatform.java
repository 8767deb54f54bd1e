package io.anyhome.ifs.internal;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.OperState;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.api.platform.WirelessStation;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A platform with just links: the test adds, changes and removes them, and each registered
 * monitor gets the initial dump and then the events, on the test's thread. Everything the NIC
 * registry does not use throws.
 */
final class FakePlatform implements Platform {
    private final Map<Integer, LinkEvent> links = new LinkedHashMap<>();
    private final Map<Integer, LinkDetails> details = new LinkedHashMap<>();
    private final List<NetworkListener> listeners = new ArrayList<>();
    long now = 1_000;

    /** Adds a link that is up with carrier. */
    LinkEvent addLink(int index, String name, String kind, String mac, LinkDetails linkDetails) {
        details.put(index, linkDetails);
        return change(new LinkEvent(Change.NEW, index, name, LinkEvent.IFF_UP | LinkEvent.IFF_RUNNING
                | LinkEvent.IFF_LOWER_UP, true, OperState.UP, 1500, kind, mac, now));
    }

    LinkEvent addEthernet(int index, String name) {
        return addLink(index, name, "", "02:00:00:00:00:0" + index, new LinkDetails("", false));
    }

    /** The carrier of a link drops or returns. */
    LinkEvent carrier(int index, boolean up) {
        LinkEvent old = links.get(index);
        int flags = up ? old.flags() | LinkEvent.IFF_LOWER_UP : old.flags() & ~LinkEvent.IFF_LOWER_UP;
        return change(new LinkEvent(Change.NEW, index, old.name(), flags, up,
                up ? OperState.UP : OperState.LOWER_LAYER_DOWN, old.mtu(), old.kind(), old.linkLayerAddress(), now));
    }

    LinkEvent removeLink(int index) {
        LinkEvent old = links.get(index);
        return change(new LinkEvent(Change.DELETED, index, old.name(), old.flags(), false, OperState.DOWN,
                old.mtu(), old.kind(), old.linkLayerAddress(), now));
    }

    LinkEvent change(LinkEvent e) {
        if (e.change() == Change.DELETED) {
            links.remove(e.index());
        } else {
            links.put(e.index(), e);
        }
        List.copyOf(listeners).forEach(l -> l.link(e));
        return e;
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
            throw new PlatformException(PlatformException.Code.NOT_FOUND, "no interface " + index);
        }
        return d;
    }

    @Override
    public int interfaceIndex(String name) throws PlatformException {
        return links.values().stream().filter(l -> l.name().equals(name)).mapToInt(LinkEvent::index).findFirst()
                .orElseThrow(() -> new PlatformException(PlatformException.Code.NOT_FOUND, "no interface " + name));
    }

    @Override
    public Optional<WirelessStation> wirelessStation(int index) {
        return Optional.empty();
    }

    @Override
    public PlatformCapabilitiesDTO capabilities() {
        throw new UnsupportedOperationException();
    }

    @Override
    public TunDevice openTun(TunOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setLinkUp(int index, boolean up) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMtu(int index, int mtu) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addAddress(int index, IpPrefix address, boolean skipDad) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeAddress(int index, IpPrefix address) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addRoute(RouteSpec route) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeRoute(RouteSpec route) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addRule(PolicyRule rule) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeRule(PolicyRule rule) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addProxyNeighbour(int index, InetAddress address) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeProxyNeighbour(int index, InetAddress address) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int ipv6Setting(String interfaceName, Ipv6Setting setting) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setIpv6Setting(String interfaceName, Ipv6Setting setting, int value) {
        throw new UnsupportedOperationException();
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
    public Icmpv6Endpoint openIcmpv6(Icmpv6Options options) {
        throw new UnsupportedOperationException();
    }
}
