package io.anyhome.platform.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The emulator's clock: virtual time in nanoseconds since the network was created, and the
 * timers that run when that time passes. Everything in a {@link SimNetwork} that takes time
 * (link serialisation and propagation, Router Advertisement intervals, DAD, lifetimes) is a timer
 * here, so a test decides exactly when things happen.
 *
 * <p>Manual mode (the default): time moves only when someone calls {@link #advance(Duration)} or
 * {@link #advanceTo(long)}; due timers run in order of due time (ties in scheduling order), each
 * seeing {@link #nanos()} equal to its due time. Real-time mode ({@link #runInRealTime()}): a
 * daemon thread advances the clock along the system's monotonic clock, for the demo and a node
 * run with {@code platform=sim}.
 *
 * <p>The clock is also the monitor that guards the whole emulated network; timers run while
 * holding it, and blocked readers wait on it.
 */
public final class SimClock {
    /** Epoch milliseconds at virtual time zero unless given: 2024-01-01T00:00:00Z, fixed for reproducible output. */
    public static final long DEFAULT_EPOCH_MILLIS = 1_704_067_200_000L;

    private final long epochMillisAtZero;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long nanos;
    private long sequence;
    private Thread realTime;

    /** A manual clock whose time zero is {@link #DEFAULT_EPOCH_MILLIS}. */
    public SimClock() {
        this(DEFAULT_EPOCH_MILLIS);
    }

    /** @param epochMillisAtZero what {@link #epochMillis()} reports at virtual time zero */
    public SimClock(long epochMillisAtZero) {
        this.epochMillisAtZero = epochMillisAtZero;
    }

    /** @return virtual nanoseconds since time zero */
    public synchronized long nanos() {
        return nanos;
    }

    /** @return virtual milliseconds since time zero */
    public synchronized long millis() {
        return nanos / 1_000_000L;
    }

    /** @return the wall-clock time the emulator reports in events ({@code observedAt}), epoch milliseconds */
    public synchronized long epochMillis() {
        return epochMillisAtZero + nanos / 1_000_000L;
    }

    /**
     * Runs a task when the clock has advanced by {@code delay}.
     *
     * @param delay how long from now, not negative
     * @param task what to run, on the thread that advances the clock
     * @return the timer, which can be cancelled
     */
    public Timer schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay " + delay + " is negative");
        }
        synchronized (this) {
            return scheduleAt(nanos + delay.toNanos(), task);
        }
    }

    /**
     * Runs a task at an absolute virtual time; a time already past runs at the next advance.
     *
     * @param dueNanos the virtual time in nanoseconds
     * @param task what to run
     * @return the timer
     */
    public synchronized Timer scheduleAt(long dueNanos, Runnable task) {
        Timer t = new Timer(Math.max(dueNanos, nanos), sequence++, Objects.requireNonNull(task, "task"));
        timers.add(t);
        notifyAll();
        return t;
    }

    /**
     * Moves time forward, running every timer that falls due on the way, in order; timers that
     * those timers schedule within the interval run too.
     *
     * @param duration how far, not negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration " + duration + " is negative");
        }
        synchronized (this) {
            advanceTo(nanos + duration.toNanos());
        }
    }

    /**
     * Moves time forward to an absolute virtual time (a time in the past does nothing but run
     * timers already due).
     *
     * @param targetNanos the virtual time in nanoseconds
     */
    public synchronized void advanceTo(long targetNanos) {
        while (!timers.isEmpty() && timers.peek().dueNanos <= targetNanos) {
            Timer t = timers.poll();
            if (t.cancelled) {
                continue;
            }
            nanos = Math.max(nanos, t.dueNanos);
            t.task.run();
        }
        nanos = Math.max(nanos, targetNanos);
        notifyAll();
    }

    /** @return the due time of the next pending timer, or -1 if none */
    public synchronized long nextDueNanos() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        return timers.isEmpty() ? -1 : timers.peek().dueNanos;
    }

    /**
     * Starts real-time mode: a daemon thread advances this clock along {@link System#nanoTime()}
     * (from the clock's current time), running each timer within about a millisecond of its due
     * time. Tests should not call {@link #advance} while it runs.
     *
     * @return closing it stops the thread (and waits for it); idempotent
     * @throws IllegalStateException if real-time mode is already running
     */
    public synchronized AutoCloseable runInRealTime() {
        if (realTime != null) {
            throw new IllegalStateException("the clock already runs in real time");
        }
        long startVirtual = nanos;
        long startReal = System.nanoTime();
        Thread thread = new Thread(() -> drive(startVirtual, startReal), "anyhome-sim-clock");
        thread.setDaemon(true);
        realTime = thread;
        thread.start();
        return () -> stopRealTime(thread);
    }

    private void drive(long startVirtual, long startReal) {
        synchronized (this) {
            while (realTime == Thread.currentThread()) {
                try {
                    advanceTo(startVirtual + System.nanoTime() - startReal);
                } catch (RuntimeException e) {
                    System.getLogger(SimClock.class.getName()).log(System.Logger.Level.WARNING,
                            "emulator timer failed at " + nanos + " ns", e);
                }
                long next = nextDueNanos();
                long waitNanos = next < 0 ? 100_000_000L : next - nanos;
                if (waitNanos > 0) {
                    try {
                        wait(Math.max(1, waitNanos / 1_000_000L));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private void stopRealTime(Thread thread) throws InterruptedException {
        synchronized (this) {
            if (realTime != thread) {
                return;
            }
            realTime = null;
            notifyAll();
        }
        thread.join();
    }

    /** A scheduled task of a {@link SimClock}. */
    public static final class Timer implements Comparable<Timer> {
        private final long dueNanos;
        private final long sequence;
        private final Runnable task;
        private volatile boolean cancelled;

        private Timer(long dueNanos, long sequence, Runnable task) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.task = task;
        }

        /** Keeps the task from running, if it has not run yet. Idempotent. */
        public void cancel() {
            cancelled = true;
        }

        /** @return the virtual time the task runs at, nanoseconds */
        public long dueNanos() {
            return dueNanos;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
