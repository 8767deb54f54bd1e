package io.anyhome.packet.ip;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * A reusable, allocation-free view of an IPv6 header (RFC 8200 §3) in a buffer, for the
 * forwarding path, and the encoder of one.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Source Address (128 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Destination Address (128 bits)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@link #wrap} checks the version and that the payload the Payload Length announces lies
 * inside the buffer; bytes after it (link-layer padding) are ignored. Jumbograms (RFC 2675) are
 * not supported: Payload Length 0 means an empty payload. One instance serves one thread; wrap
 * it again for the next packet.
 */
public final class Ipv6Header {
    /** Length of the fixed header. */
    public static final int LENGTH = 40;
    /** Offset of the version / traffic class / flow label word. */
    public static final int OFFSET_VERSION = 0;
    /** Offset of Payload Length (16 bits). */
    public static final int OFFSET_PAYLOAD_LENGTH = 4;
    /** Offset of Next Header (8 bits). */
    public static final int OFFSET_NEXT_HEADER = 6;
    /** Offset of Hop Limit (8 bits). */
    public static final int OFFSET_HOP_LIMIT = 7;
    /** Offset of the source address. */
    public static final int OFFSET_SOURCE = 8;
    /** Offset of the destination address. */
    public static final int OFFSET_DESTINATION = 24;

    private ByteBuffer buffer;
    private int offset;

    /**
     * Points this view at the IPv6 header at absolute index {@code offset}.
     *
     * @param buffer the packet; the header and its payload must lie before the limit
     * @param offset absolute index of the header
     * @return this view
     * @throws MalformedPacketException if the version is not 6 or the buffer is shorter than the
     *     header plus its Payload Length
     */
    public Ipv6Header wrap(ByteBuffer buffer, int offset) throws MalformedPacketException {
        Bounds.requireRange(buffer, offset, LENGTH, "IPv6 header");
        int version = (buffer.get(offset) & 0xf0) >>> 4;
        if (version != 6) {
            throw MalformedPacketException.at(buffer, offset, "Version " + version + " is not 6");
        }
        int payloadLength = buffer.getShort(offset + OFFSET_PAYLOAD_LENGTH) & 0xffff;
        if (payloadLength > buffer.limit() - offset - LENGTH) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_PAYLOAD_LENGTH,
                    "Payload Length " + payloadLength + " exceeds the "
                            + (buffer.limit() - offset - LENGTH) + " bytes after the IPv6 header");
        }
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return the buffer this view reads */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** @return absolute index of the header */
    public int offset() {
        return offset;
    }

    /** @return the version, 6 */
    public int version() {
        return (buffer.get(offset) & 0xf0) >>> 4;
    }

    /** @return the traffic class (DSCP and ECN), 0..255 */
    public int trafficClass() {
        return (buffer.getShort(offset) >>> 4) & 0xff;
    }

    /** @return the flow label, 0..0xfffff */
    public int flowLabel() {
        return buffer.getInt(offset) & 0xfffff;
    }

    /** @return the Payload Length field: bytes after the fixed header */
    public int payloadLength() {
        return buffer.getShort(offset + OFFSET_PAYLOAD_LENGTH) & 0xffff;
    }

    /** @return the Next Header field */
    public int nextHeader() {
        return buffer.get(offset + OFFSET_NEXT_HEADER) & 0xff;
    }

    /** @return the Hop Limit field */
    public int hopLimit() {
        return buffer.get(offset + OFFSET_HOP_LIMIT) & 0xff;
    }

    /** @return absolute index of the byte after the payload: the end of this packet */
    public int end() {
        return offset + LENGTH + payloadLength();
    }

    /** @return absolute index of the source address */
    public int sourceOffset() {
        return offset + OFFSET_SOURCE;
    }

    /** @return absolute index of the destination address */
    public int destinationOffset() {
        return offset + OFFSET_DESTINATION;
    }

    /**
     * Copies the source address into {@code target} at {@code at}.
     *
     * @param target array of at least {@code at + 16} bytes
     * @param at index in the array
     */
    public void copySource(byte[] target, int at) {
        buffer.get(sourceOffset(), target, at, AddressFields.IPV6_LENGTH);
    }

    /**
     * Copies the destination address into {@code target} at {@code at}.
     *
     * @param target array of at least {@code at + 16} bytes
     * @param at index in the array
     */
    public void copyDestination(byte[] target, int at) {
        buffer.get(destinationOffset(), target, at, AddressFields.IPV6_LENGTH);
    }

    /**
     * @param address 16 bytes
     * @return whether the source address equals {@code address}, compared in place
     */
    public boolean sourceEquals(byte[] address) {
        return addressEquals(buffer, sourceOffset(), address);
    }

    /**
     * @param address 16 bytes
     * @return whether the destination address equals {@code address}, compared in place
     */
    public boolean destinationEquals(byte[] address) {
        return addressEquals(buffer, destinationOffset(), address);
    }

    /**
     * Sets the Hop Limit in place (a forwarder decrements it).
     *
     * @param hopLimit 0..255
     */
    public void setHopLimit(int hopLimit) {
        buffer.put(offset + OFFSET_HOP_LIMIT, (byte) hopLimit);
    }

    /**
     * Compares the 16 bytes at {@code at} with {@code address} without allocating.
     *
     * @param buffer the packet
     * @param at absolute index of an address field inside the buffer
     * @param address 16 bytes
     * @return whether they are equal
     */
    public static boolean addressEquals(ByteBuffer buffer, int at, byte[] address) {
        if (address.length != AddressFields.IPV6_LENGTH) {
            return false;
        }
        for (int i = 0; i < AddressFields.IPV6_LENGTH; i++) {
            if (buffer.get(at + i) != address[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes a fixed IPv6 header at the buffer's position and advances it by 40.
     *
     * @param out the buffer
     * @param trafficClass 0..255
     * @param flowLabel 0..0xfffff
     * @param payloadLength bytes after the fixed header, 0..65535
     * @param nextHeader 0..255
     * @param hopLimit 0..255
     * @param source 16 bytes
     * @param destination 16 bytes
     * @return 40, the number of bytes written
     * @throws IllegalArgumentException if a field is out of range
     */
    public static int encode(ByteBuffer out, int trafficClass, int flowLabel, int payloadLength,
            int nextHeader, int hopLimit, byte[] source, byte[] destination) {
        Bounds.requireField("traffic class", trafficClass, 0xff);
        Bounds.requireField("flow label", flowLabel, 0xfffff);
        Bounds.requireField("payload length", payloadLength, 0xffff);
        Bounds.requireField("next header", nextHeader, 0xff);
        Bounds.requireField("hop limit", hopLimit, 0xff);
        if (source.length != AddressFields.IPV6_LENGTH
                || destination.length != AddressFields.IPV6_LENGTH) {
            throw new IllegalArgumentException("IPv6 addresses have 16 bytes");
        }
        out.putInt((6 << 28) | (trafficClass << 20) | flowLabel);
        out.putShort((short) payloadLength);
        out.put((byte) nextHeader);
        out.put((byte) hopLimit);
        out.put(source);
        out.put(destination);
        return LENGTH;
    }

}
