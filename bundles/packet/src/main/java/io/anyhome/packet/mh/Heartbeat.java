package io.anyhome.packet.mh;

import java.util.List;

/**
 * Heartbeat (RFC 5847 §5.1, MH type 13): a liveness probe between a mobile node and its home
 * agent, answered with the same sequence number and the R flag set. Message data: Reserved (8),
 * Reserved (6) · U (unsolicited) · R (response), Sequence Number (32), options.
 *
 * @param unsolicited the U flag: sent without being asked (not a request that needs a response)
 * @param response the R flag: an answer to a request
 * @param sequence the sequence number, 0..2^32-1
 * @param options the mobility options
 */
public record Heartbeat(boolean unsolicited, boolean response, long sequence, List<MobilityOption> options)
        implements MobilityMessage {
    /** The U flag in the second byte of the message data. */
    public static final int FLAG_UNSOLICITED = 0x02;
    /** The R flag in the second byte of the message data. */
    public static final int FLAG_RESPONSE = 0x01;

    /** Validates the sequence number and copies the options. */
    public Heartbeat {
        if (sequence < 0 || sequence > 0xffff_ffffL) {
            throw new IllegalArgumentException("Sequence Number " + sequence + " is outside 0..2^32-1");
        }
        options = List.copyOf(options);
    }

    /**
     * @param sequence the sequence number
     * @return a request expecting a response
     */
    public static Heartbeat request(long sequence) {
        return new Heartbeat(false, false, sequence, List.of());
    }

    /** @return the response to this request: same sequence number, R set */
    public Heartbeat answer() {
        return new Heartbeat(false, true, sequence, List.of());
    }

    @Override
    public int type() {
        return MobilityHeaderType.HEARTBEAT;
    }
}
