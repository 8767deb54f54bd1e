package io.anyhome.packet.mh;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Binding Identifier option (RFC 5648 §6.1, type 35, alignment 8n+2): names one of several
 * bindings of a home address (multiple care-of addresses). The length says what follows: 4 no
 * care-of address, 8 an IPv4 one, 20 an IPv6 one.
 *
 * <pre>
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |   Type = 35   |     Length    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Binding ID (BID)        |     Status    |H|  BID-PRI    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * +                 IPv4 or IPv6 care-of address (CoA)            +
 * </pre>
 *
 * @param bid the Binding ID (0..65535)
 * @param status the per-binding status in a Binding Acknowledgement, 0 in a Binding Update
 * @param simultaneousHomeAndForeign the H flag
 * @param priority the 7 bits after H: reserved in RFC 5648, BID-PRI in RFC 6089
 * @param careOfAddress the care-of address, if carried
 */
public record BindingIdentifier(int bid, int status, boolean simultaneousHomeAndForeign,
        int priority, Optional<InetAddress> careOfAddress) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 35;
    static final int LENGTH_NO_COA = 4;
    static final int LENGTH_IPV4 = 8;
    static final int LENGTH_IPV6 = 20;
    static final Alignment ALIGNMENT = new Alignment(8, 2);

    /** Validates the fields. */
    public BindingIdentifier {
        Fields.unsigned("BID", bid, 16);
        Fields.unsigned("Status", status, 8);
        Fields.unsigned("BID-PRI", priority, 7);
        Fields.required("careOfAddress", careOfAddress);
        careOfAddress.ifPresent(a -> {
            if (!(a instanceof Inet4Address) && !(a instanceof Inet6Address)) {
                throw new IllegalArgumentException("care-of address " + a);
            }
        });
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int dataLength() {
        return careOfAddress.map(a -> a instanceof Inet4Address ? LENGTH_IPV4 : LENGTH_IPV6)
                .orElse(LENGTH_NO_COA);
    }

    @Override
    public Alignment alignment() {
        return ALIGNMENT;
    }
}
