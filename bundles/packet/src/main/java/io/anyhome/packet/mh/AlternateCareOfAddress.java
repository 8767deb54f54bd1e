package io.anyhome.packet.mh;

import java.net.Inet6Address;

/**
 * Alternate Care-of Address option (RFC 6275 §6.2.5, type 3, length 16, alignment 8n+6): the
 * care-of address to bind when it differs from the packet's source address.
 *
 * @param address the care-of address
 */
public record AlternateCareOfAddress(Inet6Address address) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 3;
    static final int LENGTH = 16;
    static final Alignment ALIGNMENT = new Alignment(8, 6);

    /** Requires an address. */
    public AlternateCareOfAddress {
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
