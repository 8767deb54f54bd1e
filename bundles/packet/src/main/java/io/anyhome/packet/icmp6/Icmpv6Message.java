package io.anyhome.packet.icmp6;

import java.nio.ByteBuffer;

/**
 * An ICMPv6 message (RFC 4443 §2.1): one record per message kind, each with the RFC layout in
 * its javadoc. {@link Icmpv6} decodes any message and encodes one with its checksum.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Message Body                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public sealed interface Icmpv6Message permits RouterSolicitation, RouterAdvertisement,
        NeighborSolicitation, NeighborAdvertisement, DestinationUnreachable, PacketTooBig,
        ParameterProblem, Echo, UnknownIcmpv6Message {
    /** @return the Type field */
    int type();

    /** @return the Code field */
    int code();

    /** @return the length of the message body, after Type, Code and Checksum */
    int bodyLength();

    /**
     * Writes the message body (after the checksum field) at the buffer's position and advances
     * the position past it.
     *
     * @param out the buffer
     */
    void encodeBody(ByteBuffer out);
}
