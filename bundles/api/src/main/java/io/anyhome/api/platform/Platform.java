package io.anyhome.api.platform;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import java.net.InetAddress;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The operating system's network stack, as everything in anyhome except {@code platform-linux}
 * sees it. Provided by {@code platform-linux} (native code through jnr-ffi) or {@code platform-sim}
 * (an in-process emulator), each with the service property
 * {@link io.anyhome.api.ConfigurationPids#PLATFORM_NAME_PROPERTY}; used by vi, ifs, NIC drivers,
 * mobility and the home agent.
 *
 * <p>Operations on links, addresses, routes and neighbours name an interface by index, as
 * rtnetlink does (indexes survive renames); {@link #interfaceIndex(String)} maps a name.
 * Per-interface IPv6 settings name the interface, as sysctl does, and also accept {@code all} and
 * {@code default}. Configuration methods are idempotent where the kernel allows: adding what is
 * already there, or removing what is not, succeeds. Every method is thread-safe.
 *
 * <p>Capabilities are probed once; {@link #capabilities()} reports them. An operation needing a
 * missing capability throws {@link PlatformException} with code {@code UNAVAILABLE}.
 */
@ProviderType
public interface Platform {

    /** @return what this platform can do here; a snapshot, never null */
    PlatformCapabilitiesDTO capabilities();

    /**
     * Opens (creating if needed) a TUN device, or with {@link TunOptions#multiQueue()} attaches
     * one more queue to it.
     *
     * @param options name, MTU and flags
     * @return the open device
     * @throws PlatformException if the device cannot be created or configured
     */
    TunDevice openTun(TunOptions options) throws PlatformException;

    /**
     * Starts delivering the kernel's links, addresses, routes and neighbours to the listener:
     * first the initial dump, then changes. See {@link NetworkListener} for the threading rules.
     *
     * @param listener the listener
     * @return closing it stops the deliveries
     * @throws PlatformException if the monitor cannot be started
     */
    Registration monitor(NetworkListener listener) throws PlatformException;

    /**
     * @param name an interface name
     * @return its index
     * @throws PlatformException with code {@code NOT_FOUND} if there is no such interface
     */
    int interfaceIndex(String name) throws PlatformException;

    /**
     * Sets a link administratively up or down.
     *
     * @param index the interface index
     * @param up true for up
     * @throws PlatformException if the kernel refuses
     */
    void setLinkUp(int index, boolean up) throws PlatformException;

    /**
     * @param index the interface index
     * @param mtu the MTU
     * @throws PlatformException if the kernel refuses
     */
    void setMtu(int index, int mtu) throws PlatformException;

    /**
     * Adds an address to an interface.
     *
     * @param index the interface index
     * @param address the address and its prefix length
     * @param skipDad true to skip duplicate address detection ({@code IFA_F_NODAD}), as for the
     *        home address on {@code home0}
     * @throws PlatformException if the kernel refuses
     */
    void addAddress(int index, IpPrefix address, boolean skipDad) throws PlatformException;

    /**
     * @param index the interface index
     * @param address the address and its prefix length
     * @throws PlatformException if the kernel refuses
     */
    void removeAddress(int index, IpPrefix address) throws PlatformException;

    /**
     * Adds a route, replacing one with the same destination, table and metric.
     *
     * @param route the route
     * @throws PlatformException if the kernel refuses (for example an unreachable gateway)
     */
    void addRoute(RouteSpec route) throws PlatformException;

    /**
     * @param route the route (matched by destination, table, metric and, if given, gateway and interface)
     * @throws PlatformException if the kernel refuses
     */
    void removeRoute(RouteSpec route) throws PlatformException;

    /**
     * Adds a policy routing rule unless an identical one exists.
     *
     * @param rule the rule
     * @throws PlatformException if the kernel refuses
     */
    void addRule(PolicyRule rule) throws PlatformException;

    /**
     * @param rule the rule
     * @throws PlatformException if the kernel refuses
     */
    void removeRule(PolicyRule rule) throws PlatformException;

    /**
     * Removes every IPv6 policy rule at this priority, whatever its source and table. A component
     * that owns a priority (the VI's care-of-address rules) calls it at start-up to clear what a
     * predecessor killed before it could clean up left behind, for addresses that are gone.
     *
     * @param priority the priority, 1..32765
     * @return how many rules were removed
     * @throws PlatformException if the rules cannot be removed
     */
    int removeRules(int priority) throws PlatformException;

    /**
     * Adds a proxy neighbour entry ({@code ip -6 neigh add proxy}), so that the interface answers
     * Neighbour Solicitations for the address (needs {@link Ipv6Setting#PROXY_NDP}); the home
     * agent publishes registered home addresses this way.
     *
     * @param index the interface index
     * @param address the address to answer for
     * @throws PlatformException if the kernel refuses
     */
    void addProxyNeighbour(int index, InetAddress address) throws PlatformException;

    /**
     * @param index the interface index
     * @param address the address no longer to answer for
     * @throws PlatformException if the kernel refuses
     */
    void removeProxyNeighbour(int index, InetAddress address) throws PlatformException;

    /**
     * Forgets the neighbour cache entry for an address on an interface ({@code ip -6 neigh del};
     * proxy entries are not touched), so the next packet to it resolves its link-layer address
     * again. The home agent does this when a node comes home: an entry from an earlier visit may
     * name a link-layer address the node no longer uses. No entry is no error.
     *
     * @param index the interface index
     * @param address the neighbour's address
     * @throws PlatformException if the kernel refuses
     */
    void removeNeighbour(int index, InetAddress address) throws PlatformException;

    /**
     * @param interfaceName an interface name, {@code all} or {@code default}
     * @param setting the setting
     * @return its current value
     * @throws PlatformException if the setting cannot be read
     */
    int ipv6Setting(String interfaceName, Ipv6Setting setting) throws PlatformException;

    /**
     * @param interfaceName an interface name, {@code all} or {@code default}
     * @param setting the setting
     * @param value the new value
     * @throws PlatformException if the setting cannot be written
     */
    void setIpv6Setting(String interfaceName, Ipv6Setting setting, int value) throws PlatformException;

    /**
     * What the system says about an interface's device, for NIC drivers that recognise their
     * interfaces by it: on Linux the {@code DEVTYPE} of sysfs {@code uevent} ({@code wlan},
     * {@code wwan}, ...) and whether sysfs has {@code wireless/} or {@code phy80211} for it.
     *
     * @param index the interface index
     * @return the details; empty strings and false where the system says nothing
     * @throws PlatformException if there is no such interface
     */
    LinkDetails linkDetails(int index) throws PlatformException;

    /**
     * Reads an interface's kernel counters (on Linux rtnetlink {@code IFLA_STATS64}, in the calling
     * thread's network namespace).
     *
     * @param index the interface index
     * @return the counters since the interface was created
     * @throws PlatformException if there is no such interface (code {@code NOT_FOUND} with the
     *         errno, {@code ENODEV} on Linux) or the query fails
     */
    LinkStatistics linkStatistics(int index) throws PlatformException;

    /**
     * Reads the station information of a wireless interface.
     *
     * @param index the interface index
     * @return the station, or empty if the interface is not wireless, not associated, or the
     *         platform has no wireless information ({@link PlatformCapabilitiesDTO#wirelessInfo})
     * @throws PlatformException if the query fails for another reason
     */
    Optional<WirelessStation> wirelessStation(int index) throws PlatformException;

    /**
     * @param options address, port, device
     * @return an open UDP endpoint
     * @throws PlatformException if the socket cannot be opened or bound (for example the address is not assigned)
     */
    UdpEndpoint openUdp(UdpOptions options) throws PlatformException;

    /**
     * @param options next header, checksum offset, address, device, mark
     * @return an open raw IPv6 endpoint
     * @throws PlatformException if the socket cannot be opened (code {@code PERMISSION_DENIED} without {@code CAP_NET_RAW})
     */
    RawIpv6Endpoint openRawIpv6(RawIpv6Options options) throws PlatformException;

    /**
     * @param options the interface and whether packets carry a virtio-net header
     * @return an open packet endpoint
     * @throws PlatformException if the socket cannot be opened (code {@code PERMISSION_DENIED}
     *         without {@code CAP_NET_RAW}, {@code NOT_FOUND} for an unknown interface,
     *         {@code UNAVAILABLE} where the platform has none)
     */
    PacketEndpoint openPacket(PacketOptions options) throws PlatformException;

    /**
     * @param options type filter, address, device, mark
     * @return an open ICMPv6 endpoint
     * @throws PlatformException if the socket cannot be opened
     */
    Icmpv6Endpoint openIcmpv6(Icmpv6Options options) throws PlatformException;
}
