package io.anyhome.ifs.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The monthly accounting period of the usage counters that cost policies read: it starts on a
 * configured day of the month at 00:00 UTC (days 1..28 exist in every month). Used by
 * {@link UsageMeter}, which starts its totals again when the period rolls over.
 */
final class AccountingPeriod {
    private final int day;
    private long start;
    private long end;

    /**
     * @param day the day of the month the period starts, 1..28
     * @param now the time, epoch milliseconds
     */
    AccountingPeriod(int day, long now) {
        this.day = day;
        this.start = startOfPeriodContaining(now);
        this.end = endOfPeriodContaining(now);
    }

    /**
     * @param now the time, epoch milliseconds
     * @return true once per period boundary passed since the last call
     */
    boolean rolledOver(long now) {
        if (now < end) {
            return false;
        }
        start = startOfPeriodContaining(now);
        end = endOfPeriodContaining(now);
        return true;
    }

    /** @return when the current period started, epoch milliseconds */
    long start() {
        return start;
    }

    long startOfPeriodContaining(long now) {
        ZonedDateTime t = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
        ZonedDateTime s = t.withDayOfMonth(day).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        if (s.isAfter(t)) {
            s = s.minusMonths(1);
        }
        return s.toInstant().toEpochMilli();
    }

    long endOfPeriodContaining(long now) {
        return Instant.ofEpochMilli(startOfPeriodContaining(now)).atZone(ZoneOffset.UTC).plusMonths(1).toInstant()
                .toEpochMilli();
    }
}
