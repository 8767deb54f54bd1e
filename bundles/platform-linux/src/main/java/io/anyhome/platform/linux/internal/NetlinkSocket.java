package io.anyhome.platform.linux.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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

    private final int fd;
    private final ByteBuffer received = ByteBuffer.allocateDirect(RECEIVE_BUFFER).order(ByteOrder.nativeOrder());
    private int sequence = ThreadLocalRandom.current().nextInt(1, 1 << 30);
    private boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /**
     * @param protocol {@link NetlinkNative#NETLINK_ROUTE} or {@link NetlinkNative#NETLINK_GENERIC}
     * @param groups legacy multicast group bitmask to join, 0 for none
     * @param receiveBuffer the kernel receive buffer in bytes, 0 for the default
     * @return the open socket, bound to a kernel-chosen port id
     * @throws NetlinkErrnoException if the kernel refuses
     */
    static NetlinkSocket open(int protocol, int groups, int receiveBuffer) throws NetlinkErrnoException {
        int fd = NetlinkNative.socket(protocol);
        try {
            // extended acks arrived in Linux 4.12; without them errors still carry errno
            optional(fd, NetlinkNative.NETLINK_EXT_ACK);
            optional(fd, NetlinkNative.NETLINK_CAP_ACK);
            if (receiveBuffer > 0) {
                try {
                    NetlinkNative.setIntOption(fd, NetlinkNative.SOL_SOCKET, NetlinkNative.SO_RCVBUFFORCE, receiveBuffer);
                } catch (NetlinkErrnoException notPrivileged) {
                    NetlinkNative.setIntOption(fd, NetlinkNative.SOL_SOCKET, NetlinkNative.SO_RCVBUF, receiveBuffer);
                }
            }
            NetlinkNative.bind(fd, groups);
            return new NetlinkSocket(fd);
        } catch (NetlinkErrnoException e) {
            NetlinkNative.close(fd);
            throw e;
        }
    }

    private static void optional(int fd, int option) {
        try {
            NetlinkNative.setIntOption(fd, NetlinkNative.SOL_NETLINK, option, 1);
        } catch (NetlinkErrnoException tooOld) {
            // the kernel predates the option; errors then lack the extended message
        }
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
     * @throws NetlinkErrnoException with errno and extended-ack message if the kernel refuses
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
     * @throws NetlinkErrnoException if the kernel refuses
     * @throws IOException if the answer is malformed or does not come
     */
    List<NetlinkMessage> dump(String what, NetlinkMessageBuilder request) throws IOException {
        return exchange(what, request.build(++sequence));
    }

    private List<NetlinkMessage> exchange(String what, ByteBuffer msg) throws IOException {
        int seq = sequence;
        NetlinkNative.send(fd, msg);
        List<NetlinkMessage> replies = new ArrayList<>();
        while (true) {
            if (!NetlinkNative.pollReadable(ANSWER_TIMEOUT_MS, fd)[0]) {
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
                            throw new NetlinkErrnoException(what, outcome.errno(), outcome.message());
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
     * @throws NetlinkErrnoException if the receive fails ({@code ENOBUFS}: multicast events were lost)
     * @throws IOException if a datagram did not fit the buffer
     */
    ByteBuffer receive() throws IOException {
        int n = NetlinkNative.recv(fd, received.clear(), NetlinkNative.MSG_TRUNC);
        if (n > received.capacity()) {
            throw new IOException("netlink datagram of " + n + " bytes truncated to " + received.capacity());
        }
        ByteBuffer copy = ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
        copy.put(received.limit(n)).flip();
        return copy;
    }

    /** Closes the socket; closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            NetlinkNative.close(fd);
        }
    }
}
