package io.anyhome.mobility.internal;

/**
 * The RFC 4285 §6 replay protection timestamp: NTP format, seconds since 1900-01-01 in the upper
 * 32 bits and the fraction of a second in the lower 32.
 */
final class NtpTime {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /** @return the NTP timestamp of an epoch-millisecond time */
    static long fromEpochMillis(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000) + EPOCH_OFFSET_SECONDS;
        long fraction = (Math.floorMod(epochMillis, 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /** @return the epoch-millisecond time of an NTP timestamp */
    static long toEpochMillis(long ntp) {
        long seconds = (ntp >>> 32) - EPOCH_OFFSET_SECONDS;
        long millis = ((ntp & 0xffff_ffffL) * 1000) >>> 32;
        return seconds * 1000 + millis;
    }
}
