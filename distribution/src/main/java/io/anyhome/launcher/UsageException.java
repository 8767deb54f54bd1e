package io.anyhome.launcher;

/** A command line or configuration the launcher refuses; {@link Main} prints it and exits 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
