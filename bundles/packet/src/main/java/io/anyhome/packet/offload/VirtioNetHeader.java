package io.anyhome.packet.offload;

import java.nio.ByteBuffer;

/**
 * The virtio-net header ({@code struct virtio_net_hdr}, 10 bytes) in front of every packet read
 * from or written to a TUN device opened with {@code IFF_VNET_HDR}: whether the checksum is still
 * to be completed, and whether the packet is a segmentation-offload super-packet with its segment
 * size. Fields are little-endian (virtio 1.0, and the TUN default on little-endian hosts). Static
 * accessors on a buffer at an absolute offset; nothing allocates.
 */
public final class VirtioNetHeader {
    /** Length of the header: flags, gso_type, hdr_len, gso_size, csum_start, csum_offset. */
    public static final int LENGTH = 10;
    /** Flag: the checksum at checksumStart + checksumOffset still holds the pseudo-header sum only. */
    public static final int FLAG_NEEDS_CSUM = 1;
    /** Flag: the checksum is known good (written packets: the kernel need not verify it). */
    public static final int FLAG_DATA_VALID = 2;
    /** No segmentation: one packet. */
    public static final int GSO_NONE = 0;
    /** TCP over IPv4 segmentation. */
    public static final int GSO_TCPV4 = 1;
    /** TCP over IPv6 segmentation. */
    public static final int GSO_TCPV6 = 4;
    /** UDP segmentation ({@code UDP_SEGMENT}, "USO"). */
    public static final int GSO_UDP_L4 = 5;
    /** Bit or-ed into the gso type when the segments carry ECN (CWR on the first only). */
    public static final int GSO_ECN = 0x80;

    private static final int FLAGS = 0;
    private static final int GSO_TYPE = 1;
    private static final int HEADER_LENGTH = 2;
    private static final int GSO_SIZE = 4;
    private static final int CSUM_START = 6;
    private static final int CSUM_OFFSET = 8;

    private VirtioNetHeader() {
    }

    /** @return the flags byte of the header at {@code at} */
    public static int flags(ByteBuffer b, int at) {
        return b.get(at + FLAGS) & 0xff;
    }

    /** @return the gso type of the header at {@code at}, ECN bit included */
    public static int gsoType(ByteBuffer b, int at) {
        return b.get(at + GSO_TYPE) & 0xff;
    }

    /** @return the length of the headers the kernel reports (a hint: the linear part it had) */
    public static int headerLength(ByteBuffer b, int at) {
        return u16(b, at + HEADER_LENGTH);
    }

    /** @return the segment size: payload bytes per segment, 0 without segmentation */
    public static int gsoSize(ByteBuffer b, int at) {
        return u16(b, at + GSO_SIZE);
    }

    /** @return where the checksummed bytes start, from the start of the packet */
    public static int checksumStart(ByteBuffer b, int at) {
        return u16(b, at + CSUM_START);
    }

    /** @return where the checksum field is, from {@link #checksumStart} */
    public static int checksumOffset(ByteBuffer b, int at) {
        return u16(b, at + CSUM_OFFSET);
    }

    /**
     * Writes a header for one complete packet (no segmentation, checksum in place).
     *
     * @param b the buffer
     * @param at absolute index of the header
     */
    public static void writePlain(ByteBuffer b, int at) {
        for (int i = 0; i < LENGTH; i++) {
            b.put(at + i, (byte) 0);
        }
    }

    /**
     * Writes a header for a TCP-over-IPv6 super-packet the kernel is to segment or take whole
     * (its checksum field holding the pseudo-header sum).
     *
     * @param b the buffer
     * @param at absolute index of the header
     * @param headerLength length of the IPv6 and TCP headers
     * @param gsoSize payload bytes per segment
     * @param tcpOffset offset of the TCP header from the start of the packet
     */
    public static void writeTcpv6(ByteBuffer b, int at, int headerLength, int gsoSize, int tcpOffset) {
        b.put(at + FLAGS, (byte) FLAG_NEEDS_CSUM);
        b.put(at + GSO_TYPE, (byte) GSO_TCPV6);
        putU16(b, at + HEADER_LENGTH, headerLength);
        putU16(b, at + GSO_SIZE, gsoSize);
        putU16(b, at + CSUM_START, tcpOffset);
        putU16(b, at + CSUM_OFFSET, 16);
    }

    private static int u16(ByteBuffer b, int at) {
        return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8;
    }

    private static void putU16(ByteBuffer b, int at, int v) {
        b.put(at, (byte) v);
        b.put(at + 1, (byte) (v >>> 8));
    }
}
