package io.anyhome.homeagent.internal;

/**
 * The RFC 4285 §6 timestamp: NTP format, seconds since 1900-01-01 in the upper 32 bits and the
 * fraction of a second in the lower 32, as the Mobility Message Replay Protection option carries it.
 */
final class NtpTime {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /**
     * @param epochMillis a time, epoch milliseconds
     * @return the timestamp
     */
    static long fromEpochMillis(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000) + EPOCH_OFFSET_SECONDS;
        long fraction = (Math.floorMod(epochMillis, 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /**
     * @param timestamp a timestamp
     * @return the time, epoch milliseconds
     */
    static long toEpochMillis(long timestamp) {
        long seconds = (timestamp >>> 32) - EPOCH_OFFSET_SECONDS;
        long fraction = timestamp & 0xffff_ffffL;
        return seconds * 1000 + (fraction * 1000 >>> 32);
    }
}
