package io.anyhome.packet.icmp6;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.Bounds;
import io.anyhome.packet.ip.IpProtocol;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import io.anyhome.packet.ip.UpperLayerChecksum;
import java.nio.ByteBuffer;

/**
 * Decodes any ICMPv6 message into its {@link Icmpv6Message} record and encodes one with its
 * checksum over the IPv6 pseudo-header (next header 58, RFC 4443 §2.3), for the RA watch, the
 * home agent's proxy ND and path probes.
 *
 * <p>The decoder does not check the checksum (it has no addresses); ask
 * {@link #isChecksumValid(Ipv6HeaderChain)} with the walked packet, which applies the home
 * address rule of RFC 6275 §6.1.1. Neighbor Discovery messages with a Code other than 0 are
 * malformed (RFC 4861 §6.1, §7.1.1).
 */
public final class Icmpv6 {
    /** Length of Type, Code and Checksum. */
    public static final int HEADER_LENGTH = 4;
    /** Offset of Type. */
    public static final int OFFSET_TYPE = 0;
    /** Offset of Code. */
    public static final int OFFSET_CODE = 1;
    /** Offset of Checksum. */
    public static final int OFFSET_CHECKSUM = 2;

    private Icmpv6() {
    }

    /**
     * Decodes the ICMPv6 message occupying {@code [offset, offset + length)}.
     *
     * @param buffer the packet
     * @param offset absolute index of the ICMPv6 header
     * @param length the message's length (the upper-layer length of the IPv6 packet)
     * @return the message; {@link UnknownIcmpv6Message} for a type without a record
     * @throws MalformedPacketException if the message is shorter than its type needs, an ND
     *     message has a non-zero Code, or an ND option is malformed
     */
    public static Icmpv6Message decode(ByteBuffer buffer, int offset, int length)
            throws MalformedPacketException {
        Bounds.requireRange(buffer, offset, length, "ICMPv6 message");
        int end = offset + length;
        Bounds.requireAvailable(buffer, offset, end, HEADER_LENGTH, "ICMPv6 header");
        int type = buffer.get(offset + OFFSET_TYPE) & 0xff;
        int code = buffer.get(offset + OFFSET_CODE) & 0xff;
        Icmpv6Type kind = Icmpv6Type.of(type);
        switch (kind) {
            case ROUTER_SOLICITATION, ROUTER_ADVERTISEMENT, NEIGHBOR_SOLICITATION,
                    NEIGHBOR_ADVERTISEMENT -> {
                if (code != 0) {
                    throw MalformedPacketException.at(buffer, offset + OFFSET_CODE,
                            "Code " + code + " of ICMPv6 type " + type + " is not 0 (RFC 4861)");
                }
            }
            default -> {
            }
        }
        return switch (kind) {
            case ROUTER_SOLICITATION -> RouterSolicitation.decode(buffer, offset, end);
            case ROUTER_ADVERTISEMENT -> RouterAdvertisement.decode(buffer, offset, end);
            case NEIGHBOR_SOLICITATION -> NeighborSolicitation.decode(buffer, offset, end);
            case NEIGHBOR_ADVERTISEMENT -> NeighborAdvertisement.decode(buffer, offset, end);
            case DESTINATION_UNREACHABLE -> DestinationUnreachable.decode(buffer, offset, end);
            case PACKET_TOO_BIG -> PacketTooBig.decode(buffer, offset, end);
            case PARAMETER_PROBLEM -> ParameterProblem.decode(buffer, offset, end);
            case ECHO_REQUEST, ECHO_REPLY -> Echo.decode(buffer, offset, end);
            default -> new UnknownIcmpv6Message(type, code,
                    bytes(buffer, offset + HEADER_LENGTH, end));
        };
    }

    /**
     * Writes the message at the buffer's position with its checksum and advances the position
     * past it.
     *
     * @param out the buffer
     * @param message the message
     * @param source pseudo-header source: the IPv6 source, or the home address when the packet
     *     carries a Home Address option
     * @param destination pseudo-header destination: the final destination
     * @return the number of bytes written
     */
    public static int encode(ByteBuffer out, Icmpv6Message message, byte[] source,
            byte[] destination) {
        int start = out.position();
        int length = encodeWithoutChecksum(out, message);
        int checksum = UpperLayerChecksum.ipv6(out, start, length, source, destination,
                IpProtocol.ICMPV6.number());
        out.putShort(start + OFFSET_CHECKSUM, (short) checksum);
        return length;
    }

    /**
     * Writes the message with a zero checksum at the buffer's position and advances the position
     * past it; {@link #fillChecksum(Ipv6HeaderChain)} completes it once the packet is built.
     *
     * @param out the buffer
     * @param message the message
     * @return the number of bytes written
     */
    public static int encodeWithoutChecksum(ByteBuffer out, Icmpv6Message message) {
        out.put((byte) message.type()).put((byte) message.code()).putShort((short) 0);
        message.encodeBody(out);
        return HEADER_LENGTH + message.bodyLength();
    }

    /**
     * Stores the right checksum of the ICMPv6 message a header chain walk found, in place.
     *
     * @param chain a chain that walked to an ICMPv6 message
     */
    public static void fillChecksum(Ipv6HeaderChain chain) {
        int at = chain.upperLayerOffset() + OFFSET_CHECKSUM;
        chain.buffer().putShort(at, (short) 0);
        chain.buffer().putShort(at, (short) UpperLayerChecksum.ipv6(chain));
    }

    /**
     * @param chain a chain that walked to an ICMPv6 message
     * @return whether its checksum is right
     */
    public static boolean isChecksumValid(Ipv6HeaderChain chain) {
        return chain.upperLayerLength() >= HEADER_LENGTH && UpperLayerChecksum.ipv6(chain) == 0;
    }

    static void requireLength(ByteBuffer buffer, int offset, int end, int needed, String what)
            throws MalformedPacketException {
        if (end - offset < needed) {
            throw MalformedPacketException.at(buffer, offset, what + " of " + (end - offset)
                    + " bytes is shorter than its minimum " + needed);
        }
    }

    static byte[] bytes(ByteBuffer buffer, int from, int end) {
        byte[] bytes = new byte[end - from];
        buffer.get(from, bytes);
        return bytes;
    }
}
