package io.anyhome.api;

import java.util.Objects;

/**
 * The checked exception thrown by anyhome API methods: a {@link Code} that callers can act on,
 * and a message a person can act on.
 *
 * <p>Services throw it (or a subclass such as {@code PlatformException} or
 * {@code NicClaimException}); callers such as the shell turn it into a failed command whose
 * message is the exception's message. Background failures are not thrown at anyone: they are
 * logged once and shown in the {@code failure} field of the relevant DTO.
 */
public class AnyhomeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; small on purpose, the message carries the detail. */
    public enum Code {
        /** An argument or a configuration value is not acceptable. */
        INVALID_ARGUMENT,
        /** The named thing (interface, uplink, binding, policy) does not exist. */
        NOT_FOUND,
        /** The request conflicts with current state, for example an interface claimed by another driver. */
        CONFLICT,
        /** A needed capability or service is missing (no TUN, no CAP_NET_ADMIN, no usable uplink). */
        UNAVAILABLE,
        /** The operating system refused the operation for lack of privilege. */
        PERMISSION_DENIED,
        /** The handle, device or endpoint has been closed. */
        CLOSED,
        /** An input/output operation failed. */
        IO_ERROR
    }

    /** What kind of failure this is. */
    private final Code code;

    /**
     * @param code what kind of failure this is
     * @param message what failed and, where possible, what to do about it
     */
    public AnyhomeException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code what kind of failure this is
     * @param message what failed and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public AnyhomeException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return what kind of failure this is */
    public Code code() {
        return code;
    }
}
