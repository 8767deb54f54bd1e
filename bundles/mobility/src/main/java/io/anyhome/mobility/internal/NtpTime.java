package io.anyhome.mobility.internal;

/**
 * The RFC 4285 §6 replay protection timestamp: NTP format, seconds since 1900-01-01 in the upper
 * 32 bits and the fraction of a second in the lower 32. The seconds wrap in 2036; as RFC 4330
 * §3 says, a value with its top bit clear is read as after the wrap, so 1968 to 2104 work.
 */
final class NtpTime {
    /** Seconds from 1900-01-01 to 1970-01-01. */
    static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /** @return the NTP timestamp of an epoch-millisecond time */
    static long fromEpochMillis(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000) + EPOCH_OFFSET_SECONDS;
        long fraction = ((long) Math.floorMod(epochMillis, 1000) << 32) / 1000;
        return ((seconds & 0xffff_ffffL) << 32) | fraction;
    }

    /** @return the epoch-millisecond time of an NTP timestamp */
    static long toEpochMillis(long ntp) {
        long seconds = ntp >>> 32;
        if ((seconds & 0x8000_0000L) == 0) {
            seconds += 1L << 32; // RFC 4330 §3: with the top bit clear the time is in era 1 (from 2036-02-07)
        }
        seconds -= EPOCH_OFFSET_SECONDS;
        long millis = ((ntp & 0xffff_ffffL) * 1000) >>> 32;
        return seconds * 1000 + millis;
    }
}
