package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls netlink needs: {@code socket(AF_NETLINK)}, {@code bind(sockaddr_nl)},
 * {@code send}, {@code recv}, socket options, {@code poll} and an {@code eventfd} to wake a
 * poller. Failures become {@link NetlinkErrnoException}; {@code EINTR} is retried. Used by
 * {@link NetlinkSocket} only.
 */
final class NetlinkNative {
    static final int AF_NETLINK = 16;
    static final int NETLINK_ROUTE = 0;
    static final int NETLINK_GENERIC = 16;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVBUFFORCE = 33;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_CAP_ACK = 10;
    static final int NETLINK_EXT_ACK = 11;
    static final int MSG_TRUNC = 0x20;
    static final int MSG_DONTWAIT = 0x40;
    static final short POLLIN = 0x1;

    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int EFD_CLOEXEC = 0x80000;
    private static final int EFD_NONBLOCK = 0x800;

    /** The libc functions used, and nothing else. */
    public interface LibC {
        int socket(int domain, int type, int protocol);

        int bind(int fd, @In byte[] address, int length);

        @ssize_t long send(int fd, @In ByteBuffer buffer, @size_t long length, int flags);

        @ssize_t long recv(int fd, @Out ByteBuffer buffer, @size_t long length, int flags);

        int setsockopt(int fd, int level, int option, @In int[] value, int length);

        int getsockopt(int fd, int level, int option, @Out int[] value, @In @Out int[] length);

        int poll(@In @Out byte[] fds, long count, int timeoutMs);

        int eventfd(int initial, int flags);

        @ssize_t long read(int fd, @Out byte[] buffer, @size_t long length);

        @ssize_t long write(int fd, @In byte[] buffer, @size_t long length);

        int close(int fd);
    }

    private static volatile LibC libc;

    private NetlinkNative() {
    }

    private static LibC libc() {
        LibC l = libc;
        if (l == null) {
            synchronized (NetlinkNative.class) {
                if (libc == null) {
                    libc = LibraryLoader.create(LibC.class).load("c");
                }
                l = libc;
            }
        }
        return l;
    }

    private static int errno() {
        return LastError.getLastError(Runtime.getRuntime(libc()));
    }

    /**
     * Opens a netlink socket in the calling thread's network namespace.
     *
     * @param protocol {@link #NETLINK_ROUTE} or {@link #NETLINK_GENERIC}
     * @return the file descriptor
     * @throws NetlinkErrnoException if the kernel refuses
     */
    static int socket(int protocol) throws NetlinkErrnoException {
        int fd = libc().socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw new NetlinkErrnoException("socket(AF_NETLINK, " + protocol + ")", errno());
        }
        return fd;
    }

    /**
     * Binds to a kernel-chosen port id and the given legacy multicast group bitmask.
     *
     * @param fd the socket
     * @param groups the groups bitmask ({@code 1 << (RTNLGRP_x - 1)}), 0 for none
     * @throws NetlinkErrnoException if the kernel refuses
     */
    static void bind(int fd, int groups) throws NetlinkErrnoException {
        ByteBuffer sa = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
        sa.putShort(0, (short) AF_NETLINK).putInt(4, 0).putInt(8, groups);
        if (libc().bind(fd, sa.array(), 12) != 0) {
            throw new NetlinkErrnoException("bind(sockaddr_nl)", errno());
        }
    }

    /**
     * Sends one datagram: the buffer's bytes from 0 to its limit.
     *
     * @param fd the socket
     * @param message a direct buffer
     * @throws NetlinkErrnoException if the kernel refuses
     */
    static void send(int fd, ByteBuffer message) throws NetlinkErrnoException {
        while (true) {
            long n = libc().send(fd, message, message.limit(), 0);
            if (n >= 0) {
                return;
            }
            int e = errno();
            if (e != NetlinkErrnoException.EINTR) {
                throw new NetlinkErrnoException("send(netlink)", e);
            }
        }
    }

    /**
     * Receives one datagram into a direct buffer, starting at 0.
     *
     * @param fd the socket
     * @param buffer a direct buffer
     * @param flags {@link #MSG_TRUNC} to learn the full length of a datagram that did not fit
     * @return the datagram's length (with {@code MSG_TRUNC}, possibly more than the capacity)
     * @throws NetlinkErrnoException if the receive failed ({@code ENOBUFS}: events were lost)
     */
    static int recv(int fd, ByteBuffer buffer, int flags) throws NetlinkErrnoException {
        while (true) {
            long n = libc().recv(fd, buffer, buffer.capacity(), flags);
            if (n >= 0) {
                return (int) n;
            }
            int e = errno();
            if (e != NetlinkErrnoException.EINTR) {
                throw new NetlinkErrnoException("recv(netlink)", e);
            }
        }
    }

    /**
     * @param fd the socket
     * @param level the option level
     * @param option the option
     * @param value its integer value
     * @throws NetlinkErrnoException if the kernel refuses
     */
    static void setIntOption(int fd, int level, int option, int value) throws NetlinkErrnoException {
        if (libc().setsockopt(fd, level, option, new int[] {value}, 4) != 0) {
            throw new NetlinkErrnoException("setsockopt(" + level + ", " + option + ")", errno());
        }
    }

    /**
     * @param fd the socket
     * @param level the option level
     * @param option the option
     * @return its integer value
     * @throws NetlinkErrnoException if the kernel refuses
     */
    static int intOption(int fd, int level, int option) throws NetlinkErrnoException {
        int[] value = new int[1];
        if (libc().getsockopt(fd, level, option, value, new int[] {4}) != 0) {
            throw new NetlinkErrnoException("getsockopt(" + level + ", " + option + ")", errno());
        }
        return value[0];
    }

    /**
     * Waits until one of the descriptors is readable.
     *
     * @param timeoutMs how long to wait, -1 for ever
     * @param fds the descriptors
     * @return which are readable (or in error), by position
     * @throws NetlinkErrnoException if poll fails
     */
    static boolean[] pollReadable(int timeoutMs, int... fds) throws NetlinkErrnoException {
        ByteBuffer set = ByteBuffer.allocate(8 * fds.length).order(ByteOrder.nativeOrder());
        for (int i = 0; i < fds.length; i++) {
            set.putInt(8 * i, fds[i]).putShort(8 * i + 4, POLLIN);
        }
        byte[] raw = set.array();
        while (true) {
            int n = libc().poll(raw, fds.length, timeoutMs);
            if (n >= 0) {
                break;
            }
            int e = errno();
            if (e != NetlinkErrnoException.EINTR) {
                throw new NetlinkErrnoException("poll", e);
            }
        }
        ByteBuffer result = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
        boolean[] readable = new boolean[fds.length];
        for (int i = 0; i < fds.length; i++) {
            readable[i] = result.getShort(8 * i + 6) != 0;
        }
        return readable;
    }

    /**
     * @return a non-blocking eventfd, for waking a thread blocked in {@link #pollReadable}
     * @throws NetlinkErrnoException if the kernel refuses
     */
    static int eventfd() throws NetlinkErrnoException {
        int fd = libc().eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0) {
            throw new NetlinkErrnoException("eventfd", errno());
        }
        return fd;
    }

    /**
     * Makes an eventfd readable.
     *
     * @param fd the eventfd
     * @throws NetlinkErrnoException if the write fails
     */
    static void signal(int fd) throws NetlinkErrnoException {
        byte[] one = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, 1).array();
        while (libc().write(fd, one, 8) < 0) {
            int e = errno();
            if (e != NetlinkErrnoException.EINTR && e != NetlinkErrnoException.EAGAIN) {
                throw new NetlinkErrnoException("write(eventfd)", e);
            }
            if (e == NetlinkErrnoException.EAGAIN) {
                return; // the counter is already non-zero: the poller will wake
            }
        }
    }

    /**
     * Closes a descriptor; errors are ignored, as nothing can be done about them.
     *
     * @param fd the descriptor, ignored if negative
     */
    static void close(int fd) {
        if (fd >= 0) {
            libc().close(fd);
        }
    }
}
