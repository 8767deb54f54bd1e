package io.anyhome.packet.icmp6;

import io.anyhome.packet.ip.Bounds;
import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Destination Unreachable (type 1, RFC 4443 §3.1).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             Unused                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    As much of invoking packet                 |
 * +                as possible without the ICMPv6 packet          +
 * |                exceeding the minimum IPv6 MTU                 |
 * </pre>
 *
 * @param code 0 no route, 1 administratively prohibited, 2 beyond scope, 3 address
 *     unreachable, 4 port unreachable, 5 source policy, 6 reject route
 * @param invokingPacket the start of the packet that caused it
 */
public record DestinationUnreachable(int code, byte[] invokingPacket) implements Icmpv6Message {
    /** Code 3: address unreachable. */
    public static final int CODE_ADDRESS_UNREACHABLE = 3;
    /** Code 4: port unreachable. */
    public static final int CODE_PORT_UNREACHABLE = 4;
    /** Offset of the invoking packet from the start of the message. */
    public static final int OFFSET_INVOKING_PACKET = 8;

    /** Checks the code and copies the bytes. */
    public DestinationUnreachable {
        Bounds.requireField("code", code, 0xff);
        invokingPacket = invokingPacket.clone();
    }

    @Override
    public byte[] invokingPacket() {
        return invokingPacket.clone();
    }

    @Override
    public int type() {
        return Icmpv6Type.DESTINATION_UNREACHABLE.number();
    }

    @Override
    public int bodyLength() {
        return 4 + invokingPacket.length;
    }

    @Override
    public void encodeBody(ByteBuffer out) {
        out.putInt(0).put(invokingPacket);
    }

    static DestinationUnreachable decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Icmpv6.requireLength(buffer, offset, end, OFFSET_INVOKING_PACKET, "Destination Unreachable");
        return new DestinationUnreachable(buffer.get(offset + Icmpv6.OFFSET_CODE) & 0xff,
                Icmpv6.bytes(buffer, offset + OFFSET_INVOKING_PACKET, end));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestinationUnreachable d && d.code == code
                && Arrays.equals(d.invokingPacket, invokingPacket);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(invokingPacket);
    }

    @Override
    public String toString() {
        return "DestinationUnreachable[code=" + code + ", invokingPacket="
                + HexFormat.of().formatHex(invokingPacket) + "]";
    }
}
