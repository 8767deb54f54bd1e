package io.anyhome.homeagent.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.TunOptions;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * The home agent's settings, from the node identity ({@code etc/io.anyhome.node.cfg}:
 * {@code homePrefix}) and its own file ({@code etc/io.anyhome.homeagent.cfg}). A bad or missing
 * value is refused naming the file and the key.
 *
 * @param address the home agent's address on the home link: the Binding Updates' inner destination
 * @param ipv4Address an IPv4 address to listen on as well, for IPv4 care-of addresses (RFC 5555), or null
 * @param homePrefix the home prefix; home addresses outside it are refused (status 132)
 * @param homeLink the interface of the home link, where home addresses are published by proxy ND
 * @param port the UDP port of the tunnels, 4191
 * @param maxLifetimeSeconds the longest lifetime granted
 * @param keysDirectory the directory of per-node key files
 * @param timestampToleranceSeconds the replay protection tolerance (RFC 4285 §6)
 * @param tun the name of the home agent's TUN device
 * @param mtu the TUN device's MTU
 * @param ackRateLimitPerSecond answers to refused Binding Updates and Binding Errors per source and second
 * @param natRefreshSeconds the refresh time of the NAT Detection option (RFC 5555): how often a mobile
 *     node behind a NAT must send through its mapping at least
 */
public record HomeAgentConfiguration(Inet6Address address, Inet4Address ipv4Address, IpPrefix homePrefix, String homeLink, int port,
        int maxLifetimeSeconds, Path keysDirectory, int timestampToleranceSeconds, String tun, int mtu,
        int ackRateLimitPerSecond, int natRefreshSeconds) {
    /** The node identity file. */
    public static final String NODE_FILE = "etc/" + ConfigurationPids.NODE + ".cfg";
    /** The home agent's file. */
    public static final String FILE = "etc/" + ConfigurationPids.HOMEAGENT + ".cfg";
    static final int DEFAULT_PORT = 4191;
    static final int DEFAULT_MAX_LIFETIME = 3600;
    static final String DEFAULT_KEYS = "etc/homeagent-keys";
    static final int DEFAULT_TOLERANCE = 7;
    static final String DEFAULT_TUN = "ha0";
    static final int DEFAULT_MTU = 1500 - 48;
    static final int DEFAULT_ACK_RATE = 10;
    /** Shorter than the 30 s after which many home routers forget an idle UDP mapping. */
    static final int DEFAULT_NAT_REFRESH = 20;

    /**
     * The settings with the default NAT refresh time.
     *
     * @param address the home agent's address on the home link
     * @param ipv4Address an IPv4 address to listen on as well, or null
     * @param homePrefix the home prefix
     * @param homeLink the home link's interface
     * @param port the UDP port of the tunnels
     * @param maxLifetimeSeconds the longest lifetime granted
     * @param keysDirectory the directory of per-node key files
     * @param timestampToleranceSeconds the replay protection tolerance
     * @param tun the TUN device's name
     * @param mtu the TUN device's MTU
     * @param ackRateLimitPerSecond answers to refused updates per source and second
     */
    public HomeAgentConfiguration(Inet6Address address, Inet4Address ipv4Address, IpPrefix homePrefix, String homeLink,
            int port, int maxLifetimeSeconds, Path keysDirectory, int timestampToleranceSeconds, String tun, int mtu,
            int ackRateLimitPerSecond) {
        this(address, ipv4Address, homePrefix, homeLink, port, maxLifetimeSeconds, keysDirectory,
                timestampToleranceSeconds, tun, mtu, ackRateLimitPerSecond, DEFAULT_NAT_REFRESH);
    }

    /**
     * Reads the merged properties of both configurations.
     *
     * @param props the component's properties
     * @param etcDirectory the node's {@code etc/} directory: a relative {@code keysDirectory} is
     *     resolved against it (a leading {@code etc/} names that directory itself)
     * @return the settings
     * @throws IllegalArgumentException naming the file and key of the first bad value
     */
    public static HomeAgentConfiguration from(Map<String, ?> props, Path etcDirectory) {
        ConfigValues node = new ConfigValues(props, NODE_FILE);
        ConfigValues ha = new ConfigValues(props, FILE);
        String prefixText = node.required(ConfigurationPids.NODE_HOME_PREFIX,
                "a home agent serves the home prefix, e.g. homePrefix=2001:db8:1::/64");
        IpPrefix prefix;
        try {
            prefix = IpPrefix.parse(prefixText);
        } catch (IllegalArgumentException e) {
            throw node.refused(ConfigurationPids.NODE_HOME_PREFIX, prefixText, e.getMessage());
        }
        if (!prefix.isIpv6()) {
            throw node.refused(ConfigurationPids.NODE_HOME_PREFIX, prefixText, "not an IPv6 prefix");
        }
        String addressText = ha.required("address", "the home agent's IPv6 address on the home link");
        InetAddress address;
        try {
            address = AddressText.parse(addressText);
        } catch (IllegalArgumentException e) {
            throw ha.refused("address", addressText, e.getMessage());
        }
        if (!(address instanceof Inet6Address v6) || address.isLinkLocalAddress() || address.isMulticastAddress()
                || address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            throw ha.refused("address", addressText, "a global IPv6 unicast address is needed");
        }
        if (!prefix.contains(address)) {
            throw ha.refused("address", addressText, "not inside the home prefix " + prefix + " of " + NODE_FILE);
        }
        Inet4Address ipv4 = null;
        String ipv4Text = ha.text("ipv4Address", null);
        if (ipv4Text != null) {
            InetAddress a;
            try {
                a = AddressText.parse(ipv4Text);
            } catch (IllegalArgumentException e) {
                throw ha.refused("ipv4Address", ipv4Text, e.getMessage());
            }
            if (!(a instanceof Inet4Address v4) || a.isAnyLocalAddress() || a.isMulticastAddress()) {
                throw ha.refused("ipv4Address", ipv4Text, "an IPv4 unicast address is needed");
            }
            ipv4 = v4;
        }
        String homeLink = ha.required("homeLink", "the home link's interface name (proxy ND is done there)");
        try {
            TunOptions.of(homeLink, 1500); // the same name rules as any interface
        } catch (IllegalArgumentException e) {
            throw ha.refused("homeLink", homeLink, e.getMessage());
        }
        int port = (int) ha.integer("port", DEFAULT_PORT, 1, 65535);
        int maxLifetime = (int) ha.integer("maxLifetimeSeconds", DEFAULT_MAX_LIFETIME, 4, 262_140);
        int tolerance = (int) ha.integer("timestampToleranceSeconds", DEFAULT_TOLERANCE, 1, 3600);
        String tun = ha.text("tun", DEFAULT_TUN);
        int mtu = (int) ha.integer("mtu", DEFAULT_MTU, 1280, 65535);
        try {
            TunOptions.of(tun, mtu);
        } catch (IllegalArgumentException e) {
            throw ha.refused("tun", tun, e.getMessage());
        }
        int rate = (int) ha.integer("ackRateLimitPerSecond", DEFAULT_ACK_RATE, 1, 1_000_000);
        int natRefresh = (int) ha.integer("natRefreshSeconds", DEFAULT_NAT_REFRESH, 1, 86_400);
        String keys = ha.text("keysDirectory", DEFAULT_KEYS);
        return new HomeAgentConfiguration(v6, ipv4, prefix, homeLink, port, maxLifetime,
                resolve(etcDirectory, keys), tolerance, tun, mtu, rate, natRefresh);
    }

    static Path resolve(Path etc, String keys) {
        Path p = Path.of(keys);
        if (p.isAbsolute()) {
            return p;
        }
        if (p.getNameCount() > 0 && p.getName(0).toString().equals("etc")) {
            p = p.getNameCount() == 1 ? Path.of("") : p.subpath(1, p.getNameCount());
        }
        return etc.resolve(p).normalize();
    }
}
