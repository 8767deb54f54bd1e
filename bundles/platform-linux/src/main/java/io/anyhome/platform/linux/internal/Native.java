package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The C library calls of the TUN device, the sysctl-free link settings and the capability probe,
 * through jnr-ffi. Every wrapper retries {@code EINTR} and turns a failure into a
 * {@link NativeException} carrying errno and {@code strerror}.
 *
 * <p>jffi, under jnr-ffi, extracts its stub library before the first call;
 * {@link #useExtractDirectory(String)} must come first so that the library lands in the node's
 * state directory ({@code DIR/run/native}) and not in a {@code /tmp} that may be mounted
 * {@code noexec}. Loading happens once per class loader; its failure is kept and reported by
 * {@link #failure()}, never thrown from another thread.
 */
final class Native {
    /** jffi reads this system property once, when its stub loader initialises. */
    static final String EXTRACT_DIR_PROPERTY = "jffi.extract.dir";

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int EAFNOSUPPORT = 97;

    static final int O_RDWR = 0x2;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;

    static final short POLLIN = 0x1;
    static final short POLLOUT = 0x4;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_ROUTE = 0;

    static final int EFD_CLOEXEC = 0x80000;
    static final int EFD_NONBLOCK = 0x800;

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
        int poll(ByteBuffer fds, @size_t long nfds, int timeout);

        int socket(int domain, int type, int protocol);

        int if_nametoindex(String name);

        int eventfd(int initval, int flags);

        String strerror(int errnum);
    }

    private static Native loaded;
    private static Throwable failure;

    private final LibC libc;
    private final Runtime runtime;

    private Native(LibC libc) {
        this.libc = libc;
        this.runtime = Runtime.getRuntime(libc);
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
     *         cannot be loaded here (the cause says why)
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

    /** @return why loading failed, or null if it worked or was not tried yet */
    static synchronized Throwable failure() {
        return failure;
    }

    int errno() {
        return LastError.getLastError(runtime);
    }

    private NativeException failed(String call, int errno) {
        return new NativeException(call, errno, libc.strerror(errno));
    }

    int open(String path, int flags) throws NativeException {
        while (true) {
            int fd = libc.open(path, flags);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (e != EINTR) {
                throw failed("open " + path, e);
            }
        }
    }

    /** Closes a descriptor; a failure is ignored, since the descriptor is gone either way on Linux. */
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
    long read(int fd, ByteBuffer dst, String what) throws NativeException {
        while (true) {
            long n = libc.read(fd, dst, dst.remaining());
            if (n >= 0) {
                return n;
            }
            int e = errno();
            if (e == EAGAIN) {
                return -1;
            }
            if (e != EINTR) {
                throw failed("read " + what, e);
            }
        }
    }

    /**
     * Writes the bytes between position and limit once; does not move the position.
     *
     * @return the byte count, or -1 if a non-blocking descriptor could not take them ({@code EAGAIN})
     */
    long write(int fd, ByteBuffer src, String what) throws NativeException {
        while (true) {
            long n = libc.write(fd, src, src.remaining());
            if (n >= 0) {
                return n;
            }
            int e = errno();
            if (e == EAGAIN) {
                return -1;
            }
            if (e != EINTR) {
                throw failed("write " + what, e);
            }
        }
    }

    void ioctl(int fd, long request, ByteBuffer arg, String what) throws NativeException {
        while (libc.ioctl(fd, request, arg) < 0) {
            int e = errno();
            if (e != EINTR) {
                throw failed("ioctl " + what, e);
            }
        }
    }

    void ioctl(int fd, long request, long arg, String what) throws NativeException {
        while (libc.ioctl(fd, request, arg) < 0) {
            int e = errno();
            if (e != EINTR) {
                throw failed("ioctl " + what, e);
            }
        }
    }

    /**
     * Waits on the {@code struct pollfd} entries in {@code fds} (8 bytes each, native order).
     *
     * @return the number of ready entries; 0 on timeout
     */
    int poll(ByteBuffer fds, int count, int timeoutMillis) throws NativeException {
        while (true) {
            int n = libc.poll(fds, count, timeoutMillis);
            if (n >= 0) {
                return n;
            }
            int e = errno();
            if (e != EINTR) {
                throw failed("poll", e);
            }
        }
    }

    int socket(int domain, int type, int protocol) throws NativeException {
        int fd = libc.socket(domain, type, protocol);
        if (fd < 0) {
            throw failed("socket(" + domain + ", " + type + ", " + protocol + ")", errno());
        }
        return fd;
    }

    int eventfd() throws NativeException {
        int fd = libc.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0) {
            throw failed("eventfd", errno());
        }
        return fd;
    }

    /** @return the interface's index, or 0 if there is none by that name */
    int interfaceIndex(String name) {
        return libc.if_nametoindex(name);
    }
}
