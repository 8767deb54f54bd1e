package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.WirelessStation;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The Linux platform's netlink half, one method per {@code Platform} method it serves, with the
 * same contract: the rtnetlink monitor, link / address / route / rule / proxy-neighbour
 * configuration, interface counters, sysfs link details and nl80211 station information. {@code LinuxPlatform}
 * delegates to it; it holds no native state of its own, so it can be made once and shared.
 *
 * <p>Sockets are opened per call (and per monitor) in the calling thread's network namespace.
 */
final class RtnetlinkPlatformOps implements NetworkMonitor, LinkConfigurator {
    private final RtnetlinkConfigurator configurator = new RtnetlinkConfigurator();
    private final LinkDetailsReader linkDetails;
    private final Nl80211StationReader wireless = new Nl80211StationReader();
    private final int monitorReceiveBuffer;

    /** Reads the real sysfs; monitors get a 4 MiB event buffer. */
    RtnetlinkPlatformOps() {
        this(new LinkDetailsReader(), RtnetlinkMonitor.DEFAULT_RECEIVE_BUFFER);
    }

    RtnetlinkPlatformOps(LinkDetailsReader linkDetails, int monitorReceiveBuffer) {
        this.linkDetails = Objects.requireNonNull(linkDetails, "linkDetails");
        this.monitorReceiveBuffer = monitorReceiveBuffer;
    }

    /** {@code Platform.monitor}: initial dump, then events, on a thread of the monitor's own. */
    @Override
    public Registration monitor(NetworkListener listener) throws PlatformException {
        return RtnetlinkMonitor.start(Objects.requireNonNull(listener, "listener"), monitorReceiveBuffer);
    }

    /** {@code Platform.interfaceIndex}. */
    @Override
    public int interfaceIndex(String name) throws PlatformException {
        return configurator.interfaceIndex(name);
    }

    /** {@code Platform.setLinkUp}. */
    @Override
    public void setLinkUp(int index, boolean up) throws PlatformException {
        configurator.setLinkUp(index, up);
    }

    /** {@code Platform.setMtu}. */
    @Override
    public void setMtu(int index, int mtu) throws PlatformException {
        configurator.setMtu(index, mtu);
    }

    /** {@code Platform.addAddress}. */
    @Override
    public void addAddress(int index, IpPrefix address, boolean skipDad) throws PlatformException {
        configurator.addAddress(index, Objects.requireNonNull(address, "address"), skipDad);
    }

    /** {@code Platform.removeAddress}. */
    @Override
    public void removeAddress(int index, IpPrefix address) throws PlatformException {
        configurator.removeAddress(index, Objects.requireNonNull(address, "address"));
    }

    /** {@code Platform.addRoute}. */
    @Override
    public void addRoute(RouteSpec route) throws PlatformException {
        configurator.addRoute(Objects.requireNonNull(route, "route"));
    }

    /** {@code Platform.removeRoute}. */
    @Override
    public void removeRoute(RouteSpec route) throws PlatformException {
        configurator.removeRoute(Objects.requireNonNull(route, "route"));
    }

    /** {@code Platform.addRule}. */
    @Override
    public void addRule(PolicyRule rule) throws PlatformException {
        configurator.addRule(Objects.requireNonNull(rule, "rule"));
    }

    /** {@code Platform.removeRule}. */
    @Override
    public void removeRule(PolicyRule rule) throws PlatformException {
        configurator.removeRule(Objects.requireNonNull(rule, "rule"));
    }

    /** {@code Platform.removeRules}. */
    @Override
    public int removeRules(int priority) throws PlatformException {
        return configurator.removeRules(priority);
    }

    /** {@code Platform.addProxyNeighbour}. */
    @Override
    public void addProxyNeighbour(int index, InetAddress address) throws PlatformException {
        configurator.addProxyNeighbour(index, Objects.requireNonNull(address, "address"));
    }

    /** {@code Platform.removeProxyNeighbour}. */
    @Override
    public void removeProxyNeighbour(int index, InetAddress address) throws PlatformException {
        configurator.removeProxyNeighbour(index, Objects.requireNonNull(address, "address"));
    }

    /** {@code Platform.removeNeighbour}. */
    @Override
    public void removeNeighbour(int index, InetAddress address) throws PlatformException {
        configurator.removeNeighbour(index, Objects.requireNonNull(address, "address"));
    }

    /** {@code Platform.linkDetails}: the name comes from rtnetlink, the details from sysfs. */
    @Override
    public LinkDetails linkDetails(int index) throws PlatformException {
        if (index <= 0) {
            throw new PlatformException(Code.NOT_FOUND, "interface #" + index + " does not exist");
        }
        return linkDetails.read(configurator.interfaceName(index));
    }

    /** {@code Platform.linkStatistics}: rtnetlink {@code IFLA_STATS64}, in the caller's namespace. */
    @Override
    public LinkStatistics linkStatistics(int index) throws PlatformException {
        if (index <= 0) {
            throw new PlatformException(Code.NOT_FOUND, "interface #" + index + " does not exist", Native.ENODEV, null);
        }
        return configurator.linkStatistics(index);
    }

    /** {@code Platform.wirelessStation}. */
    @Override
    public Optional<WirelessStation> wirelessStation(int index) throws PlatformException {
        return wireless.station(index);
    }

    /** @return true if the kernel offers nl80211 (for {@code PlatformCapabilitiesDTO.wirelessInfo}) */
    boolean wirelessInfoAvailable() {
        return wireless.available();
    }

    /** Fills in what rtnetlink gives the platform: policy routing, and nl80211 where present. */
    @Override
    public void describe(PlatformCapabilitiesDTO capabilities) {
        capabilities.policyRouting = capabilities.rtnetlink;
        capabilities.wirelessInfo = wirelessInfoAvailable();
    }
}
