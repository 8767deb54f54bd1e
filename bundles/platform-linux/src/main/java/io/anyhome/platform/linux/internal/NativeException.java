package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;

/**
 * A failed system call: the call, its errno and the C library's text for it. Thrown by
 * {@link Native}'s wrappers; the platform turns it into a {@link PlatformException} with
 * {@link #toPlatformException(String)} at the API boundary.
 */
final class NativeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String call;

    NativeException(String call, int errno, String strerror) {
        super(call + ": " + strerror + " (errno " + errno + ")");
        this.call = call;
        this.errno = errno;
    }

    /** @return the operating system's error number */
    int errno() {
        return errno;
    }

    /** @return the failed call, for example {@code ioctl TUNSETIFF} */
    String call() {
        return call;
    }

    /**
     * @param operation what the caller was doing, for example {@code open TUN device home0}
     * @return the exception the API promises, with a code chosen from the errno
     */
    PlatformException toPlatformException(String operation) {
        PlatformException e = new PlatformException(code(errno), operation + ": " + getMessage(), errno, null);
        e.initCause(this);
        return e;
    }

    static Code code(int errno) {
        switch (errno) {
            case Native.EPERM:
            case Native.EACCES:
                return Code.PERMISSION_DENIED;
            case Native.ENOENT:
            case Native.ENODEV:
            case Native.ENXIO:
                return Code.NOT_FOUND;
            case Native.EBUSY:
            case Native.EEXIST:
                return Code.CONFLICT;
            case Native.EINVAL:
                return Code.INVALID_ARGUMENT;
            case Native.EBADF:
                return Code.CLOSED;
            default:
                return Code.IO_ERROR;
        }
    }
}
