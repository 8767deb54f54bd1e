package io.anyhome.mobility.internal;

/**
 * Time and delayed tasks for the mobility machines, so that they run on a real scheduler in the
 * node and on a manual clock in tests. Implemented by {@link ScheduledTimers} and by the tests.
 */
interface Timers {
    /** @return monotonic milliseconds (only differences matter) */
    long millis();

    /** @return monotonic nanoseconds, for round-trip times */
    long nanos();

    /** @return wall-clock epoch milliseconds, for DTOs and RFC 4285 timestamps */
    long epochMillis();

    /**
     * Runs a task once after a delay.
     *
     * @param delayMillis how long from now, not negative
     * @param task what to run
     * @return a handle to cancel it
     */
    Cancellable schedule(long delayMillis, Runnable task);

    /** A scheduled task that can be cancelled; cancelling a task that ran does nothing. */
    interface Cancellable {
        /** Cancels the task if it has not run. */
        void cancel();
    }
}
