package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jnr.ffi.Pointer;

/**
 * A netlink socket ({@code NETLINK_ROUTE} or {@code NETLINK_GENERIC}) with extended
 * acknowledgements ({@code NETLINK_EXT_ACK}) and capped acknowledgements ({@code NETLINK_CAP_ACK}),
 * speaking request / acknowledgement and request / dump with its own sequence numbers, or
 * receiving multicast events. Opened in the calling thread's network namespace, which it keeps.
 *
 * <p>Not thread-safe: one thread uses a socket at a time. Used by {@link RtnetlinkConfigurator},
 * {@link RtnetlinkMonitor} and {@link Nl80211StationReader}.
 */
final class NetlinkSocket implements AutoCloseable {
    /** Large enough for any datagram the kernel sends to a 64 KiB reader. */
    static final int RECEIVE_BUFFER = 64 * 1024;
    private static final int ANSWER_TIMEOUT_MS = 10_000;

    private final Native n;
    private final int fd;
    private final Pointer answerPoll;
    private final ByteBuffer received = ByteBuffer.allocateDirect(RECEIVE_BUFFER).order(ByteOrder.nativeOrder());
    private int sequence = ThreadLocalRandom.current().nextInt(1, 1 << 30);
    private boolean closed;

    private NetlinkSocket(Native n, int fd) {
        this.n = n;
        this.fd = fd;
        this.answerPoll = n.pollSet(fd, Native.POLLIN);
    }

    /**
     * @param protocol {@link Native#NETLINK_ROUTE} or {@link Native#NETLINK_GENERIC}
     * @param groups legacy multicast group bitmask to join, 0 for none
     * @param receiveBuffer the kernel receive buffer in bytes, 0 for the default
     * @return the open socket, bound to a kernel-chosen port id
     * @throws ErrnoException if the kernel refuses
     * @throws PlatformException with code {@code UNAVAILABLE} if native access cannot be loaded
     */
    static NetlinkSocket open(int protocol, int groups, int receiveBuffer) throws ErrnoException, PlatformException {
        Native n = Native.get();
        int fd = n.socket(Native.AF_NETLINK, Native.SOCK_RAW, protocol);
        try {
            // extended acks arrived in Linux 4.12; without them errors still carry errno
            optional(n, fd, Native.NETLINK_EXT_ACK);
            optional(n, fd, Native.NETLINK_CAP_ACK);
            if (receiveBuffer > 0) {
                SocketSetup.receiveBuffer(n, fd, receiveBuffer);
            }
            Pointer address = n.allocate(SocketAddressCodec.NETLINK_LENGTH);
            n.bind(fd, address, SocketAddressCodec.writeNetlink(address, groups));
            return new NetlinkSocket(n, fd);
        } catch (ErrnoException e) {
            n.close(fd);
            throw e;
        }
    }

    private static void optional(Native n, int fd, int option) {
        try {
            n.setIntOption(fd, Native.SOL_NETLINK, option, 1);
        } catch (ErrnoException tooOld) {
            // the kernel predates the option; errors then lack the extended message
        }
    }

    /**
     * Turns a failed netlink operation into the API's exception.
     *
     * @param what the operation, in words a person recognises ({@code add route ...})
     * @param failure the failure; an {@link IOException} other than {@link ErrnoException} (no
     *        answer, a malformed answer) has no errno
     * @return the exception to throw
     */
    static PlatformException toPlatformException(String what, IOException failure) {
        if (failure instanceof ErrnoException e) {
            return e.toPlatformException(what);
        }
        PlatformException e = new PlatformException(Code.IO_ERROR, what + ": " + failure.getMessage());
        e.initCause(failure);
        return e;
    }

    /** @return the file descriptor, for polling */
    int fd() {
        return fd;
    }

    /**
     * Sends a request with {@code NLM_F_ACK} and waits for the kernel's answer.
     *
     * @param what the operation, for error messages
     * @param request the request
     * @return the replies before the acknowledgement (for a {@code GET} of one object, the object)
     * @throws ErrnoException with errno and extended-ack message if the kernel refuses
     * @throws IOException if the answer is malformed or does not come
     */
    List<NetlinkMessage> execute(String what, NetlinkMessageBuilder request) throws IOException {
        ByteBuffer msg = request.build(++sequence);
        msg.putShort(NetlinkMessage.OFF_FLAGS, (short) (msg.getShort(NetlinkMessage.OFF_FLAGS) | NetlinkMessage.NLM_F_ACK));
        return exchange(what, msg);
    }

    /**
     * Sends a dump request ({@code NLM_F_DUMP}) and collects every reply until {@code NLMSG_DONE}.
     *
     * @param what the operation, for error messages
     * @param request the request, made with {@code NLM_F_DUMP}
     * @return the replies
     * @throws ErrnoException if the kernel refuses
     * @throws IOException if the answer is malformed or does not come
     */
    List<NetlinkMessage> dump(String what, NetlinkMessageBuilder request) throws IOException {
        return exchange(what, request.build(++sequence));
    }

    private List<NetlinkMessage> exchange(String what, ByteBuffer msg) throws IOException {
        int seq = sequence;
        if (n.write(fd, msg, "netlink") < 0) {
            throw new IOException(what + ": the netlink socket's send buffer is full");
        }
        List<NetlinkMessage> replies = new ArrayList<>();
        while (true) {
            if (n.poll(answerPoll, 1, ANSWER_TIMEOUT_MS) == 0) {
                throw new IOException(what + ": no answer from the kernel within " + ANSWER_TIMEOUT_MS + " ms");
            }
            ByteBuffer datagram = receive();
            List<NetlinkMessage> messages;
            try {
                messages = NetlinkMessage.split(datagram);
                for (NetlinkMessage m : messages) {
                    if (m.sequence() != seq) {
                        continue; // the answer to an earlier request that timed out
                    }
                    if (m.type() == NetlinkMessage.NLMSG_ERROR || m.type() == NetlinkMessage.NLMSG_DONE) {
                        NetlinkError outcome = m.type() == NetlinkMessage.NLMSG_ERROR
                                ? NetlinkError.decode(m) : NetlinkError.decodeDone(m);
                        if (outcome.errno() != 0) {
                            throw n.refused(what, outcome.errno(), outcome.message());
                        }
                        return replies;
                    }
                    replies.add(m);
                }
            } catch (NetlinkMalformedException e) {
                throw new IOException(what + ": malformed answer: " + e.getMessage() + "\n" + e.hexDump(), e);
            }
        }
    }

    /**
     * Receives one datagram, blocking until one comes.
     *
     * @return the datagram, a buffer of its own
     * @throws ErrnoException if the receive fails ({@code ENOBUFS}: multicast events were lost)
     * @throws IOException if a datagram did not fit the buffer
     */
    ByteBuffer receive() throws IOException {
        int length = (int) n.recv(fd, received.clear(), Native.MSG_TRUNC, "netlink");
        if (length < 0) {
            throw new IOException("netlink: no datagram was waiting");
        }
        if (length > received.capacity()) {
            throw new IOException("netlink datagram of " + length + " bytes truncated to " + received.capacity());
        }
        ByteBuffer copy = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        copy.put(received.limit(length)).flip();
        return copy;
    }

    /** Closes the socket; closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            n.close(fd);
        }
    }
}
