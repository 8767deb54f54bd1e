package io.anyhome.api.platform;

import io.anyhome.api.AnyhomeException;
import java.util.Optional;

/**
 * A failed operating-system operation, thrown by every {@link Platform} method and by the
 * devices and endpoints it opens. Carries the {@code errno} and, for rtnetlink, the kernel's
 * extended acknowledgement message (which often says exactly what was wrong).
 *
 * <p>Thrown by {@code platform-linux} and {@code platform-sim}; caught by the bundles that
 * configure the system (vi, ifs, mobility, homeagent).
 */
public class PlatformException extends AnyhomeException {
    private static final long serialVersionUID = 1L;

    /** The operating system's error number, 0 if none. */
    private final int errno;
    /** The kernel's extended acknowledgement, or null. */
    private final String extendedAck;

    /**
     * @param code what kind of failure this is
     * @param message the operation and its arguments, for example {@code "add route 2001:db8::/64 table
     *        100"}
     * @param errno the operating system's error number, 0 if none
     * @param extendedAck the kernel's extended acknowledgement message, or null if none
     */
    public PlatformException(Code code, String message, int errno, String extendedAck) {
        super(code, compose(message, errno, extendedAck));
        this.errno = errno;
        this.extendedAck = extendedAck == null || extendedAck.isEmpty() ? null : extendedAck;
    }

    /**
     * A failure without an errno (for example a capability that is not present).
     *
     * @param code what kind of failure this is
     * @param message what failed
     */
    public PlatformException(Code code, String message) {
        this(code, message, 0, null);
    }

    private static String compose(String message, int errno, String extendedAck) {
        StringBuilder sb = new StringBuilder(String.valueOf(message));
        if (errno != 0) {
            sb.append(" (errno ").append(errno).append(')');
        }
        if (extendedAck != null && !extendedAck.isEmpty()) {
            sb.append(": ").append(extendedAck);
        }
        return sb.toString();
    }

    /** @return the operating system's error number, 0 if none */
    public int errno() {
        return errno;
    }

    /** @return the kernel's extended acknowledgement message, if it sent one */
    public Optional<String> extendedAck() {
        return Optional.ofNullable(extendedAck);
    }
}
