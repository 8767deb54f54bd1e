package io.anyhome.packet.ip;

import io.anyhome.packet.InternetChecksum;
import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * A reusable, allocation-free view of an IPv4 header (RFC 791 §3.1) in a buffer, for IPv4
 * care-of addresses (RFC 5555 framing), and the encoder of one.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@link #wrap} checks the version, that IHL is at least 5, that the header fits in Total
 * Length and that Total Length fits in the buffer. It does not check the Header Checksum: the
 * caller asks {@link #isChecksumValid()} when it cares.
 */
public final class Ipv4Header {
    /** Length of a header without options (IHL 5). */
    public static final int MIN_LENGTH = 20;
    /** Largest header, IHL 15. */
    public static final int MAX_LENGTH = 60;
    /** Offset of Type of Service (DSCP and ECN). */
    public static final int OFFSET_TOS = 1;
    /** Offset of Total Length (16 bits). */
    public static final int OFFSET_TOTAL_LENGTH = 2;
    /** Offset of Identification (16 bits). */
    public static final int OFFSET_IDENTIFICATION = 4;
    /** Offset of the flags and Fragment Offset word (16 bits). */
    public static final int OFFSET_FRAGMENT = 6;
    /** Offset of Time to Live. */
    public static final int OFFSET_TTL = 8;
    /** Offset of Protocol. */
    public static final int OFFSET_PROTOCOL = 9;
    /** Offset of Header Checksum (16 bits). */
    public static final int OFFSET_CHECKSUM = 10;
    /** Offset of the source address. */
    public static final int OFFSET_SOURCE = 12;
    /** Offset of the destination address. */
    public static final int OFFSET_DESTINATION = 16;
    /** Don't Fragment flag in the flags/fragment-offset word. */
    public static final int FLAG_DONT_FRAGMENT = 0x4000;
    /** More Fragments flag in the flags/fragment-offset word. */
    public static final int FLAG_MORE_FRAGMENTS = 0x2000;

    private ByteBuffer buffer;
    private int offset;

    /**
     * Points this view at the IPv4 header at absolute index {@code offset}.
     *
     * @param buffer the packet
     * @param offset absolute index of the header
     * @return this view
     * @throws MalformedPacketException if the version is not 4, IHL is below 5, the header is
     *     longer than Total Length or Total Length exceeds the buffer
     */
    public Ipv4Header wrap(ByteBuffer buffer, int offset) throws MalformedPacketException {
        Bounds.requireRange(buffer, offset, MIN_LENGTH, "IPv4 header");
        int first = buffer.get(offset) & 0xff;
        if (first >>> 4 != 4) {
            throw MalformedPacketException.at(buffer, offset, "Version " + (first >>> 4) + " is not 4");
        }
        int headerLength = (first & 0x0f) * 4;
        if (headerLength < MIN_LENGTH) {
            throw MalformedPacketException.at(buffer, offset,
                    "IHL " + (first & 0x0f) + " below the minimum 5");
        }
        int totalLength = buffer.getShort(offset + OFFSET_TOTAL_LENGTH) & 0xffff;
        if (totalLength < headerLength) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_TOTAL_LENGTH,
                    "Total Length " + totalLength + " below the header length " + headerLength);
        }
        if (totalLength > buffer.limit() - offset) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_TOTAL_LENGTH,
                    "Total Length " + totalLength + " exceeds the " + (buffer.limit() - offset)
                            + " bytes in the buffer");
        }
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return absolute index of the header */
    public int offset() {
        return offset;
    }

    /** @return the version, 4 */
    public int version() {
        return (buffer.get(offset) & 0xf0) >>> 4;
    }

    /** @return the header length in bytes (IHL × 4) */
    public int headerLength() {
        return (buffer.get(offset) & 0x0f) * 4;
    }

    /** @return the Type of Service byte (DSCP and ECN) */
    public int typeOfService() {
        return buffer.get(offset + OFFSET_TOS) & 0xff;
    }

    /** @return Total Length: header and data in bytes */
    public int totalLength() {
        return buffer.getShort(offset + OFFSET_TOTAL_LENGTH) & 0xffff;
    }

    /** @return the Identification field */
    public int identification() {
        return buffer.getShort(offset + OFFSET_IDENTIFICATION) & 0xffff;
    }

    /** @return whether Don't Fragment is set */
    public boolean dontFragment() {
        return (buffer.getShort(offset + OFFSET_FRAGMENT) & FLAG_DONT_FRAGMENT) != 0;
    }

    /** @return whether More Fragments is set */
    public boolean moreFragments() {
        return (buffer.getShort(offset + OFFSET_FRAGMENT) & FLAG_MORE_FRAGMENTS) != 0;
    }

    /** @return the 3 flag bits and 13-bit fragment offset as one 16-bit field */
    public int flagsAndFragmentOffset() {
        return buffer.getShort(offset + OFFSET_FRAGMENT) & 0xffff;
    }

    /** @return the fragment offset in 8-byte units */
    public int fragmentOffset() {
        return buffer.getShort(offset + OFFSET_FRAGMENT) & 0x1fff;
    }

    /** @return Time to Live */
    public int ttl() {
        return buffer.get(offset + OFFSET_TTL) & 0xff;
    }

    /** @return the Protocol field */
    public int protocol() {
        return buffer.get(offset + OFFSET_PROTOCOL) & 0xff;
    }

    /** @return the Header Checksum field as stored */
    public int headerChecksum() {
        return buffer.getShort(offset + OFFSET_CHECKSUM) & 0xffff;
    }

    /** @return the source address as a 32-bit value */
    public int source() {
        return buffer.getInt(offset + OFFSET_SOURCE);
    }

    /** @return the destination address as a 32-bit value */
    public int destination() {
        return buffer.getInt(offset + OFFSET_DESTINATION);
    }

    /** @return absolute index of the source address */
    public int sourceOffset() {
        return offset + OFFSET_SOURCE;
    }

    /** @return absolute index of the destination address */
    public int destinationOffset() {
        return offset + OFFSET_DESTINATION;
    }

    /** @return absolute index of the first byte after the header: the payload */
    public int payloadOffset() {
        return offset + headerLength();
    }

    /** @return absolute index of the byte after Total Length: the end of this packet */
    public int end() {
        return offset + totalLength();
    }

    /** @return whether the Header Checksum matches the header (RFC 791, RFC 1071) */
    public boolean isChecksumValid() {
        return InternetChecksum.finish(InternetChecksum.add(0, buffer, offset, headerLength())) == 0;
    }

    /** Recomputes the Header Checksum in place (after changing TTL, say). */
    public void updateChecksum() {
        updateChecksum(buffer, offset, headerLength());
    }

    private static void updateChecksum(ByteBuffer buffer, int offset, int headerLength) {
        buffer.putShort(offset + OFFSET_CHECKSUM, (short) 0);
        int sum = InternetChecksum.finish(InternetChecksum.add(0, buffer, offset, headerLength));
        buffer.putShort(offset + OFFSET_CHECKSUM, (short) sum);
    }

    /**
     * Writes an IPv4 header with a correct Header Checksum at the buffer's position and advances
     * the position past it.
     *
     * @param out the buffer
     * @param typeOfService 0..255
     * @param totalLength header plus data, at least the header length, at most 65535
     * @param identification 0..65535
     * @param flagsAndFragmentOffset flags and fragment offset word, 0..65535
     * @param ttl 0..255
     * @param protocol 0..255
     * @param source 32-bit source address
     * @param destination 32-bit destination address
     * @param options option bytes, a multiple of 4, at most 40 (empty for none)
     * @return the header length written (20 plus the options)
     * @throws IllegalArgumentException if a field is out of range
     */
    public static int encode(ByteBuffer out, int typeOfService, int totalLength, int identification,
            int flagsAndFragmentOffset, int ttl, int protocol, int source, int destination,
            byte[] options) {
        if (options.length % 4 != 0 || options.length > MAX_LENGTH - MIN_LENGTH) {
            throw new IllegalArgumentException("IPv4 options of " + options.length
                    + " bytes are not a multiple of 4 up to 40");
        }
        int headerLength = MIN_LENGTH + options.length;
        Bounds.requireField("type of service", typeOfService, 0xff);
        if (totalLength < headerLength || totalLength > 0xffff) {
            throw new IllegalArgumentException("total length " + totalLength
                    + " is outside " + headerLength + "..65535");
        }
        Bounds.requireField("identification", identification, 0xffff);
        Bounds.requireField("flags and fragment offset", flagsAndFragmentOffset, 0xffff);
        Bounds.requireField("ttl", ttl, 0xff);
        Bounds.requireField("protocol", protocol, 0xff);
        int start = out.position();
        out.put((byte) (0x40 | headerLength / 4));
        out.put((byte) typeOfService);
        out.putShort((short) totalLength);
        out.putShort((short) identification);
        out.putShort((short) flagsAndFragmentOffset);
        out.put((byte) ttl);
        out.put((byte) protocol);
        out.putShort((short) 0);
        out.putInt(source);
        out.putInt(destination);
        out.put(options);
        updateChecksum(out, start, headerLength);
        return headerLength;
    }
}
