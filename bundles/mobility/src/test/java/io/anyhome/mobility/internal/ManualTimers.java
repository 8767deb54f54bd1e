package io.anyhome.mobility.internal;

import java.util.PriorityQueue;

/** {@link Timers} on a clock that moves only when a test advances it; due tasks run in order. */
final class ManualTimers implements Timers {
    private record Task(long due, long order, Runnable run, boolean[] cancelled) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(order, o.order);
        }
    }

    static final long EPOCH_AT_ZERO = 1_795_680_000_000L;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long order;

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public synchronized long nanos() {
        return now * 1_000_000L;
    }

    @Override
    public synchronized long epochMillis() {
        return EPOCH_AT_ZERO + now;
    }

    @Override
    public synchronized Cancellable schedule(long delayMillis, Runnable task) {
        boolean[] cancelled = new boolean[1];
        tasks.add(new Task(now + delayMillis, order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs every task due up to now + millis, moving the clock to each due time. */
    void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Task t;
            synchronized (this) {
                t = tasks.peek();
                if (t == null || t.due > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = t.due;
            }
            if (!t.cancelled[0]) {
                t.run.run();
            }
        }
    }
}
