package io.anyhome.packet.ip;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * The IPv6 Fragment header (next header 44, RFC 8200 §4.5).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Identification                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The reserved fields are written as zero and ignored.
 *
 * @param nextHeader the header of the fragmentable part
 * @param fragmentOffset offset of the data in 8-byte units, 0..8191
 * @param moreFragments the M flag
 * @param identification the 32-bit identification
 */
public record FragmentHeader(int nextHeader, int fragmentOffset, boolean moreFragments,
        int identification) {
    /** Length of the header. */
    public static final int LENGTH = 8;
    /** Offset of the fragment offset / M flag word. */
    public static final int OFFSET_FRAGMENT_OFFSET = 2;
    /** Offset of Identification. */
    public static final int OFFSET_IDENTIFICATION = 4;

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if one is out of range
     */
    public FragmentHeader {
        Bounds.requireField("next header", nextHeader, 0xff);
        Bounds.requireField("fragment offset", fragmentOffset, 0x1fff);
    }

    /** @return whether this fragment is a whole packet or the first fragment (offset 0) */
    public boolean isFirst() {
        return fragmentOffset == 0;
    }

    /**
     * Writes the header at the buffer's position and advances it by 8.
     *
     * @param out the buffer
     * @return 8
     */
    public int encode(ByteBuffer out) {
        out.put((byte) nextHeader).put((byte) 0)
                .putShort((short) ((fragmentOffset << 3) | (moreFragments ? 1 : 0)))
                .putInt(identification);
        return LENGTH;
    }

    /**
     * Decodes the header at {@code offset}, which must end by {@code end}.
     *
     * @param buffer the packet
     * @param offset absolute index of the header
     * @param end absolute index after the last byte the header may use
     * @return the header
     * @throws MalformedPacketException if fewer than 8 bytes remain
     */
    public static FragmentHeader decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Bounds.requireRange(buffer, offset, Math.max(0, end - offset), "fragment header");
        Bounds.requireAvailable(buffer, offset, end, LENGTH, "fragment header");
        int word = buffer.getShort(offset + OFFSET_FRAGMENT_OFFSET) & 0xffff;
        return new FragmentHeader(buffer.get(offset) & 0xff, word >>> 3, (word & 1) != 0,
                buffer.getInt(offset + OFFSET_IDENTIFICATION));
    }
}
