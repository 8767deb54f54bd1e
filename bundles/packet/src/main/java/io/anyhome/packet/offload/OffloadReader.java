package io.anyhome.packet.offload;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * Turns what one read from a TUN device with a virtio-net header returned into packets ready to
 * send: a single packet (its partial checksum completed, in place) or the segments of a TCP
 * super-packet, cut into a buffer of its own, back to back and of equal length but the last,
 * the shape {@code UdpEndpoint.sendSegmented} takes. One per read loop; it owns the segment
 * buffer and is not thread-safe. Nothing allocates per packet.
 */
public final class OffloadReader {
    /** {@link #prepare} result: the packet is in the read buffer, position..limit. */
    public static final int SINGLE = 1;
    /** {@link #prepare} result: the packets are in {@link #segments()}, {@link #segmentSize()} each. */
    public static final int SEGMENTS = 2;

    private final ByteBuffer segments;
    private int segmentSize;

    /**
     * @param capacity bytes for the segments of one super-packet: its length plus one set of
     *        headers per segment (256 KiB covers 64 KiB cut into 500-byte segments)
     */
    public OffloadReader(int capacity) {
        this.segments = ByteBuffer.allocateDirect(capacity);
    }

    /** @return a reader with room for any super-packet of 64 KiB cut into segments of 500 bytes or more */
    public static OffloadReader forTun() {
        return new OffloadReader(256 * 1024);
    }

    /**
     * Prepares one read: the virtio-net header at {@code position}, the packet after it up to the
     * limit.
     *
     * @param read the read buffer; on {@link #SINGLE} its position..limit is the packet
     * @return {@link #SINGLE} or {@link #SEGMENTS}
     * @throws MalformedPacketException if the header asks for something this cannot do (a
     *         segmentation type other than TCP over IPv6, a checksum outside the packet)
     */
    public int prepare(ByteBuffer read) throws MalformedPacketException {
        int header = read.position();
        int packet = header + VirtioNetHeader.LENGTH;
        int end = read.limit();
        if (packet > end) {
            throw MalformedPacketException.at(read, header, "shorter than its virtio-net header");
        }
        int flags = VirtioNetHeader.flags(read, header);
        int gso = VirtioNetHeader.gsoType(read, header) & ~VirtioNetHeader.GSO_ECN;
        int csumStart = VirtioNetHeader.checksumStart(read, header);
        if (gso == VirtioNetHeader.GSO_NONE) {
            if ((flags & VirtioNetHeader.FLAG_NEEDS_CSUM) != 0) {
                TcpSegmentation.completeChecksum(read, packet, end, csumStart,
                        VirtioNetHeader.checksumOffset(read, header));
            }
            read.position(packet);
            return SINGLE;
        }
        if (gso != VirtioNetHeader.GSO_TCPV6) {
            throw MalformedPacketException.at(read, header, "segmentation type " + gso + " is not TCP over IPv6");
        }
        segments.clear();
        segmentSize = TcpSegmentation.segment(read, packet, end - packet, packet + csumStart,
                VirtioNetHeader.gsoSize(read, header), segments);
        segments.flip();
        read.position(packet);
        return SEGMENTS;
    }

    /** @return the segments of the last {@link #SEGMENTS} result, position..limit */
    public ByteBuffer segments() {
        return segments;
    }

    /** @return the length of each segment of the last {@link #SEGMENTS} result but the last */
    public int segmentSize() {
        return segmentSize;
    }
}
