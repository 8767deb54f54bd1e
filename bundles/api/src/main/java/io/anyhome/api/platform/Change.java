package io.anyhome.api.platform;

/**
 * Whether a monitor event reports something present (new, changed, or part of the initial dump)
 * or something that has gone. Mirrors rtnetlink's {@code RTM_NEW*} / {@code RTM_DEL*}.
 */
public enum Change {
    /** The object exists with the reported attributes (added, changed, or already there at registration). */
    NEW,
    /** The object has been removed. */
    DELETED
}
