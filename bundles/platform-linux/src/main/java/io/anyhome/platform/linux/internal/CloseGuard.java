package io.anyhome.platform.linux.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a descriptor be closed while other threads use it: it counts the threads inside calls,
 * and whichever of {@link #close} and the last thread to {@link #leave()} comes last releases the
 * descriptors, once, so no call ever uses a descriptor number that was closed and reused. Used by
 * {@link LinuxTunDevice} and {@link SocketEndpoint}; lock-free, allocation-free per call.
 */
final class CloseGuard {
    /** The sign bit of {@link #users}: set once closed. */
    private static final int CLOSED = Integer.MIN_VALUE;

    /** Threads inside a call, with {@link #CLOSED} or'd in once closed. */
    private final AtomicInteger users = new AtomicInteger();
    private final Runnable release;

    /** @param release closes the descriptors; runs exactly once */
    CloseGuard(Runnable release) {
        this.release = release;
    }

    /**
     * Marks a thread inside a call; pair with {@link #leave()} in a {@code finally}.
     *
     * @return false, entering nothing, if already closed
     */
    boolean enter() {
        while (true) {
            int s = users.get();
            if (s < 0) {
                return false;
            }
            if (users.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Ends a call; the last thread out of a closed object releases the descriptors. */
    void leave() {
        if (users.decrementAndGet() == CLOSED) {
            release.run();
        }
    }

    /** @return true once {@link #close} was called */
    boolean isClosed() {
        return users.get() < 0;
    }

    /**
     * Closes: releases the descriptors now if no thread is inside a call, otherwise runs
     * {@code wakeUsers} so that threads blocked in {@code poll} return and the last one releases
     * them. Closing twice does nothing.
     *
     * @param wakeUsers wakes blocked threads (an eventfd write, a socket shutdown)
     */
    void close(Runnable wakeUsers) {
        while (true) {
            int s = users.get();
            if (s < 0) {
                return;
            }
            if (users.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    release.run();
                } else {
                    wakeUsers.run();
                }
                return;
            }
        }
    }
}
