package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Endpoint;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.ffi.Pointer;

/**
 * What the UDP, raw IPv6 and ICMPv6 endpoints share: a non-blocking socket, receiving with
 * {@code recvmsg} into reused native memory (blocking is a {@code poll}), sending with
 * {@code sendmsg}, and closing safely while other threads use the socket.
 *
 * <p>Threads: one receiving thread at a time (the receive memory is not shared) and any number of
 * senders, serialised on the endpoint's send lock. {@link #close()} may come from any thread: it
 * wakes a receiver blocked in {@code poll} (by {@code shutdown}), which then throws
 * {@link PlatformException} with code {@code CLOSED}; the descriptor itself is closed by the last
 * thread leaving a call, so a number the kernel reuses is never read from or written to.
 *
 * <p>Nothing is allocated per datagram: payloads of direct buffers are used in place and those of
 * heap buffers copied through a native buffer; the destination's socket address is encoded again
 * only when the caller passes a different address object than the last time.
 */
abstract class SocketEndpoint implements Endpoint {
    /** The largest datagram (or GRO-coalesced batch) a heap buffer receives or sends. */
    static final int PAYLOAD_CAPACITY = 65536;
    private static final int CLOSED = Integer.MIN_VALUE;

    protected final int fd;
    protected final int family;
    /** For messages: what this endpoint is, for example {@code UDP socket [2001:db8::1]:4191}. */
    protected final String description;
    /** Guarded by {@link #sendLock}. */
    protected final SocketMessage tx;
    protected final Object sendLock = new Object();

    private final SocketMessage rx;
    private final Pointer receivePoll = SocketNative.allocate(8);
    private final Pointer sendPoll = SocketNative.allocate(8);
    private final byte[] scratch16 = new byte[16];
    private final byte[] scratch4 = new byte[4];
    /** Threads inside a call; the sign bit is set once closed. */
    private final AtomicInteger users = new AtomicInteger();

    private InetAddress lastAddress;
    private int lastPort;
    private int lastScope;
    private int lastNameLength;

    protected SocketEndpoint(int fd, int family, String description, int sendControlCapacity) {
        this.fd = fd;
        this.family = family;
        this.description = description;
        this.rx = new SocketMessage(PAYLOAD_CAPACITY, CmsgCodec.RECEIVE_SPACE);
        this.tx = new SocketMessage(PAYLOAD_CAPACITY, sendControlCapacity);
    }

    @Override
    public int receive(ByteBuffer dst, ReceiveMetadata metadata) throws PlatformException {
        return receive(dst, metadata, -1);
    }

    @Override
    public int tryReceive(ByteBuffer dst, ReceiveMetadata metadata) throws PlatformException {
        return receive(dst, metadata, 0);
    }

    /**
     * Receives one datagram, waiting at most {@code timeoutMillis}.
     *
     * @param dst where the datagram goes (truncated to the room left)
     * @param metadata filled in with source, destination, arrival interface, hop limit, GRO size
     * @param timeoutMillis how long to wait; 0 not at all, negative without limit
     * @return the number of bytes received, or -1 if none arrived in time
     * @throws PlatformException if the receive fails, or with code {@code CLOSED} once closed
     */
    public int receive(ByteBuffer dst, ReceiveMetadata metadata, long timeoutMillis) throws PlatformException {
        enter();
        try {
            long deadline = timeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
            while (true) {
                int n = receiveOnce(dst, metadata);
                if (users.get() < 0) {
                    throw closedException();
                }
                if (n >= 0) {
                    return n;
                }
                int wait;
                if (timeoutMillis < 0) {
                    wait = -1;
                } else if (timeoutMillis == 0) {
                    return -1;
                } else {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return -1;
                    }
                    wait = (int) Math.min(left, Integer.MAX_VALUE);
                }
                SocketNative.poll(receivePoll, fd, SocketNative.POLLIN, wait);
            }
        } catch (SocketErrnoException e) {
            throw users.get() < 0 ? closedException() : e.toPlatformException("receive on " + description);
        } finally {
            leave();
        }
    }

    private int receiveOnce(ByteBuffer dst, ReceiveMetadata metadata) throws SocketErrnoException {
        rx.prepareReceive();
        rx.prepareReceivePayload(dst);
        long n = SocketNative.recvmsg(fd, rx.header);
        if (n < 0) {
            return -1;
        }
        SocketAddressCodec.readSource(rx.name, scratch16, scratch4, metadata);
        CmsgCodec.readArrival(rx.control, rx.controlLength(), scratch16, scratch4, metadata);
        rx.payloadInto(dst, (int) n);
        return (int) n;
    }

    /**
     * Writes the destination into {@code tx.name} unless it is the one written last time. Call
     * while holding {@link #sendLock}.
     *
     * @return the socket address length
     */
    protected final int destination(InetAddress address, int port, int scopeId) {
        if (address != lastAddress || port != lastPort || scopeId != lastScope) {
            lastNameLength = SocketAddressCodec.write(tx.name, family, address, port, scopeId);
            lastAddress = address;
            lastPort = port;
            lastScope = scopeId;
        }
        return lastNameLength;
    }

    /**
     * Sends {@code length} bytes of {@code src} from its position as prepared in {@link #tx} (name
     * and control already set), waiting while the send buffer is full. Call while holding
     * {@link #sendLock} and between {@link #enter()} and {@link #leave()}. Does not move the
     * position.
     */
    protected final void sendPrepared(ByteBuffer src, int length) throws SocketErrnoException, PlatformException {
        tx.payloadFrom(src, length);
        while (SocketNative.sendmsg(fd, tx.header) < 0) {
            if (users.get() < 0) {
                throw closedException();
            }
            SocketNative.poll(sendPoll, fd, SocketNative.POLLOUT, -1);
        }
    }

    /** Marks a thread inside a call; throws if the endpoint is closed. */
    protected final void enter() throws PlatformException {
        while (true) {
            int s = users.get();
            if (s < 0) {
                throw closedException();
            }
            if (users.compareAndSet(s, s + 1)) {
                return;
            }
        }
    }

    /** Ends a call; the last thread out of a closed endpoint closes the descriptor. */
    protected final void leave() {
        if (users.decrementAndGet() == CLOSED) {
            SocketNative.close(fd);
        }
    }

    /** @return the failure to throw for a call on a closed endpoint */
    protected final PlatformException closedException() {
        return new PlatformException(Code.CLOSED, description + " is closed");
    }

    /** @return true if the endpoint has been closed (a send failure is then reported as {@code CLOSED}) */
    protected final boolean closing() {
        return users.get() < 0;
    }

    @Override
    public boolean isOpen() {
        return users.get() >= 0;
    }

    @Override
    public void close() {
        while (true) {
            int s = users.get();
            if (s < 0) {
                return;
            }
            if (users.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    SocketNative.close(fd);
                } else {
                    SocketNative.shutdown(fd);
                }
                return;
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
