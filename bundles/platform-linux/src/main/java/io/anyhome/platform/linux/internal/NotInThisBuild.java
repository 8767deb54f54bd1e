package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.api.platform.WirelessStation;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Stands in for a collaborator this build of the bundle does not have: every operation throws
 * {@link PlatformException} with code {@code UNAVAILABLE}, and the capability report says so.
 */
final class NotInThisBuild implements NetworkMonitor, LinkConfigurator, SocketFactory {
    static final NotInThisBuild INSTANCE = new NotInThisBuild();
    static final String CAUSE = "not available in this build";

    private NotInThisBuild() {
    }

    private static PlatformException missing(String operation) {
        return new PlatformException(Code.UNAVAILABLE, operation + ": " + CAUSE);
    }

    @Override
    public Registration monitor(NetworkListener listener) throws PlatformException {
        throw missing("monitor");
    }

    @Override
    public int interfaceIndex(String name) throws PlatformException {
        throw missing("interface index of " + name);
    }

    @Override
    public void setLinkUp(int index, boolean up) throws PlatformException {
        throw missing("set link " + index + (up ? " up" : " down"));
    }

    @Override
    public void setMtu(int index, int mtu) throws PlatformException {
        throw missing("set MTU of link " + index);
    }

    @Override
    public void addAddress(int index, IpPrefix address, boolean skipDad) throws PlatformException {
        throw missing("add address " + address);
    }

    @Override
    public void removeAddress(int index, IpPrefix address) throws PlatformException {
        throw missing("remove address " + address);
    }

    @Override
    public void addRoute(RouteSpec route) throws PlatformException {
        throw missing("add route");
    }

    @Override
    public void removeRoute(RouteSpec route) throws PlatformException {
        throw missing("remove route");
    }

    @Override
    public void addRule(PolicyRule rule) throws PlatformException {
        throw missing("add rule");
    }

    @Override
    public void removeRule(PolicyRule rule) throws PlatformException {
        throw missing("remove rule");
    }

    @Override
    public int removeRules(int priority) throws PlatformException {
        throw missing("remove rules");
    }

    @Override
    public void addProxyNeighbour(int index, InetAddress address) throws PlatformException {
        throw missing("add proxy neighbour");
    }

    @Override
    public void removeProxyNeighbour(int index, InetAddress address) throws PlatformException {
        throw missing("remove proxy neighbour");
    }

    @Override
    public LinkDetails linkDetails(int index) throws PlatformException {
        throw missing("link details of " + index);
    }

    @Override
    public Optional<WirelessStation> wirelessStation(int index) throws PlatformException {
        throw missing("wireless station of " + index);
    }

    @Override
    public UdpEndpoint openUdp(UdpOptions options) throws PlatformException {
        throw missing("open UDP endpoint");
    }

    @Override
    public RawIpv6Endpoint openRawIpv6(RawIpv6Options options) throws PlatformException {
        throw missing("open raw IPv6 endpoint");
    }

    @Override
    public Icmpv6Endpoint openIcmpv6(Icmpv6Options options) throws PlatformException {
        throw missing("open ICMPv6 endpoint");
    }

    @Override
    public void describe(PlatformCapabilitiesDTO capabilities) {
        // the probe's own findings stand; the features this build cannot offer are marked off
    }
}
