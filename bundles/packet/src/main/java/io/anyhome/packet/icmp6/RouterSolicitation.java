package io.anyhome.packet.icmp6;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Router Solicitation (type 133, RFC 4861 §4.1): a host asks routers to advertise now; a mobile
 * node sends one after a link change to detect movement quickly.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Options ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-
 * </pre>
 *
 * @param options the options (typically Source Link-Layer Address)
 */
public record RouterSolicitation(List<NdOption> options) implements Icmpv6Message {
    /** Offset of the first option from the start of the message. */
    public static final int OFFSET_OPTIONS = 8;

    /** Copies the options. */
    public RouterSolicitation {
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return Icmpv6Type.ROUTER_SOLICITATION.number();
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
        NdOption.encodeAll(out, options);
    }

    static RouterSolicitation decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Icmpv6.requireLength(buffer, offset, end, OFFSET_OPTIONS, "Router Solicitation");
        return new RouterSolicitation(NdOption.decodeAll(buffer, offset + OFFSET_OPTIONS, end));
    }
}
