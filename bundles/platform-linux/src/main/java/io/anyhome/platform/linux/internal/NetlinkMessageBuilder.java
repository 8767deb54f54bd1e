package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes one netlink request: the {@code nlmsghdr}, the family's fixed header (written field by
 * field with {@link #u8}, {@link #u16}, {@link #u32}) and attributes, nested ones included. The
 * length is filled in by {@link #build(int)}, the sequence number by the socket. Used by the
 * rtnetlink and nl80211 request encoders.
 */
final class NetlinkMessageBuilder {
    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

    /**
     * @param type the message type
     * @param flags the {@code NLM_F_*} flags ({@code NLM_F_REQUEST} is added)
     */
    NetlinkMessageBuilder(int type, int flags) {
        buffer.putInt(0).putShort((short) type).putShort((short) (flags | NetlinkMessage.NLM_F_REQUEST))
                .putInt(0).putInt(0);
    }

    private void ensure(int more) {
        if (buffer.remaining() < more + 4) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more + 64))
                    .order(ByteOrder.nativeOrder());
            bigger.put(buffer.flip());
            buffer = bigger;
        }
    }

    /** Appends a byte of the fixed header. */
    NetlinkMessageBuilder u8(int value) {
        ensure(1);
        buffer.put((byte) value);
        return this;
    }

    /** Appends a 16-bit field of the fixed header, host order. */
    NetlinkMessageBuilder u16(int value) {
        ensure(2);
        buffer.putShort((short) value);
        return this;
    }

    /** Appends a 32-bit field of the fixed header, host order. */
    NetlinkMessageBuilder u32(int value) {
        ensure(4);
        buffer.putInt(value);
        return this;
    }

    /** Appends an attribute with raw bytes (addresses: network order as given). */
    NetlinkMessageBuilder attribute(int type, byte[] value) {
        ensure(4 + value.length + 3);
        buffer.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        pad();
        return this;
    }

    /** Appends a u32 attribute, host order. */
    NetlinkMessageBuilder attributeU32(int type, int value) {
        ensure(8);
        buffer.putShort((short) 8).putShort((short) type).putInt(value);
        return this;
    }

    /** Appends a u16 attribute, host order. */
    NetlinkMessageBuilder attributeU16(int type, int value) {
        ensure(8);
        buffer.putShort((short) 6).putShort((short) type).putShort((short) value);
        pad();
        return this;
    }

    /** Appends a NUL-terminated string attribute. */
    NetlinkMessageBuilder attributeString(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[s.length + 1];
        System.arraycopy(s, 0, z, 0, s.length);
        return attribute(type, z);
    }

    /**
     * Starts a nested attribute; close it with {@link #endNested(int)}.
     *
     * @param type the attribute type ({@code NLA_F_NESTED} is added)
     * @return the token to pass to {@link #endNested(int)}
     */
    int beginNested(int type) {
        ensure(4);
        int start = buffer.position();
        buffer.putShort((short) 0).putShort((short) (type | 0x8000));
        return start;
    }

    /** Ends the nested attribute started at {@code token}. */
    NetlinkMessageBuilder endNested(int token) {
        buffer.putShort(token, (short) (buffer.position() - token));
        return this;
    }

    private void pad() {
        while ((buffer.position() & 3) != 0) {
            buffer.put((byte) 0);
        }
    }

    /**
     * @param sequence the sequence number
     * @return the message, position 0, limit its length, host byte order
     */
    ByteBuffer build(int sequence) {
        pad();
        ByteBuffer out = ByteBuffer.allocate(buffer.position()).order(ByteOrder.nativeOrder());
        out.put(buffer.duplicate().flip());
        out.putInt(NetlinkMessage.OFF_LENGTH, out.capacity()).putInt(NetlinkMessage.OFF_SEQ, sequence);
        return out.flip();
    }
}
