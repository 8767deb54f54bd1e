package io.anyhome.packet.icmp6;

/**
 * The IANA "IPv6 Neighbor Discovery Option Formats" registry, as far as anyhome meets it. A type
 * not listed maps to {@link #UNKNOWN}; {@link NdOption.Unknown} keeps the number and the bytes.
 */
public enum NdOptionType {
    /** Source Link-Layer Address (RFC 4861 §4.6.1). */
    SOURCE_LINK_LAYER_ADDRESS(1),
    /** Target Link-Layer Address (RFC 4861 §4.6.1). */
    TARGET_LINK_LAYER_ADDRESS(2),
    /** Prefix Information (RFC 4861 §4.6.2, R flag RFC 6275 §7.2). */
    PREFIX_INFORMATION(3),
    /** Redirected Header (RFC 4861 §4.6.3). */
    REDIRECTED_HEADER(4),
    /** MTU (RFC 4861 §4.6.4). */
    MTU(5),
    /** Advertisement Interval (RFC 6275 §7.3). */
    ADVERTISEMENT_INTERVAL(7),
    /** Home Agent Information (RFC 6275 §7.4). */
    HOME_AGENT_INFORMATION(8),
    /** Route Information (RFC 4191). */
    ROUTE_INFORMATION(24),
    /** Recursive DNS Server (RFC 8106). */
    RECURSIVE_DNS_SERVER(25),
    /** Any type not listed here. */
    UNKNOWN(-1);

    private static final NdOptionType[] BY_NUMBER = new NdOptionType[256];

    static {
        for (NdOptionType t : values()) {
            if (t.number >= 0) {
                BY_NUMBER[t.number] = t;
            }
        }
    }

    private final int number;

    NdOptionType(int number) {
        this.number = number;
    }

    /** @return the type number, or -1 for {@link #UNKNOWN} */
    public int number() {
        return number;
    }

    /**
     * @param number the option's Type field
     * @return its entry, {@link #UNKNOWN} if it is not listed
     */
    public static NdOptionType of(int number) {
        if (number < 0 || number > 255) {
            return UNKNOWN;
        }
        NdOptionType t = BY_NUMBER[number];
        return t == null ? UNKNOWN : t;
    }
}
