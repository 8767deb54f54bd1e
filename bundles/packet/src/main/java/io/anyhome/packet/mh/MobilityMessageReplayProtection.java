package io.anyhome.packet.mh;

/**
 * Mobility Message Replay Protection option (RFC 4285 §6, type 10, length 8, alignment 8n+2): a
 * 64-bit timestamp (NTP format, RFC 1305) the home agent checks against its clock.
 *
 * @param timestamp the Timestamp field, as its 64 bits
 */
public record MobilityMessageReplayProtection(long timestamp) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 10;
    static final int LENGTH = 8;
    static final Alignment ALIGNMENT = new Alignment(8, 2);

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int dataLength() {
        return LENGTH;
    }

    @Override
    public Alignment alignment() {
        return ALIGNMENT;
    }
}
