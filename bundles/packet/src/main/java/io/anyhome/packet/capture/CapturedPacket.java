package io.anyhome.packet.capture;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * One frame of a capture file and where its IP packet starts.
 *
 * @param number frame number, from 1, as Wireshark counts
 * @param timestampNanos capture time in nanoseconds since the epoch
 * @param linkType the LINKTYPE_ value of the frame's interface
 * @param frame the captured bytes of the whole frame
 * @param ipOffset offset of the IP header in {@code frame}, or -1 if the frame holds no IP packet
 * @param note why there is no IP packet (empty when there is one)
 */
public record CapturedPacket(int number, long timestampNanos, int linkType, byte[] frame,
        int ipOffset, String note) {

    /** @return the IP packet (from its version nibble on) as a read-only buffer, if the frame holds one */
    public Optional<ByteBuffer> ip() {
        if (ipOffset < 0) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(frame, ipOffset, frame.length - ipOffset).slice()
                .asReadOnlyBuffer());
    }
}
