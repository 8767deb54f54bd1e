package io.anyhome.packet.ip;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * A reusable, allocation-free view of a UDP header (RFC 768) in a buffer, and its encoder. The
 * tunnel framing (UDP port 4191, RFC 5555) runs over it.
 *
 * <pre>
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |     Source      |   Destination   |
 * |      Port       |      Port       |
 * +--------+--------+--------+--------+
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 * |          data octets ...
 * +---------------- ...
 * </pre>
 *
 * <p>Checksums: {@link UpperLayerChecksum} computes them; {@link #fillChecksum} stores one,
 * writing 0xffff for a computed 0 because 0 means "no checksum" (RFC 768). Over IPv6 a zero
 * checksum is invalid (RFC 8200 §8.1), over IPv4 it means none was sent.
 */
public final class UdpHeader {
    /** Length of the header. */
    public static final int LENGTH = 8;
    /** Offset of the source port. */
    public static final int OFFSET_SOURCE_PORT = 0;
    /** Offset of the destination port. */
    public static final int OFFSET_DESTINATION_PORT = 2;
    /** Offset of Length (header plus data). */
    public static final int OFFSET_LENGTH = 4;
    /** Offset of Checksum. */
    public static final int OFFSET_CHECKSUM = 6;

    private ByteBuffer buffer;
    private int offset;

    /**
     * Points this view at the UDP header at {@code offset}, in an IP payload that ends at
     * {@code end}.
     *
     * @param buffer the packet
     * @param offset absolute index of the UDP header
     * @param end absolute index of the end of the IP payload
     * @return this view
     * @throws MalformedPacketException if the header does not fit or Length is below 8 or
     *     beyond {@code end}
     */
    public UdpHeader wrap(ByteBuffer buffer, int offset, int end) throws MalformedPacketException {
        Bounds.requireRange(buffer, offset, Math.max(0, end - offset), "UDP datagram");
        Bounds.requireAvailable(buffer, offset, end, LENGTH, "UDP header");
        int length = buffer.getShort(offset + OFFSET_LENGTH) & 0xffff;
        if (length < LENGTH || length > end - offset) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_LENGTH, "UDP Length " + length
                    + " outside 8.." + (end - offset) + " (the IP payload)");
        }
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return absolute index of the header */
    public int offset() {
        return offset;
    }

    /** @return the source port */
    public int sourcePort() {
        return buffer.getShort(offset + OFFSET_SOURCE_PORT) & 0xffff;
    }

    /** @return the destination port */
    public int destinationPort() {
        return buffer.getShort(offset + OFFSET_DESTINATION_PORT) & 0xffff;
    }

    /** @return the Length field: header plus data */
    public int length() {
        return buffer.getShort(offset + OFFSET_LENGTH) & 0xffff;
    }

    /** @return the Checksum field as stored */
    public int checksum() {
        return buffer.getShort(offset + OFFSET_CHECKSUM) & 0xffff;
    }

    /** @return absolute index of the data */
    public int dataOffset() {
        return offset + LENGTH;
    }

    /** @return number of data bytes */
    public int dataLength() {
        return length() - LENGTH;
    }

    /**
     * Whether the checksum is right for a UDP datagram found by a header chain walk (IPv6, with
     * the RFC 6275 §6.1.1 addresses). A zero checksum is invalid over IPv6.
     *
     * @param chain a chain that walked to this datagram
     * @return true if the stored checksum is non-zero and right
     */
    public static boolean isChecksumValid(Ipv6HeaderChain chain) {
        int stored = chain.buffer().getShort(chain.upperLayerOffset() + OFFSET_CHECKSUM) & 0xffff;
        return stored != 0 && UpperLayerChecksum.ipv6(chain) == 0;
    }

    /**
     * Whether the checksum of an IPv4 UDP datagram is right; a zero checksum means none was
     * sent and is accepted (RFC 768).
     *
     * @param header a wrapped IPv4 header whose payload is this datagram
     * @param buffer the buffer the header was wrapped on
     * @return true if no checksum was sent or it is right
     */
    public static boolean isChecksumValidV4(Ipv4Header header, ByteBuffer buffer) {
        int stored = buffer.getShort(header.payloadOffset() + OFFSET_CHECKSUM) & 0xffff;
        return stored == 0 || UpperLayerChecksum.ipv4(header, buffer) == 0;
    }

    /**
     * Stores a checksum that {@link UpperLayerChecksum} computed with the field at zero,
     * writing 0xffff for 0 (RFC 768).
     *
     * @param buffer the packet
     * @param offset absolute index of the UDP header
     * @param checksum the computed checksum
     */
    public static void fillChecksum(ByteBuffer buffer, int offset, int checksum) {
        buffer.putShort(offset + OFFSET_CHECKSUM, (short) (checksum == 0 ? 0xffff : checksum));
    }

    /**
     * Stores the right checksum of an IPv6 UDP datagram in place.
     *
     * @param buffer the packet
     * @param offset absolute index of the UDP header
     * @param length UDP length
     * @param source pseudo-header source (the home address with a Home Address option)
     * @param destination pseudo-header destination (the final destination)
     */
    public static void fillChecksumV6(ByteBuffer buffer, int offset, int length, byte[] source,
            byte[] destination) {
        buffer.putShort(offset + OFFSET_CHECKSUM, (short) 0);
        fillChecksum(buffer, offset, UpperLayerChecksum.ipv6(buffer, offset, length, source,
                destination, IpProtocol.UDP.number()));
    }

    /**
     * Stores the right checksum of an IPv4 UDP datagram in place.
     *
     * @param buffer the packet
     * @param offset absolute index of the UDP header
     * @param length UDP length
     * @param source 4-byte source address
     * @param destination 4-byte destination address
     */
    public static void fillChecksumV4(ByteBuffer buffer, int offset, int length, byte[] source,
            byte[] destination) {
        buffer.putShort(offset + OFFSET_CHECKSUM, (short) 0);
        fillChecksum(buffer, offset, UpperLayerChecksum.ipv4(buffer, offset, length, source,
                destination, IpProtocol.UDP.number()));
    }

    /**
     * Writes a UDP header with checksum 0 at the buffer's position and advances it by 8; the
     * caller writes the data and then fills the checksum.
     *
     * @param out the buffer
     * @param sourcePort 0..65535
     * @param destinationPort 0..65535
     * @param length header plus data, 8..65535
     * @return 8
     * @throws IllegalArgumentException if a field is out of range
     */
    public static int encode(ByteBuffer out, int sourcePort, int destinationPort, int length) {
        Bounds.requireField("source port", sourcePort, 0xffff);
        Bounds.requireField("destination port", destinationPort, 0xffff);
        if (length < LENGTH || length > 0xffff) {
            throw new IllegalArgumentException("UDP length " + length + " is outside 8..65535");
        }
        out.putShort((short) sourcePort);
        out.putShort((short) destinationPort);
        out.putShort((short) length);
        out.putShort((short) 0);
        return LENGTH;
    }
}
