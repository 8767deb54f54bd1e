package io.anyhome.api.platform;

/**
 * A link's operational state as the kernel reports it ({@code IFLA_OPERSTATE}, RFC 2863).
 * Part of {@link LinkEvent}.
 */
public enum OperState {
    /** The state is not known (many virtual links report this while working). */
    UNKNOWN,
    /** A component is missing. */
    NOT_PRESENT,
    /** The link is down. */
    DOWN,
    /** A lower layer (such as the carrier) is down. */
    LOWER_LAYER_DOWN,
    /** The link is in a test mode. */
    TESTING,
    /** The link waits for an event (for example WLAN authentication). */
    DORMANT,
    /** The link can pass packets. */
    UP
}
