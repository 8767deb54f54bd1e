package io.anyhome.packet.icmp6;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.AddressFields;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Neighbor Solicitation (type 135, RFC 4861 §4.3): address resolution, unreachability detection
 * and DAD; a home agent answers those for the home addresses it proxies (RFC 6275 §10.4.1).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Reserved                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Target Address (128)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Options ...
 * +-+-+-+-+-+-+-+-+-+-+-+-
 * </pre>
 *
 * @param target the address being resolved
 * @param options the options (typically Source Link-Layer Address)
 */
public record NeighborSolicitation(Inet6Address target, List<NdOption> options)
        implements Icmpv6Message {
    /** Offset of Target Address from the start of the message. */
    public static final int OFFSET_TARGET = 8;
    /** Offset of the first option. */
    public static final int OFFSET_OPTIONS = 24;

    /** Copies the options. */
    public NeighborSolicitation {
        java.util.Objects.requireNonNull(target, "target");
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return Icmpv6Type.NEIGHBOR_SOLICITATION.number();
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
        out.putInt(0);
        AddressFields.put(out, target);
        NdOption.encodeAll(out, options);
    }

    static NeighborSolicitation decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Icmpv6.requireLength(buffer, offset, end, OFFSET_OPTIONS, "Neighbor Solicitation");
        return new NeighborSolicitation(AddressFields.read(buffer, offset + OFFSET_TARGET),
                NdOption.decodeAll(buffer, offset + OFFSET_OPTIONS, end));
    }
}
