package io.anyhome.packet.offload;

import io.anyhome.packet.InternetChecksum;
import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * Segmentation in user space: cuts a TCP-over-IPv6 super-packet (what the kernel hands a TUN
 * device with TCP segmentation offload: one IPv6 and TCP header, up to 64 KiB of payload) into
 * the packets the kernel would have sent, each with its payload length, sequence number, flags
 * and TCP checksum; and completes the checksum of a single packet the kernel left partial.
 *
 * <p>The rules are those of the kernel's own TCP segmentation: every segment but the last
 * carries {@code gsoSize} payload bytes; FIN and PSH stay on the last segment only, CWR on the
 * first only; the other header bytes, options included, are copied unchanged. The pseudo-header
 * takes the IPv6 header's addresses (locally sent TCP carries no routing header). Nothing
 * allocates.
 */
public final class TcpSegmentation {
    private static final int IPV6_HEADER = 40;
    private static final int TCP_PROTOCOL = 6;
    private static final int TCP_MIN_HEADER = 20;
    private static final int TCP_SEQUENCE = 4;
    private static final int TCP_DATA_OFFSET = 12;
    private static final int TCP_FLAGS = 13;
    private static final int TCP_CHECKSUM = 16;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int CWR = 0x80;

    private TcpSegmentation() {
    }

    /**
     * Cuts the super-packet at {@code [offset, offset + length)} of {@code in} into segments
     * written back to back at {@code out}'s position, which advances past them.
     *
     * @param in the super-packet's buffer
     * @param offset absolute index of its IPv6 header
     * @param length its length
     * @param tcpOffset absolute index of its TCP header (after any extension headers)
     * @param gsoSize payload bytes per segment, positive
     * @param out where the segments go
     * @return the length of each segment but the last (the last may be shorter)
     * @throws MalformedPacketException if the headers do not describe a TCP packet of that
     *         length, or the segments do not fit in {@code out}
     */
    public static int segment(ByteBuffer in, int offset, int length, int tcpOffset, int gsoSize, ByteBuffer out)
            throws MalformedPacketException {
        int end = offset + length;
        int tcpHeader = tcpHeaderLength(in, offset, end, tcpOffset);
        if (gsoSize <= 0) {
            throw MalformedPacketException.at(in, offset, "segment size " + gsoSize + " is not positive");
        }
        int headers = tcpOffset + tcpHeader - offset;
        int payload = length - headers;
        int segments = Math.max(1, (payload + gsoSize - 1) / gsoSize);
        if ((long) segments * headers + payload > out.remaining()) {
            throw MalformedPacketException.at(in, offset, segments + " segments of " + gsoSize
                    + " bytes do not fit in " + out.remaining() + " bytes");
        }
        int sequence = in.getInt(tcpOffset + TCP_SEQUENCE);
        int flags = in.get(tcpOffset + TCP_FLAGS) & 0xff;
        int at = out.position();
        int from = offset + headers;
        for (int i = 0; i < segments; i++) {
            int size = Math.min(gsoSize, payload - i * gsoSize);
            size = Math.max(size, 0);
            out.put(at, in, offset, headers);
            out.put(at + headers, in, from, size);
            from += size;
            int tcp = at + tcpOffset - offset;
            out.putShort(at + 4, (short) (headers - IPV6_HEADER + size));
            out.putInt(tcp + TCP_SEQUENCE, sequence + i * gsoSize);
            int f = flags;
            if (i < segments - 1) {
                f &= ~(FIN | PSH);
            }
            if (i > 0) {
                f &= ~CWR;
            }
            out.put(tcp + TCP_FLAGS, (byte) f);
            out.putShort(tcp + TCP_CHECKSUM, (short) 0);
            int tcpLength = tcpHeader + size;
            long sum = InternetChecksum.add(0, out, at + 8, 32) + tcpLength + TCP_PROTOCOL;
            out.putShort(tcp + TCP_CHECKSUM, (short) nonZero(InternetChecksum.finish(
                    InternetChecksum.add(sum, out, tcp, tcpLength))));
            at += headers + size;
        }
        out.position(at);
        return headers + Math.min(gsoSize, payload);
    }

    /**
     * Completes a checksum the kernel left partial ({@link VirtioNetHeader#FLAG_NEEDS_CSUM}): the
     * field holds the pseudo-header sum; the sum from {@code checksumStart} to the end of the
     * packet, complemented, goes into it.
     *
     * @param b the packet's buffer
     * @param offset absolute index of the packet
     * @param end absolute index after the packet
     * @param checksumStart where the summed bytes start, from {@code offset}
     * @param checksumOffset where the field is, from {@code checksumStart}
     * @throws MalformedPacketException if the field is not inside the packet
     */
    public static void completeChecksum(ByteBuffer b, int offset, int end, int checksumStart, int checksumOffset)
            throws MalformedPacketException {
        int start = offset + checksumStart;
        int field = start + checksumOffset;
        if (field + 2 > end) {
            throw MalformedPacketException.at(b, offset, "checksum at " + checksumStart + "+" + checksumOffset
                    + " is outside the " + (end - offset) + "-byte packet");
        }
        b.putShort(field, (short) nonZero(InternetChecksum.finish(InternetChecksum.add(0, b, start, end - start))));
    }

    private static int tcpHeaderLength(ByteBuffer in, int offset, int end, int tcpOffset)
            throws MalformedPacketException {
        if (offset + IPV6_HEADER > end || (in.get(offset) & 0xf0) != 0x60) {
            throw MalformedPacketException.at(in, offset, "not an IPv6 packet");
        }
        if (tcpOffset < offset + IPV6_HEADER || tcpOffset + TCP_MIN_HEADER > end) {
            throw MalformedPacketException.at(in, offset, "TCP header at " + (tcpOffset - offset)
                    + " is outside the " + (end - offset) + "-byte packet");
        }
        int tcpHeader = ((in.get(tcpOffset + TCP_DATA_OFFSET) & 0xf0) >>> 4) * 4;
        if (tcpHeader < TCP_MIN_HEADER || tcpOffset + tcpHeader > end) {
            throw MalformedPacketException.at(in, tcpOffset + TCP_DATA_OFFSET, "TCP header length " + tcpHeader
                    + " does not fit");
        }
        return tcpHeader;
    }

    /** 0 and 0xffff are the same one's-complement value; 0 would mean "no checksum" to UDP. */
    private static int nonZero(int checksum) {
        return checksum == 0 ? 0xffff : checksum;
    }
}
