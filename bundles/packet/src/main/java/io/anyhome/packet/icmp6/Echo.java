package io.anyhome.packet.icmp6;

import io.anyhome.packet.ip.Bounds;
import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Echo Request (type 128) or Echo Reply (type 129), RFC 4443 §4; path probes use them.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Identifier          |        Sequence Number        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Data ...
 * +-+-+-+-+-
 * </pre>
 *
 * @param reply true for an Echo Reply, false for an Echo Request
 * @param code 0 as sent (kept as received)
 * @param identifier 0..65535
 * @param sequenceNumber 0..65535
 * @param data the data
 */
public record Echo(boolean reply, int code, int identifier, int sequenceNumber, byte[] data)
        implements Icmpv6Message {
    /** Offset of Identifier from the start of the message. */
    public static final int OFFSET_IDENTIFIER = 4;
    /** Offset of Sequence Number. */
    public static final int OFFSET_SEQUENCE_NUMBER = 6;
    /** Offset of the data. */
    public static final int OFFSET_DATA = 8;

    /** Checks the ranges and copies the data. */
    public Echo {
        Bounds.requireField("code", code, 0xff);
        Bounds.requireField("identifier", identifier, 0xffff);
        Bounds.requireField("sequence number", sequenceNumber, 0xffff);
        data = data.clone();
    }

    /**
     * @param identifier 0..65535
     * @param sequenceNumber 0..65535
     * @param data the data
     * @return an Echo Request
     */
    public static Echo request(int identifier, int sequenceNumber, byte[] data) {
        return new Echo(false, 0, identifier, sequenceNumber, data);
    }

    /** @return the Echo Reply to this request: same identifier, sequence number and data */
    public Echo toReply() {
        return new Echo(true, 0, identifier, sequenceNumber, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int type() {
        return (reply ? Icmpv6Type.ECHO_REPLY : Icmpv6Type.ECHO_REQUEST).number();
    }

    @Override
    public int bodyLength() {
        return 4 + data.length;
    }

    @Override
    public void encodeBody(ByteBuffer out) {
        out.putShort((short) identifier).putShort((short) sequenceNumber).put(data);
    }

    static Echo decode(ByteBuffer buffer, int offset, int end) throws MalformedPacketException {
        Icmpv6.requireLength(buffer, offset, end, OFFSET_DATA, "Echo");
        return new Echo((buffer.get(offset) & 0xff) == Icmpv6Type.ECHO_REPLY.number(),
                buffer.get(offset + Icmpv6.OFFSET_CODE) & 0xff,
                buffer.getShort(offset + OFFSET_IDENTIFIER) & 0xffff,
                buffer.getShort(offset + OFFSET_SEQUENCE_NUMBER) & 0xffff,
                Icmpv6.bytes(buffer, offset + OFFSET_DATA, end));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Echo e && e.reply == reply && e.code == code
                && e.identifier == identifier && e.sequenceNumber == sequenceNumber
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return ((Boolean.hashCode(reply) * 31 + code) * 31 + identifier * 65536 + sequenceNumber)
                * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Echo[reply=" + reply + ", code=" + code + ", identifier=" + identifier
                + ", sequenceNumber=" + sequenceNumber + ", data="
                + HexFormat.of().formatHex(data) + "]";
    }
}
