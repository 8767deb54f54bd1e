package io.anyhome.packet.icmp6;

import io.anyhome.packet.ip.Bounds;
import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Parameter Problem (type 4, RFC 4443 §3.4): what a node sends for a malformed header, and what
 * a kernel without Mobile IPv6 sends for a Home Address option (code 2) or a type 2 routing
 * header (code 0).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Pointer                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    As much of invoking packet                 |
 * </pre>
 *
 * @param code 0 erroneous header field, 1 unrecognized Next Header, 2 unrecognized option
 * @param pointer offset in the invoking packet of the offending byte, 0..0xffffffff
 * @param invokingPacket the start of the packet that caused it
 */
public record ParameterProblem(int code, long pointer, byte[] invokingPacket)
        implements Icmpv6Message {
    /** Code 0: erroneous header field encountered. */
    public static final int CODE_ERRONEOUS_HEADER_FIELD = 0;
    /** Code 1: unrecognized Next Header type encountered. */
    public static final int CODE_UNRECOGNIZED_NEXT_HEADER = 1;
    /** Code 2: unrecognized IPv6 option encountered. */
    public static final int CODE_UNRECOGNIZED_OPTION = 2;
    /** Offset of Pointer from the start of the message. */
    public static final int OFFSET_POINTER = 4;
    /** Offset of the invoking packet. */
    public static final int OFFSET_INVOKING_PACKET = 8;

    /** Checks the ranges and copies the bytes. */
    public ParameterProblem {
        Bounds.requireField("code", code, 0xff);
        Bounds.requireField("pointer", pointer, 0xffffffffL);
        invokingPacket = invokingPacket.clone();
    }

    @Override
    public byte[] invokingPacket() {
        return invokingPacket.clone();
    }

    @Override
    public int type() {
        return Icmpv6Type.PARAMETER_PROBLEM.number();
    }

    @Override
    public int bodyLength() {
        return 4 + invokingPacket.length;
    }

    @Override
    public void encodeBody(ByteBuffer out) {
        out.putInt((int) pointer).put(invokingPacket);
    }

    static ParameterProblem decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Icmpv6.requireLength(buffer, offset, end, OFFSET_INVOKING_PACKET, "Parameter Problem");
        return new ParameterProblem(buffer.get(offset + Icmpv6.OFFSET_CODE) & 0xff,
                buffer.getInt(offset + OFFSET_POINTER) & 0xffffffffL,
                Icmpv6.bytes(buffer, offset + OFFSET_INVOKING_PACKET, end));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterProblem p && p.code == code && p.pointer == pointer
                && Arrays.equals(p.invokingPacket, invokingPacket);
    }

    @Override
    public int hashCode() {
        return (code * 31 + Long.hashCode(pointer)) * 31 + Arrays.hashCode(invokingPacket);
    }

    @Override
    public String toString() {
        return "ParameterProblem[code=" + code + ", pointer=" + pointer + ", invokingPacket="
                + HexFormat.of().formatHex(invokingPacket) + "]";
    }
}
