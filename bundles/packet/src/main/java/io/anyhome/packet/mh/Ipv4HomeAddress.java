package io.anyhome.packet.mh;

import java.net.Inet4Address;

/**
 * IPv4 Home Address option (RFC 5555 §3.1.1, type 29, length 6, alignment 4n): in a Binding
 * Update, the IPv4 home address to bind, or 0.0.0.0 to ask for one.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |   Length      |Prefix-len |P| Reserved        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     IPv4 home address                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param prefixLength the Prefix-len field (0..32; 6 bits)
 * @param prefixRequested the P flag: the mobile router asks for a mobile network prefix
 * @param address the IPv4 home address
 */
public record Ipv4HomeAddress(int prefixLength, boolean prefixRequested, Inet4Address address)
        implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 29;
    static final int LENGTH = 6;
    static final Alignment ALIGNMENT = new Alignment(4, 0);

    /** Validates the prefix length and requires an address. */
    public Ipv4HomeAddress {
        Fields.unsigned("Prefix-len", prefixLength, 6);
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
