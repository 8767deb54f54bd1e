package io.anyhome.shell.internal;

import io.anyhome.api.AnyhomeException;

/**
 * How a service's checked error becomes a command's outcome: {@code INVALID_ARGUMENT} is a usage
 * error (exit status 2 over the control socket), every other code a failed command (exit 1).
 */
final class CommandErrors {
    private CommandErrors() {
    }

    /**
     * @param e what the service threw
     * @return the same exception, to rethrow, when it is not a usage error
     * @throws IllegalArgumentException with the service's message when it is one
     */
    static AnyhomeException usageOr(AnyhomeException e) {
        if (e.code() == AnyhomeException.Code.INVALID_ARGUMENT) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return e;
    }
}
