package io.anyhome.api.path;

/**
 * The state of a {@link Path}, as mobility sees it from registrations and probes.
 */
public enum PathState {
    /** The uplink is up but the path is not ready (care-of address in DAD, binding being registered). */
    CONNECTING,
    /** The path carries traffic and probes answer. */
    UP,
    /** The path carries traffic but probes show loss or high delay. */
    DEGRADED,
    /** The path cannot carry traffic (uplink down, binding refused, probes fail). */
    DOWN;

    /** @return true if traffic may be sent over a path in this state ({@link #UP} or {@link #DEGRADED}) */
    public boolean isUsable() {
        return this == UP || this == DEGRADED;
    }
}
