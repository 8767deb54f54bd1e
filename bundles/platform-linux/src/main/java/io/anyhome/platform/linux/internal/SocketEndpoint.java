package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Endpoint;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import jnr.ffi.Pointer;

/**
 * What the UDP, raw IPv6 and ICMPv6 endpoints share: a non-blocking socket, receiving with
 * {@code recvmsg} into reused native memory (blocking is a {@code poll}), sending with
 * {@code sendmsg}, and closing safely while other threads use the socket.
 *
 * <p>Threads: one receiving thread at a time (the receive memory is not shared) and any number of
 * senders, serialised on the endpoint's send lock. {@link #close()} may come from any thread: it
 * wakes a receiver blocked in {@code poll} (by {@code shutdown}), which then throws
 * {@link PlatformException} with code {@code CLOSED}; a {@link CloseGuard} closes the descriptor
 * when the last thread leaves a call, so a number the kernel reuses is never read from or written to.
 *
 * <p>Nothing is allocated per datagram: payloads of direct buffers are used in place and those of
 * heap buffers copied through a native buffer; the destination's socket address is encoded again
 * only when the caller passes a different address object than the last time.
 */
abstract class SocketEndpoint implements Endpoint {
    /** The largest datagram (or GRO-coalesced batch) a heap buffer receives or sends. */
    static final int PAYLOAD_CAPACITY = 65536;

    protected final Native n;
    protected final int fd;
    protected final int family;
    /** For messages: what this endpoint is, for example {@code UDP socket [2001:db8::1]:4191}. */
    protected final String description;
    /** What one send carries, for messages: {@code datagram}, {@code packet}, {@code message}. */
    private final String unit;
    /** Guarded by {@link #sendLock}. */
    protected final SocketMessage tx;
    protected final Object sendLock = new Object();

    private final SocketMessage rx;
    private final Pointer receivePoll;
    private final Pointer sendPoll;
    private final byte[] scratch16 = new byte[16];
    private final byte[] scratch4 = new byte[4];
    private final CloseGuard guard;

    private InetAddress lastAddress;
    private int lastPort;
    private int lastScope;
    private int lastNameLength;

    /**
     * @param setup the opened and configured socket
     * @param family {@link Native#AF_INET6} or {@link Native#AF_INET}
     * @param description what the endpoint is, for messages
     * @param unit what one send carries, for messages ({@code datagram})
     * @param sendControlCapacity room for the ancillary data of a send, 0 for none
     */
    protected SocketEndpoint(SocketSetup setup, int family, String description, String unit, int sendControlCapacity) {
        this.n = setup.nativeAccess();
        this.unit = unit;
        this.fd = setup.fd();
        this.family = family;
        this.description = description;
        this.rx = new SocketMessage(n, PAYLOAD_CAPACITY, CmsgCodec.RECEIVE_SPACE);
        this.tx = new SocketMessage(n, PAYLOAD_CAPACITY, sendControlCapacity);
        this.receivePoll = n.pollSet(fd, Native.POLLIN);
        this.sendPoll = n.pollSet(fd, Native.POLLOUT);
        this.guard = new CloseGuard(() -> n.close(fd));
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
                int got = receiveOnce(dst, metadata);
                if (guard.isClosed()) {
                    throw closedException();
                }
                if (got >= 0) {
                    return got;
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
                n.poll(receivePoll, 1, wait);
            }
        } catch (ErrnoException e) {
            throw guard.isClosed() ? closedException() : e.toPlatformException("receive on " + description);
        } finally {
            leave();
        }
    }

    private int receiveOnce(ByteBuffer dst, ReceiveMetadata metadata) throws ErrnoException {
        rx.prepareReceive();
        rx.prepareReceivePayload(dst);
        long got = n.recvmsg(fd, rx.header);
        if (got < 0) {
            return -1;
        }
        SocketAddressCodec.readSource(rx.name, scratch16, scratch4, metadata);
        CmsgCodec.readArrival(rx.control, rx.controlLength(), scratch16, scratch4, metadata);
        rx.payloadInto(dst, (int) got);
        return (int) got;
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
    protected final void sendPrepared(ByteBuffer src, int length) throws ErrnoException, PlatformException {
        if (length > tx.payloadCapacity() && !src.isDirect()) {
            throw new PlatformException(Code.INVALID_ARGUMENT, "send from " + description + ": " + length
                    + " bytes exceed the largest " + unit + ", " + tx.payloadCapacity());
        }
        tx.payloadFrom(src, length);
        while (n.sendmsg(fd, tx.header) < 0) {
            if (guard.isClosed()) {
                throw closedException();
            }
            n.poll(sendPoll, 1, -1);
        }
    }

    /** Marks a thread inside a call; throws if the endpoint is closed. */
    protected final void enter() throws PlatformException {
        if (!guard.enter()) {
            throw closedException();
        }
    }

    /** Ends a call; the last thread out of a closed endpoint closes the descriptor. */
    protected final void leave() {
        guard.leave();
    }

    /**
     * @param e a send that failed
     * @param operation the send, with its destination, for the message
     * @return {@code CLOSED} if the endpoint was closed meanwhile, else the failure naming the operation
     */
    protected final PlatformException sendFailure(ErrnoException e, String operation) {
        return guard.isClosed() ? closedException() : e.toPlatformException(operation);
    }

    /** @return the failure to throw for a call on a closed endpoint */
    protected final PlatformException closedException() {
        return new PlatformException(Code.CLOSED, description + " is closed");
    }

    @Override
    public boolean isOpen() {
        return !guard.isClosed();
    }

    /** Closes; a thread blocked in {@code poll} is woken by {@code shutdown}, which sockets have. */
    @Override
    public void close() {
        guard.close(() -> n.shutdown(fd));
    }

    @Override
    public String toString() {
        return description;
    }
}
