package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Pointer;

/**
 * An eventfd that wakes threads blocked in {@code poll(2)} on another descriptor, which is how a
 * blocked reader learns that its device or monitor is being closed: each waiter polls a
 * {@link #pollSet} holding its descriptor and the eventfd, and {@link #raise()} makes the eventfd
 * readable for good. Used by {@link LinuxTunDevice} and {@link RtnetlinkMonitor}. Nothing is
 * allocated per wait.
 */
final class CloseSignal implements AutoCloseable {
    private final Native n;
    private final int eventFd;
    private final ByteBuffer one = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putLong(0, 1);

    private CloseSignal(Native n, int eventFd) {
        this.n = n;
        this.eventFd = eventFd;
    }

    /** @return a new signal, not raised */
    static CloseSignal open(Native n) throws ErrnoException {
        return new CloseSignal(n, n.eventfd());
    }

    /**
     * @param fd the descriptor to wait on
     * @param events {@link Native#POLLIN} or {@link Native#POLLOUT}
     * @return the two {@code struct pollfd} entries to pass to {@link #await}, made once per waiter
     */
    Pointer pollSet(int fd, short events) {
        Pointer set = n.allocate(16);
        set.putInt(0, fd);
        set.putShort(4, events);
        set.putInt(8, eventFd);
        set.putShort(12, Native.POLLIN);
        return set;
    }

    /**
     * Waits until the descriptor of {@code set} is ready or the signal is raised.
     *
     * @param timeoutMillis how long to wait, -1 for ever
     * @return true if the descriptor is ready (or in error)
     */
    boolean await(Pointer set, int timeoutMillis) throws ErrnoException {
        n.poll(set, 2, timeoutMillis);
        return set.getShort(6) != 0;
    }

    /**
     * Wakes every waiter, now and later. Raising twice is harmless: a counter already non-zero
     * ({@code EAGAIN} at its limit) wakes them anyway.
     */
    void raise() throws ErrnoException {
        n.write(eventFd, one, "eventfd");
    }

    /** Closes the eventfd; only once no thread waits on it. */
    @Override
    public void close() {
        n.close(eventFd);
    }
}
