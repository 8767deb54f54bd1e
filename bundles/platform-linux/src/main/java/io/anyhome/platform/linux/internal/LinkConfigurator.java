package io.anyhome.platform.linux.internal;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.WirelessStation;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Link, address, route, rule and proxy-neighbour configuration and the per-link queries, behind
 * the corresponding {@link io.anyhome.api.platform.Platform} methods of {@link LinuxPlatform}.
 * Implemented by the rtnetlink code of this bundle; each method has the contract of the
 * {@code Platform} method of the same name.
 */
interface LinkConfigurator {
    int interfaceIndex(String name) throws PlatformException;

    void setLinkUp(int index, boolean up) throws PlatformException;

    void setMtu(int index, int mtu) throws PlatformException;

    void addAddress(int index, IpPrefix address, boolean skipDad) throws PlatformException;

    void removeAddress(int index, IpPrefix address) throws PlatformException;

    void addRoute(RouteSpec route) throws PlatformException;

    void removeRoute(RouteSpec route) throws PlatformException;

    void addRule(PolicyRule rule) throws PlatformException;

    void removeRule(PolicyRule rule) throws PlatformException;

    int removeRules(int priority) throws PlatformException;

    void addProxyNeighbour(int index, InetAddress address) throws PlatformException;

    void removeProxyNeighbour(int index, InetAddress address) throws PlatformException;

    void removeNeighbour(int index, InetAddress address) throws PlatformException;

    LinkDetails linkDetails(int index) throws PlatformException;

    Optional<WirelessStation> wirelessStation(int index) throws PlatformException;

    LinkStatistics linkStatistics(int index) throws PlatformException;
}
