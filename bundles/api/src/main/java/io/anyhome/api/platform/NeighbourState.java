package io.anyhome.api.platform;

/**
 * A neighbour cache entry's state ({@code NUD_*}). Part of {@link NeighbourEvent}; a router that
 * turns {@link #FAILED} is a sign of a path that fails silently.
 */
public enum NeighbourState {
    /** Address resolution in progress. */
    INCOMPLETE,
    /** Recently confirmed reachable. */
    REACHABLE,
    /** Reachability not recently confirmed. */
    STALE,
    /** Waiting before probing. */
    DELAY,
    /** Probing reachability. */
    PROBE,
    /** Resolution or probing failed. */
    FAILED,
    /** No resolution needed on this link. */
    NOARP,
    /** Configured statically. */
    PERMANENT,
    /** No state (for example a proxy entry). */
    NONE
}
