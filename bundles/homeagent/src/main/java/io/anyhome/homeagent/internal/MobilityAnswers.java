package io.anyhome.homeagent.internal;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * Writes the home agent's answers (Binding Acknowledgement, Binding Error, Heartbeat response) as
 * inner IPv6 packets (next header 135, hop limit 64) ready to be sent over UDP. Stateless.
 */
final class MobilityAnswers {
    static final int HOP_LIMIT = 64;

    private MobilityAnswers() {
    }

    /**
     * Writes one packet from {@code answer.clear()} and flips the buffer.
     *
     * @param answer the destination
     * @param source the inner source (the home agent)
     * @param destination the inner destination (the home address)
     * @param message the message; when {@code key} is given its last option is a Mobility
     *     Message Authentication with a placeholder authenticator of the key's length
     * @param key the security association to sign with, or null for an unsigned message
     * @param careOf the care-of address the authenticator covers (ignored without key)
     * @return the packet length
     */
    static int write(ByteBuffer answer, Inet6Address source, Inet6Address destination, MobilityMessage message,
            NodeKey key, Inet6Address careOf) {
        answer.clear();
        int mh = Ipv6Header.LENGTH;
        answer.position(mh);
        int length = MobilityHeader.encodeWithoutChecksum(message, answer);
        if (key != null) {
            try {
                MobilityMessageAuthenticator.sign(answer, mh, careOf, destination, key.algorithm(), key.key(),
                        source, destination);
            } catch (MalformedPacketException e) {
                throw new IllegalStateException("an acknowledgement we encoded does not decode", e);
            }
        } else {
            MobilityHeader.writeChecksum(answer, mh, source, destination);
        }
        answer.position(0);
        Ipv6Header.encode(answer, 0, 0, length, MobilityHeader.NEXT_HEADER, HOP_LIMIT, source.getAddress(),
                destination.getAddress());
        answer.position(0).limit(mh + length);
        return mh + length;
    }
}
