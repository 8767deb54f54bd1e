package io.anyhome.packet.icmp6;

import io.anyhome.packet.ip.Bounds;
import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Packet Too Big (type 2, RFC 4443 §3.2): what path MTU discovery over a tunnel listens for.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             MTU                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    As much of invoking packet                 |
 * </pre>
 *
 * @param code 0 as sent (kept as received)
 * @param mtu the next-hop MTU, 0..0xffffffff
 * @param invokingPacket the start of the packet that caused it
 */
public record PacketTooBig(int code, long mtu, byte[] invokingPacket) implements Icmpv6Message {
    /** Offset of MTU from the start of the message. */
    public static final int OFFSET_MTU = 4;
    /** Offset of the invoking packet. */
    public static final int OFFSET_INVOKING_PACKET = 8;

    /** Checks the ranges and copies the bytes. */
    public PacketTooBig {
        Bounds.requireField("code", code, 0xff);
        Bounds.requireField("MTU", mtu, 0xffffffffL);
        invokingPacket = invokingPacket.clone();
    }

    @Override
    public byte[] invokingPacket() {
        return invokingPacket.clone();
    }

    @Override
    public int type() {
        return Icmpv6Type.PACKET_TOO_BIG.number();
    }

    @Override
    public int bodyLength() {
        return 4 + invokingPacket.length;
    }

    @Override
    public void encodeBody(ByteBuffer out) {
        out.putInt((int) mtu).put(invokingPacket);
    }

    static PacketTooBig decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Icmpv6.requireLength(buffer, offset, end, OFFSET_INVOKING_PACKET, "Packet Too Big");
        return new PacketTooBig(buffer.get(offset + Icmpv6.OFFSET_CODE) & 0xff,
                buffer.getInt(offset + OFFSET_MTU) & 0xffffffffL,
                Icmpv6.bytes(buffer, offset + OFFSET_INVOKING_PACKET, end));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketTooBig p && p.code == code && p.mtu == mtu
                && Arrays.equals(p.invokingPacket, invokingPacket);
    }

    @Override
    public int hashCode() {
        return (code * 31 + Long.hashCode(mtu)) * 31 + Arrays.hashCode(invokingPacket);
    }

    @Override
    public String toString() {
        return "PacketTooBig[code=" + code + ", mtu=" + mtu + ", invokingPacket="
                + HexFormat.of().formatHex(invokingPacket) + "]";
    }
}
