package io.anyhome.packet;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071) and the IPv6 and IPv4 pseudo-headers (RFC 8200 §8.1,
 * RFC 768) used by UDP, ICMPv6 and the Mobility Header (RFC 6275 §6.1.1).
 *
 * <p>Sums are accumulated as a non-negative {@code long} of 16-bit words and folded at the end,
 * so partial sums can be chained without allocation.
 */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    /**
     * Adds {@code length} bytes of {@code buf} starting at absolute index {@code offset} as 16-bit
     * big-endian words (an odd last byte is padded with zero) to {@code sum}.
     *
     * @param sum the running sum
     * @param buf the bytes
     * @param offset absolute index of the first byte
     * @param length number of bytes
     * @return the new running sum
     */
    public static long add(long sum, ByteBuffer buf, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (buf.order() == ByteOrder.BIG_ENDIAN) {
            // 32-bit words sum to the same one's-complement result as 16-bit words once folded
            // (2^16 = 1 mod 2^16 - 1); 65 535 bytes add at most 2^46, far from overflowing
            for (; i + 7 < end; i += 8) {
                long v = buf.getLong(i);
                sum += (v >>> 32) + (v & 0xffff_ffffL);
            }
        }
        for (; i + 1 < end; i += 2) {
            sum += buf.getShort(i) & 0xffff;
        }
        if (i < end) {
            sum += (buf.get(i) & 0xff) << 8;
        }
        return sum;
    }

    /**
     * Adds a byte array as 16-bit words (an address, for a pseudo-header).
     *
     * @param sum the running sum
     * @param bytes the bytes, of even length
     * @return the new running sum
     */
    public static long add(long sum, byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        return sum;
    }

    /**
     * Sum of the IPv6 pseudo-header (RFC 8200 §8.1).
     *
     * @param source source address; the home address when a Home Address option is present
     * @param destination destination address; the final destination when a routing header is
     *     present
     * @param upperLayerLength length of the upper-layer header and data
     * @param nextHeader the upper-layer protocol (17 UDP, 58 ICMPv6, 135 Mobility Header)
     * @return the running sum
     */
    public static long pseudoHeaderV6(byte[] source, byte[] destination, int upperLayerLength,
            int nextHeader) {
        long sum = add(add(0, source), destination);
        sum += (upperLayerLength >>> 16) & 0xffff;
        sum += upperLayerLength & 0xffff;
        sum += nextHeader & 0xff;
        return sum;
    }

    /**
     * Sum of the IPv6 pseudo-header from address objects.
     *
     * @param source source address
     * @param destination destination address
     * @param upperLayerLength length of the upper-layer header and data
     * @param nextHeader the upper-layer protocol
     * @return the running sum
     */
    public static long pseudoHeaderV6(Inet6Address source, Inet6Address destination,
            int upperLayerLength, int nextHeader) {
        return pseudoHeaderV6(source.getAddress(), destination.getAddress(), upperLayerLength,
                nextHeader);
    }

    /**
     * Sum of the IPv4 pseudo-header (RFC 768).
     *
     * @param source 4-byte source address
     * @param destination 4-byte destination address
     * @param protocol the protocol (17 UDP)
     * @param length the UDP length
     * @return the running sum
     */
    public static long pseudoHeaderV4(byte[] source, byte[] destination, int protocol, int length) {
        long sum = add(add(0, source), destination);
        sum += protocol & 0xff;
        sum += length & 0xffff;
        return sum;
    }

    /**
     * Folds a running sum into the one's-complement checksum field value.
     *
     * @param sum the running sum
     * @return the checksum to store (the complement of the folded sum)
     */
    public static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
