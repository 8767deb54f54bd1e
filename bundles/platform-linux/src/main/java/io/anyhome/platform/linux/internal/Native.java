package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The bundle's one door to the C library, through jnr-ffi: the TUN device and its ioctls, the
 * socket endpoints, netlink, {@code poll} and {@code eventfd}. Every wrapper retries {@code EINTR}
 * and turns a failure into an {@link ErrnoException} carrying errno, the call and {@code strerror};
 * "would block" ({@code EAGAIN}) is a return value of -1 where a non-blocking caller expects it,
 * so that receive loops stay cheap. Structures built by the callers are laid out for Linux on
 * 64-bit machines (LP64), checked once by {@link #lp64()}.
 *
 * <p>jffi, under jnr-ffi, extracts its stub library before the first call;
 * {@link #useExtractDirectory(String)} must come first so that the library lands in the node's
 * state directory ({@code DIR/run/native}) and not in a {@code /tmp} that may be mounted
 * {@code noexec}. Loading happens once per class loader; its failure is kept and reported by
 * {@link #get()} to every caller, never thrown from another thread.
 */
final class Native {
    /** jffi reads this system property once, when its stub loader initialises. */
    static final String EXTRACT_DIR_PROPERTY = "jffi.extract.dir";

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ERANGE = 34;
    static final int EMSGSIZE = 90;
    static final int ENOPROTOOPT = 92;
    static final int EPROTONOSUPPORT = 93;
    static final int EOPNOTSUPP = 95;
    static final int EAFNOSUPPORT = 97;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;
    static final int ENETDOWN = 100;
    static final int ENETUNREACH = 101;
    static final int ENOBUFS = 105;
    static final int EHOSTUNREACH = 113;

    static final int O_RDWR = 0x2;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;

    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;

    static final int EFD_CLOEXEC = 0x80000;
    static final int EFD_NONBLOCK = 0x800;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int AF_PACKET = 17;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int MSG_TRUNC = 0x20;
    static final int MSG_DONTWAIT = 0x40;
    static final int SHUT_RDWR = 2;

    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_BINDTODEVICE = 25;
    static final int SO_SNDBUFFORCE = 32;
    static final int SO_RCVBUFFORCE = 33;
    static final int SO_MARK = 36;

    static final int NETLINK_ROUTE = 0;
    static final int NETLINK_GENERIC = 16;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_CAP_ACK = 10;
    static final int NETLINK_EXT_ACK = 11;

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

    static final int SOL_PACKET = 263;
    static final int PACKET_VNET_HDR = 15;
    /** The EtherType of IPv6, for {@code sll_protocol}. */
    static final int ETH_P_IPV6 = 0x86DD;

    static final int ICMP6_FILTER = 1;
    static final int UDP_SEGMENT = 103;
    static final int UDP_GRO = 104;

    /** The C library functions used, and no others. */
    public interface LibC {
        int open(String path, int flags);

        int close(int fd);

        @ssize_t long read(int fd, @Out ByteBuffer buf, @size_t long count);

        @ssize_t long write(int fd, @In ByteBuffer buf, @size_t long count);

        /** {@code ioctl(fd, request, void *arg)}; the request is an {@code unsigned long}. */
        int ioctl(int fd, @size_t long request, ByteBuffer arg);

        /** {@code ioctl(fd, request, unsigned long arg)}, for requests taking a value. */
        int ioctl(int fd, @size_t long request, @size_t long arg);

        /** {@code poll(struct pollfd *fds, nfds_t nfds, int timeout)}. */
        int poll(Pointer fds, @size_t long nfds, int timeout);

        int eventfd(int initval, int flags);

        int socket(int domain, int type, int protocol);

        int bind(int fd, Pointer address, int addressLength);

        int getsockname(int fd, Pointer address, Pointer addressLength);

        int setsockopt(int fd, int level, int option, Pointer value, int valueLength);

        @ssize_t long sendmsg(int fd, Pointer message, int flags);

        @ssize_t long recvmsg(int fd, Pointer message, int flags);

        /** For netlink, whose {@code MSG_TRUNC} reports a datagram's full length. */
        @ssize_t long recv(int fd, @Out ByteBuffer buf, @size_t long length, int flags);

        int shutdown(int fd, int how);

        int if_nametoindex(String name);

        String strerror(int errnum);
    }

    private static Native loaded;
    private static Throwable failure;

    private final LibC libc;
    private final Runtime runtime;
    private final boolean lp64;

    private Native(LibC libc) {
        this.libc = libc;
        this.runtime = Runtime.getRuntime(libc);
        this.lp64 = runtime.addressSize() == 8;
    }

    /**
     * Points jffi at the directory to extract its stub library to, creating it; does nothing once
     * the library is loaded or when {@code dir} is null or blank (jffi then uses
     * {@code java.io.tmpdir}).
     *
     * @param dir the directory, normally the framework property {@value #EXTRACT_DIR_PROPERTY}
     * @throws IOException if the directory cannot be created
     */
    static synchronized void useExtractDirectory(String dir) throws IOException {
        if (loaded != null || failure != null || dir == null || dir.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        System.setProperty(EXTRACT_DIR_PROPERTY, dir);
    }

    /**
     * @return the loaded library
     * @throws PlatformException with code {@code UNAVAILABLE} if jnr-ffi, jffi or the C library
     *         cannot be loaded here (the message says why)
     */
    static synchronized Native get() throws PlatformException {
        if (loaded == null && failure == null) {
            try {
                loaded = new Native(LibraryLoader.create(LibC.class).failImmediately().load("c"));
            } catch (RuntimeException | LinkageError e) {
                failure = e;
            }
        }
        if (loaded == null) {
            throw new PlatformException(Code.UNAVAILABLE, "native access (jnr-ffi) cannot be loaded: " + failure);
        }
        return loaded;
    }

    /** @return true where the structure offsets the callers use hold (64-bit Linux) */
    boolean lp64() {
        return lp64;
    }

    /**
     * @param size bytes
     * @return zeroed native memory, freed by the garbage collector with its pointer
     */
    Pointer allocate(int size) {
        return Memory.allocateDirect(runtime, size, true);
    }

    /**
     * @return a failure the kernel reported without a system call failing, such as a netlink
     *         request it refused, with its extended acknowledgement message (empty if none)
     */
    ErrnoException refused(String call, int errno, String extendedAck) {
        return new ErrnoException(call, errno, libc.strerror(errno), extendedAck);
    }

    private ErrnoException failed(String call, String what, int errno) {
        return refused(what.isEmpty() ? call : call + " " + what, errno, "");
    }

    /**
     * The one {@code EINTR} rule, for a call that just returned failure: retry on {@code EINTR};
     * report {@code EAGAIN} to a caller that accepts it; throw anything else.
     *
     * @param call the function, and {@code what} its argument, joined only if it throws
     * @param wouldBlock true if the caller returns -1 for {@code EAGAIN}
     * @return true to retry, false for "would block"
     */
    private boolean retry(String call, String what, boolean wouldBlock) throws ErrnoException {
        int e = LastError.getLastError(runtime);
        if (e == EINTR) {
            return true;
        }
        if (e == EAGAIN && wouldBlock) {
            return false;
        }
        throw failed(call, what, e);
    }

    int open(String path, int flags) throws ErrnoException {
        int fd;
        while ((fd = libc.open(path, flags)) < 0 && retry("open", path, false)) {
            // EINTR: again
        }
        return fd;
    }

    /**
     * Closes a descriptor; a failure is ignored and {@code EINTR} not retried, since Linux has
     * released the descriptor either way.
     *
     * @param fd the descriptor, ignored if negative
     */
    void close(int fd) {
        if (fd >= 0) {
            libc.close(fd);
        }
    }

    /**
     * Reads once into {@code dst} from its position; does not move the position.
     *
     * @return the byte count, or -1 if a non-blocking descriptor had nothing ({@code EAGAIN})
     */
    long read(int fd, ByteBuffer dst, String what) throws ErrnoException {
        long n;
        while ((n = libc.read(fd, dst, dst.remaining())) < 0 && retry("read", what, true)) {
            // EINTR: again
        }
        return n;
    }

    /**
     * Writes the bytes between position and limit once; does not move the position.
     *
     * @return the byte count, or -1 if a non-blocking descriptor could not take them ({@code EAGAIN})
     */
    long write(int fd, ByteBuffer src, String what) throws ErrnoException {
        long n;
        while ((n = libc.write(fd, src, src.remaining())) < 0 && retry("write", what, true)) {
            // EINTR: again
        }
        return n;
    }

    void ioctl(int fd, long request, ByteBuffer arg, String what) throws ErrnoException {
        while (libc.ioctl(fd, request, arg) < 0 && retry("ioctl", what, false)) {
            // EINTR: again
        }
    }

    void ioctl(int fd, long request, long arg, String what) throws ErrnoException {
        while (libc.ioctl(fd, request, arg) < 0 && retry("ioctl", what, false)) {
            // EINTR: again
        }
    }

    /**
     * @param fd the descriptor to watch
     * @param events {@link #POLLIN} or {@link #POLLOUT}
     * @return a one-entry {@code struct pollfd} array for {@link #poll}, made once per waiter
     */
    Pointer pollSet(int fd, short events) {
        Pointer set = allocate(8);
        set.putInt(0, fd);
        set.putShort(4, events);
        return set;
    }

    /**
     * Waits on the {@code struct pollfd} entries in {@code fds} (8 bytes each: fd, events,
     * revents).
     *
     * @param timeoutMillis how long to wait, -1 for ever
     * @return the number of ready entries; 0 on timeout
     */
    int poll(Pointer fds, int count, int timeoutMillis) throws ErrnoException {
        int n;
        while ((n = libc.poll(fds, count, timeoutMillis)) < 0 && retry("poll", "", false)) {
            // EINTR: again
        }
        return n;
    }

    /** @return a non-blocking, close-on-exec eventfd with the counter at 0 */
    int eventfd() throws ErrnoException {
        int fd;
        while ((fd = libc.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0 && retry("eventfd", "", false)) {
            // EINTR: again
        }
        return fd;
    }

    /**
     * Opens a socket in the calling thread's network namespace; always close-on-exec.
     *
     * @param type the type, with {@link #SOCK_NONBLOCK} for a non-blocking socket
     */
    int socket(int domain, int type, int protocol) throws ErrnoException {
        int fd;
        while ((fd = libc.socket(domain, type | SOCK_CLOEXEC, protocol)) < 0
                && retry("socket", "(" + domain + ", " + type + ", " + protocol + ")", false)) {
            // EINTR: again
        }
        return fd;
    }

    /** Binds to the socket address of {@code length} bytes at {@code address}. */
    void bind(int fd, Pointer address, int length) throws ErrnoException {
        while (libc.bind(fd, address, length) != 0 && retry("bind", "", false)) {
            // EINTR: again
        }
    }

    /** Reads the local address the socket is bound to into {@code address} ({@code capacity} bytes). */
    void localAddress(int fd, Pointer address, int capacity) throws ErrnoException {
        Pointer length = allocate(4);
        length.putInt(0, capacity);
        while (libc.getsockname(fd, address, length) != 0 && retry("getsockname", "", false)) {
            length.putInt(0, capacity);
        }
    }

    void setOption(int fd, int level, int option, Pointer value, int length) throws ErrnoException {
        while (libc.setsockopt(fd, level, option, value, length) != 0
                && retry("setsockopt", "(" + level + ", " + option + ")", false)) {
            // EINTR: again
        }
    }

    void setIntOption(int fd, int level, int option, int value) throws ErrnoException {
        Pointer p = allocate(4);
        p.putInt(0, value);
        setOption(fd, level, option, p, 4);
    }

    /**
     * Sends the message at {@code message} ({@code struct msghdr}) without blocking.
     *
     * @return bytes sent, or -1 if the socket's send buffer is full
     */
    long sendmsg(int fd, Pointer message) throws ErrnoException {
        long n;
        while ((n = libc.sendmsg(fd, message, MSG_DONTWAIT)) < 0 && retry("sendmsg", "", true)) {
            // EINTR: again
        }
        return n;
    }

    /** @return bytes received, or -1 if nothing is waiting */
    long recvmsg(int fd, Pointer message) throws ErrnoException {
        long n;
        while ((n = libc.recvmsg(fd, message, MSG_DONTWAIT)) < 0 && retry("recvmsg", "", true)) {
            // EINTR: again
        }
        return n;
    }

    /**
     * Receives one datagram into {@code dst} from 0 to its capacity.
     *
     * @param flags {@link #MSG_TRUNC} to learn the full length of a datagram that did not fit
     * @return the datagram's length (with {@code MSG_TRUNC}, possibly more than the capacity), or
     *         -1 if a non-blocking socket had nothing
     */
    long recv(int fd, ByteBuffer dst, int flags, String what) throws ErrnoException {
        long n;
        while ((n = libc.recv(fd, dst, dst.capacity(), flags)) < 0 && retry("recv", what, true)) {
            // EINTR: again
        }
        return n;
    }

    /** Wakes threads polling a socket; errors (not connected) are expected and ignored. */
    void shutdown(int fd) {
        libc.shutdown(fd, SHUT_RDWR);
    }

    /** @return the index of the named interface in the calling thread's network namespace */
    int interfaceIndex(String name) throws ErrnoException {
        int index;
        while ((index = libc.if_nametoindex(name)) == 0 && retry("if_nametoindex", name, false)) {
            // EINTR: again
        }
        return index;
    }
}
