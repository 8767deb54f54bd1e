package io.anyhome.packet.ip;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * Walks an IPv6 packet's Next Header chain from the fixed header to the upper layer, in place
 * and without allocating; reusable, one instance per thread.
 *
 * <p>After {@link #walk} it reports the upper-layer protocol, offset and length, the Home
 * Address option and type 2 routing header addresses it passed, and the addresses the upper
 * layer's pseudo-header takes (RFC 6275 §6.1.1, RFC 8200 §8.1): the source is the home address
 * when a Home Address option is present; the destination is the routing header's home address
 * while its Segments Left is 1 (as sent), else the IPv6 destination (as received after
 * processing).
 *
 * <p>It passes Hop-by-Hop (first only), Destination Options, Routing (type 2 checked, other
 * types skipped by length), Fragment and AH headers. It stops at any other Next Header, which it
 * reports as the upper layer (ESP and No Next Header included), and at a Fragment header with a
 * non-zero offset, whose data it reports as the upper layer with {@link #isFragment()}. At most
 * {@link #MAX_EXTENSION_HEADERS} extension headers are passed; a longer chain is malformed.
 */
public final class Ipv6HeaderChain {
    /** Hard bound on the number of extension headers walked. */
    public static final int MAX_EXTENSION_HEADERS = 16;

    private final Ipv6Header ipv6 = new Ipv6Header();
    private ByteBuffer buffer;
    private int upperLayerProtocol;
    private int upperLayerOffset;
    private int extensionHeaders;
    private int homeAddressOffset;
    private int routingHeaderAddressOffset;
    private int routingHeaderSegmentsLeft;
    private int fragmentHeaderOffset;

    /**
     * Walks the packet whose IPv6 header is at {@code offset}.
     *
     * @param buffer the packet
     * @param offset absolute index of the IPv6 header
     * @return this chain, holding the results
     * @throws MalformedPacketException if the IPv6 header or an extension header is malformed,
     *     or there are more than {@link #MAX_EXTENSION_HEADERS} extension headers
     */
    public Ipv6HeaderChain walk(ByteBuffer buffer, int offset) throws MalformedPacketException {
        ipv6.wrap(buffer, offset);
        this.buffer = buffer;
        homeAddressOffset = -1;
        routingHeaderAddressOffset = -1;
        routingHeaderSegmentsLeft = 0;
        fragmentHeaderOffset = -1;
        extensionHeaders = 0;
        int end = ipv6.end();
        int next = ipv6.nextHeader();
        int p = offset + Ipv6Header.LENGTH;
        while (isExtensionHeader(next)) {
            if (extensionHeaders == MAX_EXTENSION_HEADERS) {
                throw MalformedPacketException.at(buffer, p, "more than " + MAX_EXTENSION_HEADERS
                        + " extension headers");
            }
            int length = extensionHeaderLength(next, p, end);
            int following = buffer.get(p) & 0xff;
            boolean laterFragment = next == IpProtocol.FRAGMENT.number()
                    && (buffer.getShort(p + FragmentHeader.OFFSET_FRAGMENT_OFFSET) & 0xfff8) != 0;
            extensionHeaders++;
            p += length;
            next = following;
            if (laterFragment) {
                break;
            }
        }
        upperLayerProtocol = next;
        upperLayerOffset = p;
        return this;
    }

    private static boolean isExtensionHeader(int next) {
        return next == IpProtocol.HOP_BY_HOP.number() || next == IpProtocol.DESTINATION_OPTIONS.number()
                || next == IpProtocol.ROUTING.number() || next == IpProtocol.FRAGMENT.number()
                || next == IpProtocol.AH.number();
    }

    /** Validates the extension header {@code type} at {@code p}, records what it carries. */
    private int extensionHeaderLength(int type, int p, int end) throws MalformedPacketException {
        if (end - p < 8) {
            // the message is built only on failure: walk runs per packet and allocates nothing
            Bounds.requireAvailable(buffer, p, end, 8, "extension header " + type);
        }
        if (type == IpProtocol.HOP_BY_HOP.number()) {
            if (extensionHeaders != 0) {
                throw MalformedPacketException.at(buffer, p,
                        "Hop-by-Hop Options header not right after the IPv6 header");
            }
            OptionsHeader.homeAddressOffset(buffer, p, end);
            return OptionsHeader.headerLength(buffer, p, end);
        }
        if (type == IpProtocol.DESTINATION_OPTIONS.number()) {
            int found = OptionsHeader.homeAddressOffset(buffer, p, end);
            if (found >= 0) {
                if (homeAddressOffset >= 0) {
                    throw MalformedPacketException.at(buffer, found - 2,
                            "second Home Address option (RFC 6275 §6.3 allows one)");
                }
                homeAddressOffset = found;
            }
            return OptionsHeader.headerLength(buffer, p, end);
        }
        if (type == IpProtocol.ROUTING.number()) {
            int routingType = buffer.get(p + RoutingHeaderType2.OFFSET_ROUTING_TYPE) & 0xff;
            if (routingType == RoutingHeaderType2.ROUTING_TYPE) {
                RoutingHeaderType2.check(buffer, p, end);
                if (routingHeaderAddressOffset >= 0) {
                    throw MalformedPacketException.at(buffer, p, "second type 2 routing header");
                }
                routingHeaderAddressOffset = p + RoutingHeaderType2.OFFSET_HOME_ADDRESS;
                routingHeaderSegmentsLeft = buffer.get(p + RoutingHeaderType2.OFFSET_SEGMENTS_LEFT);
                return RoutingHeaderType2.LENGTH;
            }
            return OptionsHeader.headerLength(buffer, p, end);
        }
        if (type == IpProtocol.FRAGMENT.number()) {
            fragmentHeaderOffset = p;
            return FragmentHeader.LENGTH;
        }
        int length = 4 * ((buffer.get(p + 1) & 0xff) + 2);
        if (length > end - p) {
            throw MalformedPacketException.at(buffer, p + 1, "AH Payload Len " + (length / 4 - 2)
                    + " (" + length + " bytes) exceeds the " + (end - p) + " bytes left");
        }
        return length;
    }

    /** @return the IPv6 header view of the packet walked */
    public Ipv6Header ipv6() {
        return ipv6;
    }

    /** @return the buffer walked */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** @return the upper-layer protocol (the last Next Header value) */
    public int upperLayerProtocol() {
        return upperLayerProtocol;
    }

    /** @return absolute index of the upper-layer header */
    public int upperLayerOffset() {
        return upperLayerOffset;
    }

    /** @return bytes from the upper-layer header to the end of the IPv6 payload */
    public int upperLayerLength() {
        return ipv6.end() - upperLayerOffset;
    }

    /** @return the number of extension headers passed */
    public int extensionHeaderCount() {
        return extensionHeaders;
    }

    /** @return absolute index of the Home Address option's address, or -1 if there is none */
    public int homeAddressOffset() {
        return homeAddressOffset;
    }

    /** @return absolute index of the type 2 routing header's address, or -1 if there is none */
    public int routingHeaderAddressOffset() {
        return routingHeaderAddressOffset;
    }

    /** @return Segments Left of the type 2 routing header (0 if there is none) */
    public int routingHeaderSegmentsLeft() {
        return routingHeaderSegmentsLeft;
    }

    /** @return absolute index of the Fragment header, or -1 if there is none */
    public int fragmentHeaderOffset() {
        return fragmentHeaderOffset;
    }

    /**
     * @return whether the packet is a fragment (a Fragment header with a non-zero offset or the M
     *     flag): the upper layer is incomplete and its checksum cannot be checked
     */
    public boolean isFragment() {
        return fragmentHeaderOffset >= 0
                && (buffer.getShort(fragmentHeaderOffset + FragmentHeader.OFFSET_FRAGMENT_OFFSET)
                        & 0xfff9) != 0;
    }

    /** @return absolute index of the pseudo-header source: the home address, else the source */
    public int pseudoHeaderSourceOffset() {
        return homeAddressOffset >= 0 ? homeAddressOffset : ipv6.sourceOffset();
    }

    /**
     * @return absolute index of the pseudo-header destination: the routing header's home address
     *     while Segments Left is 1, else the IPv6 destination
     */
    public int pseudoHeaderDestinationOffset() {
        return routingHeaderAddressOffset >= 0 && routingHeaderSegmentsLeft > 0
                ? routingHeaderAddressOffset : ipv6.destinationOffset();
    }
}
