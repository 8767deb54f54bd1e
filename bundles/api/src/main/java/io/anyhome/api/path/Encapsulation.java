package io.anyhome.api.path;

import java.util.Locale;

/**
 * How a path carries the inner IPv6 packets between the mobile node and the home agent; set per
 * node in configuration ({@code encapsulation=udp|ip6ip6}) and shown in {@link PathDTO}.
 */
public enum Encapsulation {
    /** IPv6 inside UDP port 4191 (RFC 5555 framing): no kernel support needed, crosses NAT. The default. */
    UDP("udp"),
    /** IPv6-in-IPv6 (next header 41) with RFC 6275 signalling, for standard peers. */
    IP6IP6("ip6ip6"),
    /** No tunnel: the node is at home and the home link carries its traffic directly. */
    DIRECT("direct");

    private final String configValue;

    Encapsulation(String configValue) {
        this.configValue = configValue;
    }

    /** @return the configuration value ({@code udp}, {@code ip6ip6}, {@code direct}) */
    public String configValue() {
        return configValue;
    }

    /**
     * @param value a configuration value, case-insensitive
     * @return the encapsulation
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Encapsulation parse(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (Encapsulation e : values()) {
                if (e.configValue.equals(v)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("encapsulation '" + value + "' is not one of udp, ip6ip6, direct");
    }
}
