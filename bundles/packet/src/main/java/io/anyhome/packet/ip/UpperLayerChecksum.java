package io.anyhome.packet.ip;

import io.anyhome.packet.InternetChecksum;
import java.nio.ByteBuffer;

/**
 * Upper-layer checksums (UDP, ICMPv6, Mobility Header) over the IPv6 pseudo-header
 * (RFC 8200 §8.1) or the IPv4 pseudo-header (RFC 768).
 *
 * <p>Every method returns the Internet checksum of the pseudo-header and the upper-layer bytes
 * <em>as they are stored</em>: 0 when the stored checksum field is right, and, when the field
 * holds zero, the value to store there. With an {@link Ipv6HeaderChain} the pseudo-header takes
 * the addresses of RFC 6275 §6.1.1 (the home address of a Home Address option, the final
 * destination of a type 2 routing header) straight from the buffer, without allocating.
 */
public final class UpperLayerChecksum {
    private UpperLayerChecksum() {
    }

    /**
     * Checksum of the upper layer a header chain walk found, with the pseudo-header addresses it
     * chose ({@link Ipv6HeaderChain#pseudoHeaderSourceOffset()},
     * {@link Ipv6HeaderChain#pseudoHeaderDestinationOffset()}).
     *
     * @param chain a chain that has walked a packet
     * @return 0 if the stored checksum is right; else the folded complement
     */
    public static int ipv6(Ipv6HeaderChain chain) {
        ByteBuffer buffer = chain.buffer();
        int length = chain.upperLayerLength();
        long sum = InternetChecksum.add(0, buffer, chain.pseudoHeaderSourceOffset(), 16);
        sum = InternetChecksum.add(sum, buffer, chain.pseudoHeaderDestinationOffset(), 16);
        sum += length + chain.upperLayerProtocol();
        sum = InternetChecksum.add(sum, buffer, chain.upperLayerOffset(), length);
        return InternetChecksum.finish(sum);
    }

    /**
     * Checksum of {@code length} bytes at {@code offset} with an IPv6 pseudo-header of the given
     * addresses.
     *
     * @param buffer the bytes
     * @param offset absolute index of the upper-layer header
     * @param length upper-layer length
     * @param source pseudo-header source (the home address when a Home Address option is sent)
     * @param destination pseudo-header destination (the final destination)
     * @param nextHeader the upper-layer protocol
     * @return 0 if the stored checksum is right; else the folded complement
     */
    public static int ipv6(ByteBuffer buffer, int offset, int length, byte[] source,
            byte[] destination, int nextHeader) {
        long sum = InternetChecksum.pseudoHeaderV6(source, destination, length, nextHeader);
        return InternetChecksum.finish(InternetChecksum.add(sum, buffer, offset, length));
    }

    /**
     * Checksum of the payload of an IPv4 packet with its pseudo-header (RFC 768).
     *
     * @param header a wrapped IPv4 header
     * @param buffer the buffer the header was wrapped on
     * @return 0 if the stored checksum is right; else the folded complement
     */
    public static int ipv4(Ipv4Header header, ByteBuffer buffer) {
        int length = header.end() - header.payloadOffset();
        long sum = InternetChecksum.add(0, buffer, header.sourceOffset(), 8);
        sum += header.protocol() + length;
        return InternetChecksum.finish(InternetChecksum.add(sum, buffer, header.payloadOffset(), length));
    }

    /**
     * Checksum of {@code length} bytes at {@code offset} with an IPv4 pseudo-header.
     *
     * @param buffer the bytes
     * @param offset absolute index of the upper-layer header
     * @param length upper-layer length
     * @param source 4-byte source address
     * @param destination 4-byte destination address
     * @param protocol the protocol (17 for UDP)
     * @return 0 if the stored checksum is right; else the folded complement
     */
    public static int ipv4(ByteBuffer buffer, int offset, int length, byte[] source,
            byte[] destination, int protocol) {
        long sum = InternetChecksum.pseudoHeaderV4(source, destination, protocol, length);
        return InternetChecksum.finish(InternetChecksum.add(sum, buffer, offset, length));
    }
}
