package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
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
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.api.platform.WirelessStation;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Platform} of a Linux kernel: TUN devices, per-interface IPv6 settings and the
 * capability report here; rtnetlink and sockets through the collaborators it is built with.
 * Registered by {@link LinuxPlatformComponent}. Stateless apart from its collaborators, so every
 * method is thread-safe; each acts in the network namespace of the calling thread.
 */
final class LinuxPlatform implements Platform {
    private final PlatformCapabilitiesDTO capabilities;
    private final Ipv6Sysctl sysctl;
    private final NetworkMonitor monitor;
    private final LinkConfigurator links;
    private final SocketFactory sockets;

    LinuxPlatform(PlatformCapabilitiesDTO capabilities, Ipv6Sysctl sysctl, NetworkMonitor monitor,
            LinkConfigurator links, SocketFactory sockets) {
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.sysctl = Objects.requireNonNull(sysctl, "sysctl");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.links = Objects.requireNonNull(links, "links");
        this.sockets = Objects.requireNonNull(sockets, "sockets");
    }

    /**
     * The platform of this host: rtnetlink for links, addresses, routes and neighbours, the
     * socket factory, sysctl, with the capabilities probed once. The one way the component and
     * the lab tests build it; it acts in the namespace of each calling thread.
     *
     * @return the platform
     */
    static LinuxPlatform system() {
        RtnetlinkPlatformOps netlink = new RtnetlinkPlatformOps();
        LinuxSockets sockets = new LinuxSockets();
        PlatformCapabilitiesDTO caps = CapabilityProbe.system().probe(netlink, sockets);
        return new LinuxPlatform(caps, Ipv6Sysctl.system(), netlink, netlink, sockets);
    }

    @Override
    public PlatformCapabilitiesDTO capabilities() {
        return copy(capabilities);
    }

    private static PlatformCapabilitiesDTO copy(PlatformCapabilitiesDTO c) {
        PlatformCapabilitiesDTO d = new PlatformCapabilitiesDTO();
        d.name = c.name;
        d.available = c.available;
        d.unavailabilityCause = c.unavailabilityCause;
        d.tun = c.tun;
        d.tunVnetHeader = c.tunVnetHeader;
        d.tunMultiQueue = c.tunMultiQueue;
        d.rtnetlink = c.rtnetlink;
        d.netAdmin = c.netAdmin;
        d.rawSockets = c.rawSockets;
        d.policyRouting = c.policyRouting;
        d.wirelessInfo = c.wirelessInfo;
        d.udpGso = c.udpGso;
        d.udpGro = c.udpGro;
        d.kernelMip6 = c.kernelMip6;
        d.featureCauses = c.featureCauses == null ? null : new HashMap<>(c.featureCauses);
        return d;
    }

    @Override
    public TunDevice openTun(TunOptions options) throws PlatformException {
        Objects.requireNonNull(options, "options");
        if (options.vnetHeader() && !capabilities.tunVnetHeader && capabilities.tun) {
            throw new PlatformException(Code.UNAVAILABLE, "open TUN device " + options.name()
                    + " with vnet header: " + capabilities.featureCauses.get("tunVnetHeader"));
        }
        if (options.multiQueue() && !capabilities.tunMultiQueue && capabilities.tun) {
            throw new PlatformException(Code.UNAVAILABLE, "open TUN device " + options.name()
                    + " with several queues: " + capabilities.featureCauses.get("tunMultiQueue"));
        }
        return LinuxTunDevice.open(Native.get(), options);
    }

    @Override
    public int ipv6Setting(String interfaceName, Ipv6Setting setting) throws PlatformException {
        return sysctl.read(interfaceName, Objects.requireNonNull(setting, "setting"));
    }

    @Override
    public void setIpv6Setting(String interfaceName, Ipv6Setting setting, int value) throws PlatformException {
        sysctl.write(interfaceName, Objects.requireNonNull(setting, "setting"), value);
    }

    @Override
    public Registration monitor(NetworkListener listener) throws PlatformException {
        return monitor.monitor(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public int interfaceIndex(String name) throws PlatformException {
        return links.interfaceIndex(name);
    }

    @Override
    public void setLinkUp(int index, boolean up) throws PlatformException {
        links.setLinkUp(index, up);
    }

    @Override
    public void setMtu(int index, int mtu) throws PlatformException {
        links.setMtu(index, mtu);
    }

    @Override
    public void addAddress(int index, IpPrefix address, boolean skipDad) throws PlatformException {
        links.addAddress(index, address, skipDad);
    }

    @Override
    public void removeAddress(int index, IpPrefix address) throws PlatformException {
        links.removeAddress(index, address);
    }

    @Override
    public void addRoute(RouteSpec route) throws PlatformException {
        links.addRoute(route);
    }

    @Override
    public void removeRoute(RouteSpec route) throws PlatformException {
        links.removeRoute(route);
    }

    @Override
    public void addRule(PolicyRule rule) throws PlatformException {
        links.addRule(rule);
    }

    @Override
    public void removeRule(PolicyRule rule) throws PlatformException {
        links.removeRule(rule);
    }

    @Override
    public int removeRules(int priority) throws PlatformException {
        return links.removeRules(priority);
    }

    @Override
    public void addProxyNeighbour(int index, InetAddress address) throws PlatformException {
        links.addProxyNeighbour(index, address);
    }

    @Override
    public void removeProxyNeighbour(int index, InetAddress address) throws PlatformException {
        links.removeProxyNeighbour(index, address);
    }

    @Override
    public void removeNeighbour(int index, InetAddress address) throws PlatformException {
        links.removeNeighbour(index, address);
    }

    @Override
    public LinkDetails linkDetails(int index) throws PlatformException {
        return links.linkDetails(index);
    }

    @Override
    public LinkStatistics linkStatistics(int index) throws PlatformException {
        return links.linkStatistics(index);
    }

    @Override
    public Optional<WirelessStation> wirelessStation(int index) throws PlatformException {
        return links.wirelessStation(index);
    }

    @Override
    public UdpEndpoint openUdp(UdpOptions options) throws PlatformException {
        return sockets.openUdp(options);
    }

    @Override
    public RawIpv6Endpoint openRawIpv6(RawIpv6Options options) throws PlatformException {
        return sockets.openRawIpv6(options);
    }

    @Override
    public PacketEndpoint openPacket(PacketOptions options) throws PlatformException {
        return sockets.openPacket(Objects.requireNonNull(options, "options"));
    }

    @Override
    public Icmpv6Endpoint openIcmpv6(Icmpv6Options options) throws PlatformException {
        return sockets.openIcmpv6(options);
    }
}
