package io.anyhome.api.ifs;

import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.PathState;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a policy knows about one uplink at evaluation time: part of a {@link SelectionContext}.
 * Immutable.
 *
 * @param id the uplink id (the interface name)
 * @param technology its technology
 * @param state the NIC state (overrides applied)
 * @param metrics the effective metrics ({@code io.anyhome.api.nic.NicMetrics} keys), unmodifiable
 * @param cost the effective cost, 0 if unknown
 * @param metered whether the uplink is metered
 * @param usageBytes bytes sent and received over the uplink in the current accounting period, as its
 *     interface counts them (tunnel overhead and signalling included), kept across node restarts
 * @param careOfAddress the uplink's usable care-of address, if it has one
 * @param bindingState the state of the home agent binding through the uplink
 * @param pathState the state of the uplink's path
 * @param usableSince when {@link #isUsable()} last changed value (epoch milliseconds): how long
 *     the uplink has been usable, or unusable; a policy's hold-down before failing back reads it
 */
public record UplinkSnapshot(String id, Technology technology, NicState state, Map<String, Double> metrics,
        double cost, boolean metered, long usageBytes, Optional<InetAddress> careOfAddress,
        BindingState bindingState, PathState pathState, long usableSince) {

    /**
     * Validates and copies the fields.
     *
     * @param id the uplink id (the interface name)
     * @param technology its technology
     * @param state the NIC state (overrides applied)
     * @param metrics the effective metrics ({@code io.anyhome.api.nic.NicMetrics} keys), unmodifiable
     * @param cost the effective cost, 0 if unknown
     * @param metered whether the uplink is metered
     * @param usageBytes bytes sent and received over the uplink in the current accounting period, as its
     *     interface counts them (tunnel overhead and signalling included), kept across node restarts
     * @param careOfAddress the uplink's usable care-of address, if it has one
     * @param bindingState the state of the home agent binding through the uplink
     * @param pathState the state of the uplink's path
     * @param usableSince when {@link #isUsable()} last changed value, epoch milliseconds
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public UplinkSnapshot {
        Uplinks.requireId("id", id);
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(state, "state");
        metrics = Map.copyOf(metrics);
        if (!Double.isFinite(cost) || cost < 0) {
            throw new IllegalArgumentException("cost " + cost + " of uplink " + id + " is not a finite non-negative number");
        }
        if (usageBytes < 0) {
            throw new IllegalArgumentException("usageBytes " + usageBytes + " of uplink " + id + " is negative");
        }
        Objects.requireNonNull(careOfAddress, "careOfAddress");
        Objects.requireNonNull(bindingState, "bindingState");
        Objects.requireNonNull(pathState, "pathState");
        if (usableSince < 0) {
            throw new IllegalArgumentException("usableSince " + usableSince + " of uplink " + id + " is negative");
        }
    }

    /**
     * @param key a metric key
     * @return the metric's value, if known
     */
    public OptionalDouble metric(String key) {
        Double v = metrics.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** @return true if traffic can go over this uplink now: NIC up and path usable */
    public boolean isUsable() {
        return state == NicState.UP && pathState.isUsable();
    }
}
