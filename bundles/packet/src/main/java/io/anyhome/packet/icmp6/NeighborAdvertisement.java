package io.anyhome.packet.icmp6;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.AddressFields;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Neighbor Advertisement (type 136, RFC 4861 §4.4): the answer to a solicitation, or
 * unsolicited, as a home agent sends for a home address it starts defending and a mobile node
 * sends on returning home (RFC 6275 §10.4.1, §11.5.5).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|S|O|                     Reserved                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Target Address (128)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Options ...
 * +-+-+-+-+-+-+-+-+-+-+-+-
 * </pre>
 *
 * <p>Reserved is written as zero and ignored.
 *
 * @param router R: the sender is a router
 * @param solicited S: sent in response to a solicitation
 * @param override O: the advertisement should override a cached link-layer address
 * @param target the address advertised
 * @param options the options (typically Target Link-Layer Address)
 */
public record NeighborAdvertisement(boolean router, boolean solicited, boolean override,
        Inet6Address target, List<NdOption> options) implements Icmpv6Message {
    /** R flag in the first byte after the checksum. */
    public static final int FLAG_ROUTER = 0x80;
    /** S flag. */
    public static final int FLAG_SOLICITED = 0x40;
    /** O flag. */
    public static final int FLAG_OVERRIDE = 0x20;
    /** Offset of the flags byte from the start of the message. */
    public static final int OFFSET_FLAGS = 4;
    /** Offset of Target Address. */
    public static final int OFFSET_TARGET = 8;
    /** Offset of the first option. */
    public static final int OFFSET_OPTIONS = 24;

    /** Copies the options. */
    public NeighborAdvertisement {
        java.util.Objects.requireNonNull(target, "target");
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return Icmpv6Type.NEIGHBOR_ADVERTISEMENT.number();
    }

    @Override
    public int code() {
        return 0;
    }

    @Override
    public int bodyLength() {
        return OFFSET_OPTIONS - Icmpv6.HEADER_LENGTH + NdOption.lengthOf(options);
    }

    @Override
    public void encodeBody(ByteBuffer out) {
        int flags = (router ? FLAG_ROUTER : 0) | (solicited ? FLAG_SOLICITED : 0)
                | (override ? FLAG_OVERRIDE : 0);
        out.putInt(flags << 24);
        AddressFields.put(out, target);
        NdOption.encodeAll(out, options);
    }

    static NeighborAdvertisement decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Icmpv6.requireLength(buffer, offset, end, OFFSET_OPTIONS, "Neighbor Advertisement");
        int flags = buffer.get(offset + OFFSET_FLAGS) & 0xff;
        return new NeighborAdvertisement((flags & FLAG_ROUTER) != 0, (flags & FLAG_SOLICITED) != 0,
                (flags & FLAG_OVERRIDE) != 0, AddressFields.read(buffer, offset + OFFSET_TARGET),
                NdOption.decodeAll(buffer, offset + OFFSET_OPTIONS, end));
    }
}
