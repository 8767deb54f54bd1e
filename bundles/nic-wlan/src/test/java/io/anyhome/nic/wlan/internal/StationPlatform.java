package io.anyhome.nic.wlan.internal;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A platform that only knows wireless stations, which the test sets per interface index; the
 * WLAN driver uses nothing else. Everything else throws.
 */
final class StationPlatform implements Platform {
    final Map<Integer, WirelessStation> stations = new HashMap<>();

    @Override
    public Optional<WirelessStation> wirelessStation(int index) {
        return Optional.ofNullable(stations.get(index));
    }

    @Override
    public Registration monitor(NetworkListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LinkDetails linkDetails(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int interfaceIndex(String name) {
        throw new UnsupportedOperationException();
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
