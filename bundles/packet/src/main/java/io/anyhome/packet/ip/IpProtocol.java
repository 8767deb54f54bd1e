package io.anyhome.packet.ip;

/**
 * The IANA "Assigned Internet Protocol Numbers" registry, as far as anyhome meets it: the IPv4
 * Protocol field and the IPv6 Next Header field (RFC 8200 §4).
 *
 * <p>A number not listed maps to {@link #UNKNOWN}; the number itself is always kept by the code
 * that read it, so nothing is lost.
 */
public enum IpProtocol {
    /** IPv6 Hop-by-Hop Options (RFC 8200 §4.3). */
    HOP_BY_HOP(0),
    /** ICMP for IPv4. */
    ICMP(1),
    /** IPv4 encapsulation. */
    IPV4(4),
    /** TCP. */
    TCP(6),
    /** UDP (RFC 768). */
    UDP(17),
    /** IPv6 encapsulation (RFC 2473), used by tunnels to the home agent. */
    IPV6(41),
    /** IPv6 Routing header (RFC 8200 §4.4; type 2: RFC 6275 §6.4). */
    ROUTING(43),
    /** IPv6 Fragment header (RFC 8200 §4.5). */
    FRAGMENT(44),
    /** Encapsulating Security Payload (RFC 4303). */
    ESP(50),
    /** Authentication Header (RFC 4302). */
    AH(51),
    /** ICMPv6 (RFC 4443). */
    ICMPV6(58),
    /** No Next Header (RFC 8200 §4.7). */
    NO_NEXT_HEADER(59),
    /** IPv6 Destination Options (RFC 8200 §4.6). */
    DESTINATION_OPTIONS(60),
    /** Mobility Header (RFC 6275 §6.1). */
    MOBILITY(135),
    /** Any number not listed here. */
    UNKNOWN(-1);

    private static final IpProtocol[] BY_NUMBER = new IpProtocol[256];

    static {
        for (IpProtocol p : values()) {
            if (p.number >= 0) {
                BY_NUMBER[p.number] = p;
            }
        }
    }

    private final int number;

    IpProtocol(int number) {
        this.number = number;
    }

    /** @return the protocol number, or -1 for {@link #UNKNOWN} */
    public int number() {
        return number;
    }

    /**
     * The registry entry for a protocol number.
     *
     * @param number the field value
     * @return its entry, {@link #UNKNOWN} if it is not listed or not in 0..255
     */
    public static IpProtocol of(int number) {
        if (number < 0 || number > 255) {
            return UNKNOWN;
        }
        IpProtocol p = BY_NUMBER[number];
        return p == null ? UNKNOWN : p;
    }
}
