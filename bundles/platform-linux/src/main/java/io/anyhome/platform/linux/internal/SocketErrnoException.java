package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;

/**
 * A socket system call that failed with an {@code errno}: thrown by {@link SocketNative} and turned
 * into a {@link PlatformException} by the endpoints, with a message naming the operation.
 */
final class SocketErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String call;

    SocketErrnoException(String call, int errno, String strerror) {
        super(call + ": " + strerror);
        this.call = call;
        this.errno = errno;
    }

    /** @return the error number */
    int errno() {
        return errno;
    }

    /** @return the system call that failed */
    String call() {
        return call;
    }

    /**
     * @param operation what was attempted, with its arguments (the address, the option)
     * @return the failure as the API reports it: the operation, the kernel's words and the errno
     */
    PlatformException toPlatformException(String operation) {
        PlatformException e = new PlatformException(codeOf(errno), operation + ": " + getMessage(), errno, null);
        e.initCause(this);
        return e;
    }

    static Code codeOf(int errno) {
        return switch (errno) {
            case SocketNative.EPERM, SocketNative.EACCES -> Code.PERMISSION_DENIED;
            case SocketNative.EBADF -> Code.CLOSED;
            case SocketNative.ENODEV -> Code.NOT_FOUND;
            case SocketNative.EADDRINUSE -> Code.CONFLICT;
            case SocketNative.EADDRNOTAVAIL, SocketNative.EINVAL, SocketNative.EAFNOSUPPORT -> Code.INVALID_ARGUMENT;
            case SocketNative.ENOPROTOOPT, SocketNative.EPROTONOSUPPORT -> Code.UNAVAILABLE;
            default -> Code.IO_ERROR;
        };
    }
}
