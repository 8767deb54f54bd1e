package io.anyhome.ifs.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The monthly accounting period of the usage counters that cost policies read: it starts on a
 * configured day of the month at 00:00 UTC (days 1..28 exist in every month).
 */
final class AccountingPeriod {
    private final int day;
    private long end;

    /**
     * @param day the day of the month the period starts, 1..28
     * @param now the time, epoch milliseconds
     */
    AccountingPeriod(int day, long now) {
        this.day = day;
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
        end = endOfPeriodContaining(now);
        return true;
    }

    long endOfPeriodContaining(long now) {
        ZonedDateTime t = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
        ZonedDateTime start = t.withDayOfMonth(day).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        if (start.isAfter(t)) {
            start = start.minusMonths(1);
        }
        return start.plusMonths(1).toInstant().toEpochMilli();
    }
}
