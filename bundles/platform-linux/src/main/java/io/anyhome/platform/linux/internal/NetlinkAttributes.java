package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The type-length-value attributes ({@code rtattr} / {@code nlattr}, the same layout) that follow
 * a netlink message's fixed header, parsed once and then read by type. The last attribute of a
 * type wins; types above {@link #MAX_TYPE} are skipped. Nested attributes are parsed on demand with
 * {@link #nested(int)}.
 *
 * <pre>
 * +-------------------+-------------------+--------------------------+-----------+
 * | length (16, host) | type (16, host)   | value (length - 4 bytes) | pad to 4  |
 * +-------------------+-------------------+--------------------------+-----------+
 * </pre>
 * The type's top two bits are the {@code NLA_F_NESTED} and {@code NLA_F_NET_BYTEORDER} flags.
 * Accessors check the value's length and throw {@link NetlinkMalformedException} if it is wrong.
 */
final class NetlinkAttributes {
    static final int MAX_TYPE = 511;
    private static final int TYPE_MASK = 0x3fff;

    private final ByteBuffer source;
    private final int[] offsets = new int[MAX_TYPE + 1];
    private final int[] lengths = new int[MAX_TYPE + 1];

    private NetlinkAttributes(ByteBuffer source) {
        this.source = source;
        Arrays.fill(offsets, -1);
    }

    /**
     * Parses attributes from {@code buffer}'s position to its limit.
     *
     * @param buffer the bytes; positions are relative to this buffer
     * @param from where the first attribute starts
     * @return the attributes
     * @throws NetlinkMalformedException if an attribute's length is inconsistent
     */
    static NetlinkAttributes parse(ByteBuffer buffer, int from) throws NetlinkMalformedException {
        ByteBuffer b = buffer.duplicate().order(ByteOrder.nativeOrder());
        NetlinkAttributes a = new NetlinkAttributes(b);
        int off = from;
        int end = b.limit();
        if (off > end) {
            throw new NetlinkMalformedException(buffer, end, "fixed header needs " + from + " bytes, has " + end);
        }
        while (end - off >= 4) {
            int len = b.getShort(off) & 0xffff;
            int type = b.getShort(off + 2) & TYPE_MASK;
            if (len < 4 || len > end - off) {
                throw new NetlinkMalformedException(buffer, off, "attribute " + type + " length " + len
                        + " outside 4.." + (end - off));
            }
            if (type <= MAX_TYPE) {
                a.offsets[type] = off + 4;
                a.lengths[type] = len - 4;
            }
            off += NetlinkMessage.align(len);
        }
        return a;
    }

    /**
     * @param type an attribute type
     * @return true if present
     */
    boolean has(int type) {
        return type >= 0 && type <= MAX_TYPE && offsets[type] >= 0;
    }

    private int at(int type, int min, int max) throws NetlinkMalformedException {
        int off = offsets[type];
        int len = lengths[type];
        if (len < min || len > max) {
            throw new NetlinkMalformedException(source, off - 4,
                    "attribute " + type + " has length " + len + ", expected " + (min == max ? min : min + ".." + max));
        }
        return off;
    }

    /** @return the u8 value, or {@code absent} */
    int u8(int type, int absent) throws NetlinkMalformedException {
        return has(type) ? source.get(at(type, 1, 1)) & 0xff : absent;
    }

    /** @return the u16 value (host order), or {@code absent} */
    int u16(int type, int absent) throws NetlinkMalformedException {
        return has(type) ? source.getShort(at(type, 2, 2)) & 0xffff : absent;
    }

    /** @return the u32 / s32 value (host order), or {@code absent} */
    int u32(int type, int absent) throws NetlinkMalformedException {
        return has(type) ? source.getInt(at(type, 4, 4)) : absent;
    }

    /** @return the value's bytes, or null if absent */
    byte[] bytes(int type) {
        if (!has(type)) {
            return null;
        }
        byte[] v = new byte[lengths[type]];
        source.get(offsets[type], v);
        return v;
    }

    /** @return the value as a string up to the first NUL, or {@code absent} */
    String string(int type, String absent) {
        byte[] v = bytes(type);
        if (v == null) {
            return absent;
        }
        int n = 0;
        while (n < v.length && v[n] != 0) {
            n++;
        }
        return new String(v, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * @param type an attribute type whose value is itself a list of attributes
     * @return the nested attributes, or null if absent
     * @throws NetlinkMalformedException if the nested attributes are inconsistent
     */
    NetlinkAttributes nested(int type) throws NetlinkMalformedException {
        if (!has(type)) {
            return null;
        }
        ByteBuffer inner = source.duplicate().position(offsets[type]).limit(offsets[type] + lengths[type]).slice()
                .order(ByteOrder.nativeOrder());
        return parse(inner, 0);
    }
}
