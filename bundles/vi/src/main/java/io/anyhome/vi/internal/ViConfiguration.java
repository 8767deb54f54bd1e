package io.anyhome.vi.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.TunOptions;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Map;

/**
 * The virtual interface's settings, from two configurations: the node identity
 * ({@code etc/io.anyhome.node.cfg}: {@code homeAddress}, {@code homePrefix}) and the VI's own
 * ({@code etc/io.anyhome.vi.cfg}: {@code name}, {@code mtu}, {@code vnetHeader},
 * {@code tableBase}, {@code rulePriority}). A bad or missing value is refused naming the file and
 * the key.
 *
 * @param name the TUN device's name, {@code home0} by default
 * @param mtu the VI's MTU: the uplinks' MTU less the tunnel overhead (1500 − 48 by default)
 * @param vnetHeader whether to open the TUN with virtio-net headers (offloads)
 * @param homeAddress the node's stable address, held by the VI as a /128
 * @param homePrefix the home network's prefix, or null if not configured
 * @param tableBase per-uplink routing tables are numbered {@code tableBase + ifindex}
 * @param rulePriority the priority of the {@code from <CoA> lookup <table>} rules; ahead of
 *     the main table's 32766
 */
record ViConfiguration(String name, int mtu, boolean vnetHeader, Inet6Address homeAddress,
        IpPrefix homePrefix, int tableBase, int rulePriority) {
    static final String NODE_FILE = "etc/" + ConfigurationPids.NODE + ".cfg";
    static final String VI_FILE = "etc/" + ConfigurationPids.VI + ".cfg";
    static final String DEFAULT_NAME = "home0";
    static final int DEFAULT_MTU = 1500 - 48;
    static final int DEFAULT_TABLE_BASE = 1000;
    static final int DEFAULT_RULE_PRIORITY = 1000;
    private static final int MIN_IPV6_MTU = 1280;
    private static final int MAX_TABLE = 0x7fff_ffff - 0xffff;

    /**
     * Reads the merged properties of both configurations.
     *
     * @param props the component's properties
     * @return the settings
     * @throws IllegalArgumentException naming the file and key of the first bad value
     */
    static ViConfiguration from(Map<String, ?> props) {
        String name = text(props, "name", DEFAULT_NAME);
        int mtu = integer(props, VI_FILE, "mtu", DEFAULT_MTU, MIN_IPV6_MTU, 65535);
        try {
            TunOptions.of(name, mtu);
        } catch (IllegalArgumentException e) {
            throw refused(VI_FILE, "name", name, e.getMessage());
        }
        boolean vnet = Boolean.parseBoolean(text(props, "vnetHeader", "true"));
        int tableBase = integer(props, VI_FILE, "tableBase", DEFAULT_TABLE_BASE, 256, MAX_TABLE);
        int priority = integer(props, VI_FILE, "rulePriority", DEFAULT_RULE_PRIORITY, 1, 32765);

        String hoaText = text(props, ConfigurationPids.NODE_HOME_ADDRESS, null);
        if (hoaText == null) {
            throw refused(NODE_FILE, ConfigurationPids.NODE_HOME_ADDRESS, null,
                    "missing: the virtual interface needs the node's home address");
        }
        InetAddress hoa;
        try {
            hoa = AddressText.parse(hoaText);
        } catch (IllegalArgumentException e) {
            throw refused(NODE_FILE, ConfigurationPids.NODE_HOME_ADDRESS, hoaText, e.getMessage());
        }
        if (!(hoa instanceof Inet6Address v6) || hoa.isLinkLocalAddress() || hoa.isMulticastAddress()
                || hoa.isAnyLocalAddress() || hoa.isLoopbackAddress()) {
            throw refused(NODE_FILE, ConfigurationPids.NODE_HOME_ADDRESS, hoaText,
                    "a home address is a global IPv6 unicast address");
        }
        IpPrefix homePrefix = null;
        String prefixText = text(props, ConfigurationPids.NODE_HOME_PREFIX, null);
        if (prefixText != null) {
            try {
                homePrefix = IpPrefix.parse(prefixText);
            } catch (IllegalArgumentException e) {
                throw refused(NODE_FILE, ConfigurationPids.NODE_HOME_PREFIX, prefixText, e.getMessage());
            }
            if (!homePrefix.contains(hoa)) {
                throw refused(NODE_FILE, ConfigurationPids.NODE_HOME_PREFIX, prefixText,
                        "does not contain the home address " + AddressText.format(hoa));
            }
        }
        return new ViConfiguration(name, mtu, vnet, v6, homePrefix, tableBase, priority);
    }

    /** @return the routing table for the uplink with this interface index */
    int tableFor(int index) {
        return tableBase + index;
    }

    /** @return how the TUN device is opened */
    TunOptions tunOptions() {
        return new TunOptions(name, mtu, vnetHeader, false);
    }

    private static String text(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? fallback : s;
    }

    private static int integer(Map<String, ?> props, String file, String key, int fallback, int min,
            int max) {
        String s = text(props, key, null);
        if (s == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw refused(file, key, s, "not a whole number");
        }
        if (value < min || value > max) {
            throw refused(file, key, s, "outside " + min + ".." + max);
        }
        return value;
    }

    private static IllegalArgumentException refused(String file, String key, String value, String why) {
        return new IllegalArgumentException(file + ": key " + key
                + (value == null ? "" : " = " + value) + ": " + why);
    }
}
