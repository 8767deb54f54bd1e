package io.anyhome.api.ifs;

import java.util.Objects;
import java.util.Optional;

/**
 * What a policy knows about one active flow at evaluation time: part of a
 * {@link SelectionContext}. Immutable.
 *
 * @param key the flow
 * @param dscp the DSCP of its packets, 0..63
 * @param currentUplink the uplink carrying it now, empty if not yet placed
 * @param bytes bytes seen in the flow so far
 * @param lastSeenAt when its last packet was seen, epoch milliseconds
 */
public record FlowSnapshot(FlowKey key, int dscp, Optional<String> currentUplink, long bytes, long lastSeenAt) {
    /**
     * Validates the fields.
     *
     * @param key the flow
     * @param dscp the DSCP of its packets, 0..63
     * @param currentUplink the uplink carrying it now, empty if not yet placed
     * @param bytes bytes seen in the flow so far
     * @param lastSeenAt when its last packet was seen, epoch milliseconds
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public FlowSnapshot {
        Objects.requireNonNull(key, "key");
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException("dscp " + dscp + " is outside 0..63");
        }
        Objects.requireNonNull(currentUplink, "currentUplink");
        currentUplink.ifPresent(u -> Uplinks.requireId("currentUplink", u));
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes " + bytes + " is negative");
        }
    }
}
