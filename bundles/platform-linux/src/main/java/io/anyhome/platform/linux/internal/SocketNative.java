package io.anyhome.platform.linux.internal;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc socket calls the endpoints use, and nothing else: {@code errno} becomes a
 * {@link SocketErrnoException}, {@code EINTR} is retried, and "would block" is a return value
 * rather than an exception so that receive loops stay cheap. Structures are laid out for Linux
 * on 64-bit machines (LP64), checked once by {@link #LP64}.
 */
final class SocketNative {
    /** libc, as much of it as sockets need. */
    public interface LibC {
        int socket(int domain, int type, int protocol);

        int bind(int fd, Pointer address, int addressLength);

        int connect(int fd, Pointer address, int addressLength);

        int getsockname(int fd, Pointer address, Pointer addressLength);

        @ssize_t long sendto(int fd, Pointer buffer, @size_t long length, int flags, Pointer address, int addressLength);

        @ssize_t long sendmsg(int fd, Pointer message, int flags);

        @ssize_t long recvmsg(int fd, Pointer message, int flags);

        int setsockopt(int fd, int level, int option, Pointer value, int valueLength);

        int getsockopt(int fd, int level, int option, Pointer value, Pointer valueLength);

        int shutdown(int fd, int how);

        int close(int fd);

        int poll(Pointer fds, @size_t long count, int timeoutMillis);

        int fcntl(int fd, int command, int argument);

        int if_nametoindex(String name);

        String strerror(int errno);
    }

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;

    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_BINDTODEVICE = 25;
    static final int SO_MARK = 36;

    static final int IPPROTO_IP = 0;
    static final int IPPROTO_UDP = 17;
    static final int IPPROTO_IPV6 = 41;
    static final int IPPROTO_ICMPV6 = 58;
    static final int IPPROTO_RAW = 255;

    static final int IP_TTL = 2;
    static final int IP_PKTINFO = 8;
    static final int IP_RECVTTL = 12;

    static final int IPV6_CHECKSUM = 7;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_MULTICAST_IF = 17;
    static final int IPV6_MULTICAST_HOPS = 18;
    static final int IPV6_MULTICAST_LOOP = 19;
    static final int IPV6_ADD_MEMBERSHIP = 20;
    static final int IPV6_V6ONLY = 26;
    static final int IPV6_RECVPKTINFO = 49;
    static final int IPV6_PKTINFO = 50;
    static final int IPV6_RECVHOPLIMIT = 51;
    static final int IPV6_HOPLIMIT = 52;

    static final int ICMP6_FILTER = 1;
    static final int UDP_SEGMENT = 103;
    static final int UDP_GRO = 104;

    static final int MSG_DONTWAIT = 0x40;
    static final int SHUT_RDWR = 2;
    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int O_NONBLOCK = 0x800;

    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ENOPROTOOPT = 92;
    static final int EPROTONOSUPPORT = 93;
    static final int EAFNOSUPPORT = 97;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;

    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    /** True where the structure offsets used here hold (64-bit Linux). */
    static final boolean LP64 = RUNTIME.addressSize() == 8;

    private SocketNative() {
    }

    /**
     * @param size bytes
     * @return zeroed native memory, freed by the garbage collector with its pointer
     */
    static Pointer allocate(int size) {
        return Memory.allocateDirect(RUNTIME, size, true);
    }

    static int errno() {
        return LastError.getLastError(RUNTIME);
    }

    static SocketErrnoException failure(String call, int errno) {
        return new SocketErrnoException(call, errno, LIBC.strerror(errno));
    }

    /** @return a new non-blocking, close-on-exec socket */
    static int socket(int domain, int type, int protocol) throws SocketErrnoException {
        int fd = LIBC.socket(domain, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw failure("socket", errno());
        }
        return fd;
    }

    static void bind(int fd, Pointer address, int length) throws SocketErrnoException {
        while (LIBC.bind(fd, address, length) != 0) {
            int e = errno();
            if (e != EINTR) {
                throw failure("bind", e);
            }
        }
    }

    /** Reads the local address the socket is bound to into {@code address} (28 bytes). */
    static void localAddress(int fd, Pointer address) throws SocketErrnoException {
        Pointer length = allocate(4);
        length.putInt(0, SocketAddressCodec.MAX_LENGTH);
        if (LIBC.getsockname(fd, address, length) != 0) {
            throw failure("getsockname", errno());
        }
    }

    static void connect(int fd, Pointer address, int length) throws SocketErrnoException {
        while (LIBC.connect(fd, address, length) != 0) {
            int e = errno();
            if (e != EINTR) {
                throw failure("connect", e);
            }
        }
    }

    /** @return bytes sent, or -1 if the socket's send buffer is full */
    static long sendto(int fd, Pointer buffer, long length, Pointer address, int addressLength)
            throws SocketErrnoException {
        while (true) {
            long n = LIBC.sendto(fd, buffer, length, MSG_DONTWAIT, address, addressLength);
            if (n >= 0) {
                return n;
            }
            int e = errno();
            if (e == EAGAIN) {
                return -1;
            }
            if (e != EINTR) {
                throw failure("sendto", e);
            }
        }
    }

    /** @return bytes sent, or -1 if the socket's send buffer is full */
    static long sendmsg(int fd, Pointer message) throws SocketErrnoException {
        while (true) {
            long n = LIBC.sendmsg(fd, message, MSG_DONTWAIT);
            if (n >= 0) {
                return n;
            }
            int e = errno();
            if (e == EAGAIN) {
                return -1;
            }
            if (e != EINTR) {
                throw failure("sendmsg", e);
            }
        }
    }

    /** @return bytes received, or -1 if nothing is waiting */
    static long recvmsg(int fd, Pointer message) throws SocketErrnoException {
        while (true) {
            long n = LIBC.recvmsg(fd, message, MSG_DONTWAIT);
            if (n >= 0) {
                return n;
            }
            int e = errno();
            if (e == EAGAIN) {
                return -1;
            }
            if (e != EINTR) {
                throw failure("recvmsg", e);
            }
        }
    }

    /**
     * Waits for one descriptor.
     *
     * @param pollfd 8 bytes of native memory to use for the {@code struct pollfd}
     * @param events {@link #POLLIN} or {@link #POLLOUT}
     * @param timeoutMillis -1 for no limit
     * @return true if the descriptor is ready (or in error, or shut down), false on timeout or signal
     */
    static boolean poll(Pointer pollfd, int fd, short events, int timeoutMillis) throws SocketErrnoException {
        pollfd.putInt(0, fd);
        pollfd.putShort(4, events);
        pollfd.putShort(6, (short) 0);
        int n = LIBC.poll(pollfd, 1, timeoutMillis);
        if (n < 0) {
            int e = errno();
            if (e == EINTR) {
                return false;
            }
            throw failure("poll", e);
        }
        return n > 0;
    }

    static void setOption(int fd, int level, int option, Pointer value, int length) throws SocketErrnoException {
        if (LIBC.setsockopt(fd, level, option, value, length) != 0) {
            throw failure("setsockopt", errno());
        }
    }

    static void setIntOption(int fd, int level, int option, int value) throws SocketErrnoException {
        Pointer p = allocate(4);
        p.putInt(0, value);
        setOption(fd, level, option, p, 4);
    }

    static int intOption(int fd, int level, int option) throws SocketErrnoException {
        Pointer p = allocate(4);
        Pointer length = allocate(4);
        length.putInt(0, 4);
        if (LIBC.getsockopt(fd, level, option, p, length) != 0) {
            throw failure("getsockopt", errno());
        }
        return p.getInt(0);
    }

    static void setNonBlocking(int fd) throws SocketErrnoException {
        int flags = LIBC.fcntl(fd, F_GETFL, 0);
        if (flags < 0 || LIBC.fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
            throw failure("fcntl", errno());
        }
    }

    /** @return the index of the named interface in the calling thread's network namespace */
    static int interfaceIndex(String name) throws SocketErrnoException {
        int index = LIBC.if_nametoindex(name);
        if (index == 0) {
            throw failure("if_nametoindex", errno());
        }
        return index;
    }

    /** Wakes threads polling the socket; errors (not connected) are expected and ignored. */
    static void shutdown(int fd) {
        LIBC.shutdown(fd, SHUT_RDWR);
    }

    static void close(int fd) {
        LIBC.close(fd); // EINTR is not retried: Linux has released the descriptor either way
    }
}
