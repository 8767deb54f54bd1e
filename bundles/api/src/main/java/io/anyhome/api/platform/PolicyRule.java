package io.anyhome.api.platform;

import io.anyhome.api.IpPrefix;
import java.util.Objects;

/**
 * A policy routing rule {@code from <prefix> lookup <table> priority <n>}, installed with
 * {@link Platform#addRule(PolicyRule)}. Mobility gives each uplink a table and a rule from the
 * uplink's care-of address, so that tunnel packets leave by that uplink.
 *
 * @param from the source prefix, usually the care-of address as a host prefix
 * @param table the table to look up, 1 .. 2^31-1
 * @param priority the rule priority, 1 .. 32765 (ahead of the {@code main} rule at 32766)
 */
public record PolicyRule(IpPrefix from, int table, int priority) {
    /**
     * Validates the fields.
     *
     * @param from the source prefix, usually the care-of address as a host prefix
     * @param table the table to look up, 1 .. 2^31-1
     * @param priority the rule priority, 1 .. 32765 (ahead of the {@code main} rule at 32766)
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public PolicyRule {
        Objects.requireNonNull(from, "from");
        if (table <= 0) {
            throw new IllegalArgumentException("table " + table + " is not a positive table number");
        }
        if (priority < 1 || priority > 32765) {
            throw new IllegalArgumentException("priority " + priority + " is outside 1..32765");
        }
    }
}
