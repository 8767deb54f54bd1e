package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;

/**
 * A failed system call or a netlink request the kernel refused: the positive {@code errno} and,
 * for netlink, the kernel's extended acknowledgement message ({@code NLMSGERR_ATTR_MSG}) if it
 * sent one. Thrown by {@link NetlinkNative} and {@link NetlinkSocket}; the rtnetlink and nl80211
 * classes turn it into a {@code PlatformException} with the operation that failed.
 */
final class NetlinkErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ERANGE = 34;
    static final int EOPNOTSUPP = 95;
    static final int EAFNOSUPPORT = 97;
    static final int EADDRNOTAVAIL = 99;
    static final int ENETUNREACH = 101;
    static final int ENOBUFS = 105;
    static final int EPERM = 1;
    static final int EPROTONOSUPPORT = 93;
    static final int EHOSTUNREACH = 113;

    private final int errno;
    private final String extendedAck;

    NetlinkErrnoException(String operation, int errno) {
        this(operation, errno, "");
    }

    NetlinkErrnoException(String operation, int errno, String extendedAck) {
        super(operation + ": " + describe(errno) + (extendedAck.isEmpty() ? "" : ": " + extendedAck));
        this.errno = errno;
        this.extendedAck = extendedAck;
    }

    /** @return the positive errno */
    int errno() {
        return errno;
    }

    /** @return the kernel's extended acknowledgement message, empty if it sent none */
    String extendedAck() {
        return extendedAck;
    }

    /**
     * Turns a failed netlink operation into the API's exception: errno, the kernel's extended
     * acknowledgement, and a code the caller can act on.
     *
     * @param what the operation, in words a person recognises ({@code add route ...})
     * @param failure the failure; an {@link IOException} other than this class has no errno
     * @return the exception to throw
     */
    static PlatformException toPlatformException(String what, IOException failure) {
        if (failure instanceof NetlinkErrnoException e) {
            return new PlatformException(code(e.errno), what + " failed: " + name(e.errno), e.errno, e.extendedAck);
        }
        return new PlatformException(Code.IO_ERROR, what + " failed: " + failure.getMessage());
    }

    static Code code(int errno) {
        return switch (errno) {
            case EPERM, EACCES -> Code.PERMISSION_DENIED;
            case ENOENT, ESRCH, ENODEV, EADDRNOTAVAIL -> Code.NOT_FOUND;
            case EEXIST -> Code.CONFLICT;
            case EINVAL, ERANGE, ENETUNREACH, EHOSTUNREACH -> Code.INVALID_ARGUMENT;
            case EAFNOSUPPORT, EPROTONOSUPPORT, EOPNOTSUPP -> Code.UNAVAILABLE;
            default -> Code.IO_ERROR;
        };
    }

    /**
     * @param errno a positive errno
     * @return its symbolic name and number, for messages
     */
    static String describe(int errno) {
        return name(errno) + " (" + errno + ")";
    }

    /**
     * @param errno a positive errno
     * @return its symbolic name, or {@code errno N} for one without a name here
     */
    static String name(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case ESRCH -> "ESRCH";
            case EINTR -> "EINTR";
            case EAGAIN -> "EAGAIN";
            case EACCES -> "EACCES";
            case EEXIST -> "EEXIST";
            case ENODEV -> "ENODEV";
            case EINVAL -> "EINVAL";
            case ERANGE -> "ERANGE";
            case EPROTONOSUPPORT -> "EPROTONOSUPPORT";
            case EOPNOTSUPP -> "EOPNOTSUPP";
            case EAFNOSUPPORT -> "EAFNOSUPPORT";
            case EADDRNOTAVAIL -> "EADDRNOTAVAIL";
            case ENETUNREACH -> "ENETUNREACH";
            case ENOBUFS -> "ENOBUFS";
            case EHOSTUNREACH -> "EHOSTUNREACH";
            default -> "errno " + errno;
        };
    }
}
