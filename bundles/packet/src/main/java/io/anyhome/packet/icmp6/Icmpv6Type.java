package io.anyhome.packet.icmp6;

/**
 * The IANA ICMPv6 "Type" registry, as far as anyhome meets it (RFC 4443, RFC 4861, RFC 6275
 * §6.5-6.8). A type not listed maps to {@link #UNKNOWN}; the number is kept by the message.
 */
public enum Icmpv6Type {
    /** Destination Unreachable (RFC 4443 §3.1). */
    DESTINATION_UNREACHABLE(1),
    /** Packet Too Big (RFC 4443 §3.2). */
    PACKET_TOO_BIG(2),
    /** Time Exceeded (RFC 4443 §3.3). */
    TIME_EXCEEDED(3),
    /** Parameter Problem (RFC 4443 §3.4). */
    PARAMETER_PROBLEM(4),
    /** Echo Request (RFC 4443 §4.1). */
    ECHO_REQUEST(128),
    /** Echo Reply (RFC 4443 §4.2). */
    ECHO_REPLY(129),
    /** Router Solicitation (RFC 4861 §4.1). */
    ROUTER_SOLICITATION(133),
    /** Router Advertisement (RFC 4861 §4.2, RFC 6275 §7.1). */
    ROUTER_ADVERTISEMENT(134),
    /** Neighbor Solicitation (RFC 4861 §4.3). */
    NEIGHBOR_SOLICITATION(135),
    /** Neighbor Advertisement (RFC 4861 §4.4). */
    NEIGHBOR_ADVERTISEMENT(136),
    /** Redirect (RFC 4861 §4.5). */
    REDIRECT(137),
    /** Home Agent Address Discovery Request (RFC 6275 §6.5). */
    HOME_AGENT_ADDRESS_DISCOVERY_REQUEST(144),
    /** Home Agent Address Discovery Reply (RFC 6275 §6.6). */
    HOME_AGENT_ADDRESS_DISCOVERY_REPLY(145),
    /** Mobile Prefix Solicitation (RFC 6275 §6.7). */
    MOBILE_PREFIX_SOLICITATION(146),
    /** Mobile Prefix Advertisement (RFC 6275 §6.8). */
    MOBILE_PREFIX_ADVERTISEMENT(147),
    /** Any type not listed here. */
    UNKNOWN(-1);

    private static final Icmpv6Type[] BY_NUMBER = new Icmpv6Type[256];

    static {
        for (Icmpv6Type t : values()) {
            if (t.number >= 0) {
                BY_NUMBER[t.number] = t;
            }
        }
    }

    private final int number;

    Icmpv6Type(int number) {
        this.number = number;
    }

    /** @return the type number, or -1 for {@link #UNKNOWN} */
    public int number() {
        return number;
    }

    /** @return whether this is an error message type (0..127, RFC 4443 §2.1) */
    public boolean isError() {
        return number >= 0 && number < 128;
    }

    /**
     * @param number the Type field
     * @return its entry, {@link #UNKNOWN} if it is not listed
     */
    public static Icmpv6Type of(int number) {
        if (number < 0 || number > 255) {
            return UNKNOWN;
        }
        Icmpv6Type t = BY_NUMBER[number];
        return t == null ? UNKNOWN : t;
    }
}
