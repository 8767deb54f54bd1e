package io.anyhome.packet.mh;

import java.net.Inet4Address;

/**
 * IPv4 Care-of Address option (RFC 5555 §3.1.2, type 32, length 6, alignment 4n): the mobile
 * node's IPv4 care-of address, in a Binding Update sent over IPv4/UDP; the home agent compares
 * it with the outer source to detect a NAT.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |   Length      |          Reserved             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     IPv4 Care-of address                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param address the IPv4 care-of address
 */
public record Ipv4CareOfAddress(Inet4Address address) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 32;
    static final int LENGTH = 6;
    static final Alignment ALIGNMENT = new Alignment(4, 0);

    /** Requires an address. */
    public Ipv4CareOfAddress {
        Fields.required("address", address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int dataLength() {
        return LENGTH;
    }

    @Override
    public Alignment alignment() {
        return ALIGNMENT;
    }
}
