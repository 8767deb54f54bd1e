package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;

/**
 * A failed system call, or a netlink request the kernel refused: the positive {@code errno}, the
 * call, the C library's text for the errno and, for netlink, the kernel's extended acknowledgement
 * message ({@code NLMSGERR_ATTR_MSG}) if it sent one. Thrown by {@link Native} and
 * {@link NetlinkSocket}; the devices, endpoints and rtnetlink classes turn it into the API's
 * {@link PlatformException} with {@link #toPlatformException(String)}, naming the operation.
 */
final class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String call;
    private final String strerror;
    private final String extendedAck;

    /**
     * @param call the failed call, for example {@code ioctl TUNSETIFF} or {@code bind}
     * @param errno the positive errno
     * @param strerror the C library's text for it
     * @param extendedAck the kernel's extended acknowledgement message, empty if none
     */
    ErrnoException(String call, int errno, String strerror, String extendedAck) {
        super(call + ": " + reason(errno, strerror) + " (errno " + errno + ")"
                + (extendedAck.isEmpty() ? "" : ": " + extendedAck));
        this.errno = errno;
        this.call = call;
        this.strerror = strerror;
        this.extendedAck = extendedAck;
    }

    private static String reason(int errno, String strerror) {
        return strerror + " (" + name(errno) + ")";
    }

    /** @return the positive errno */
    int errno() {
        return errno;
    }

    /** @return the failed call, for example {@code ioctl TUNSETIFF} */
    String call() {
        return call;
    }

    /**
     * @return the call and the C library's words, without the errno and the extended ack, which
     *         {@link PlatformException} adds to its message itself
     */
    String detail() {
        return call + ": " + reason(errno, strerror);
    }

    /** @return the kernel's extended acknowledgement message, empty if it sent none */
    String extendedAck() {
        return extendedAck;
    }

    /**
     * @param operation what the caller was doing, with its arguments, for example
     *        {@code open TUN device home0} or {@code add route 2001:db8::/64 table 100}
     * @return the exception the API promises: the operation, the call and the kernel's words, the
     *         errno, the extended ack, and a code chosen from the errno
     */
    PlatformException toPlatformException(String operation) {
        // a netlink refusal names the operation as its call: say it once
        String message = operation + ": " + (call.equals(operation) ? reason(errno, strerror) : detail());
        PlatformException e = new PlatformException(code(errno), message, errno, extendedAck);
        e.initCause(this);
        return e;
    }

    /**
     * @param errno a positive errno
     * @return the code a caller acts on
     */
    static Code code(int errno) {
        return switch (errno) {
            case Native.EPERM, Native.EACCES -> Code.PERMISSION_DENIED;
            case Native.ENOENT, Native.ESRCH, Native.ENXIO, Native.ENODEV -> Code.NOT_FOUND;
            case Native.EBUSY, Native.EEXIST, Native.EADDRINUSE -> Code.CONFLICT;
            case Native.EINVAL, Native.ERANGE, Native.EADDRNOTAVAIL, Native.ENETUNREACH, Native.EHOSTUNREACH ->
                    Code.INVALID_ARGUMENT;
            case Native.EAFNOSUPPORT, Native.EPROTONOSUPPORT, Native.EOPNOTSUPP, Native.ENOPROTOOPT -> Code.UNAVAILABLE;
            case Native.EBADF -> Code.CLOSED;
            default -> Code.IO_ERROR;
        };
    }

    /**
     * @param errno a positive errno
     * @return its symbolic name, or {@code errno N} for one without a name here
     */
    static String name(int errno) {
        return switch (errno) {
            case Native.EPERM -> "EPERM";
            case Native.ENOENT -> "ENOENT";
            case Native.ESRCH -> "ESRCH";
            case Native.EINTR -> "EINTR";
            case Native.ENXIO -> "ENXIO";
            case Native.EBADF -> "EBADF";
            case Native.EAGAIN -> "EAGAIN";
            case Native.EACCES -> "EACCES";
            case Native.EBUSY -> "EBUSY";
            case Native.EEXIST -> "EEXIST";
            case Native.ENODEV -> "ENODEV";
            case Native.EINVAL -> "EINVAL";
            case Native.ERANGE -> "ERANGE";
            case Native.EMSGSIZE -> "EMSGSIZE";
            case Native.ENOPROTOOPT -> "ENOPROTOOPT";
            case Native.EPROTONOSUPPORT -> "EPROTONOSUPPORT";
            case Native.EOPNOTSUPP -> "EOPNOTSUPP";
            case Native.EAFNOSUPPORT -> "EAFNOSUPPORT";
            case Native.EADDRINUSE -> "EADDRINUSE";
            case Native.EADDRNOTAVAIL -> "EADDRNOTAVAIL";
            case Native.ENETDOWN -> "ENETDOWN";
            case Native.ENETUNREACH -> "ENETUNREACH";
            case Native.ENOBUFS -> "ENOBUFS";
            case Native.EHOSTUNREACH -> "EHOSTUNREACH";
            default -> "errno " + errno;
        };
    }
}
