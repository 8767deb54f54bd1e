package io.anyhome.packet;

/**
 * Binding Update sequence numbers and lifetimes (RFC 6275 §6.1.7, §9.5.1).
 */
public final class SequenceNumbers {
    /** Lifetimes in the Mobility Header count units of this many seconds. */
    public static final int LIFETIME_UNIT_SECONDS = 4;
    /** Largest lifetime field value. */
    public static final int MAX_LIFETIME_UNITS = 0xffff;

    private SequenceNumbers() {
    }

    /**
     * Whether {@code received} is newer than {@code last}, comparing modulo 2^16 as RFC 6275
     * §9.5.1 requires: a number is newer if it lies within the 32768 values after {@code last}.
     *
     * @param received the sequence number just received (0..65535)
     * @param last the last accepted sequence number (0..65535)
     * @return true if received is greater than last modulo 2^16
     */
    public static boolean isNewer(int received, int last) {
        return (short) ((received - last) & 0xffff) > 0;
    }

    /**
     * The next sequence number after {@code n}, wrapping at 2^16.
     *
     * @param n a sequence number
     * @return n + 1 modulo 2^16
     */
    public static int next(int n) {
        return (n + 1) & 0xffff;
    }

    /**
     * Converts a lifetime in seconds to 4-second units, rounding down and saturating at the
     * field's maximum (65535 units = 262140 s).
     *
     * @param seconds non-negative lifetime in seconds
     * @return the field value
     */
    public static int lifetimeUnits(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative lifetime " + seconds + " s");
        }
        return (int) Math.min(MAX_LIFETIME_UNITS, seconds / LIFETIME_UNIT_SECONDS);
    }

    /**
     * Converts a lifetime field value in 4-second units to seconds.
     *
     * @param units the field value (0..65535)
     * @return the lifetime in seconds
     */
    public static long lifetimeSeconds(int units) {
        return (units & 0xffffL) * LIFETIME_UNIT_SECONDS;
    }
}
