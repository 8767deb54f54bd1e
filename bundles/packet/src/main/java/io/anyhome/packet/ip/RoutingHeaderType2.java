package io.anyhome.packet.ip;

import io.anyhome.packet.MalformedPacketException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * The type 2 routing header (RFC 6275 §6.4): a correspondent or the home agent sends it to a
 * mobile node's care-of address, carrying the home address as the final destination.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  | Hdr Ext Len=2 | Routing Type=2|Segments Left=1|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Home Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Segments Left is 1 as sent and 0 once the mobile node has swapped the home address into the
 * IPv6 destination; other values are malformed. Reserved is written as zero and ignored.
 *
 * @param nextHeader the header after this one
 * @param segmentsLeft 1 as sent, 0 after processing
 * @param homeAddress the mobile node's home address
 */
public record RoutingHeaderType2(int nextHeader, int segmentsLeft, Inet6Address homeAddress) {
    /** Length of the header. */
    public static final int LENGTH = 24;
    /** Hdr Ext Len of a type 2 routing header. */
    public static final int HDR_EXT_LEN = 2;
    /** Routing Type value. */
    public static final int ROUTING_TYPE = 2;
    /** Offset of Next Header. */
    public static final int OFFSET_NEXT_HEADER = 0;
    /** Offset of Hdr Ext Len. */
    public static final int OFFSET_HDR_EXT_LEN = 1;
    /** Offset of Routing Type. */
    public static final int OFFSET_ROUTING_TYPE = 2;
    /** Offset of Segments Left. */
    public static final int OFFSET_SEGMENTS_LEFT = 3;
    /** Offset of the home address. */
    public static final int OFFSET_HOME_ADDRESS = 8;

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if next header is not a byte or segments left not 0 or 1
     */
    public RoutingHeaderType2 {
        Bounds.requireField("next header", nextHeader, 0xff);
        Bounds.requireField("segments left", segmentsLeft, 1);
    }

    /**
     * The header as a sender builds it, Segments Left 1.
     *
     * @param nextHeader the header after this one
     * @param homeAddress the final destination
     * @return the header
     */
    public static RoutingHeaderType2 of(int nextHeader, Inet6Address homeAddress) {
        return new RoutingHeaderType2(nextHeader, 1, homeAddress);
    }

    /**
     * Writes the header at the buffer's position and advances it by 24.
     *
     * @param out the buffer
     * @return 24
     */
    public int encode(ByteBuffer out) {
        out.put((byte) nextHeader).put((byte) HDR_EXT_LEN).put((byte) ROUTING_TYPE)
                .put((byte) segmentsLeft).putInt(0);
        AddressFields.put(out, homeAddress);
        return LENGTH;
    }

    /**
     * Decodes a type 2 routing header at {@code offset}, which must end by {@code end}.
     *
     * @param buffer the packet
     * @param offset absolute index of the header
     * @param end absolute index after the last byte the header may use
     * @return the header
     * @throws MalformedPacketException if it does not fit, is not type 2, or Hdr Ext Len or
     *     Segments Left are wrong
     */
    public static RoutingHeaderType2 decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        check(buffer, offset, end);
        return new RoutingHeaderType2(buffer.get(offset) & 0xff,
                buffer.get(offset + OFFSET_SEGMENTS_LEFT) & 0xff,
                AddressFields.read(buffer, offset + OFFSET_HOME_ADDRESS));
    }

    /** Validates a type 2 routing header in place. */
    static void check(ByteBuffer buffer, int offset, int end) throws MalformedPacketException {
        Bounds.requireRange(buffer, offset, Math.max(0, end - offset), "routing header");
        Bounds.requireAvailable(buffer, offset, end, 8, "routing header");
        int type = buffer.get(offset + OFFSET_ROUTING_TYPE) & 0xff;
        if (type != ROUTING_TYPE) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_ROUTING_TYPE,
                    "Routing Type " + type + " is not 2");
        }
        int hdrExtLen = buffer.get(offset + OFFSET_HDR_EXT_LEN) & 0xff;
        if (hdrExtLen != HDR_EXT_LEN) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_HDR_EXT_LEN,
                    "type 2 routing header Hdr Ext Len " + hdrExtLen + " is not 2");
        }
        Bounds.requireAvailable(buffer, offset, end, LENGTH, "type 2 routing header");
        int segmentsLeft = buffer.get(offset + OFFSET_SEGMENTS_LEFT) & 0xff;
        if (segmentsLeft > 1) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_SEGMENTS_LEFT,
                    "type 2 routing header Segments Left " + segmentsLeft + " is not 0 or 1");
        }
    }
}
