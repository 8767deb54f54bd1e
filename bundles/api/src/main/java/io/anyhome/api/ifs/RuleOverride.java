package io.anyhome.api.ifs;

import java.util.Objects;

/**
 * One rule of a {@link Decision}: flows matching {@link #rule()} go to (or are duplicated onto)
 * {@link #uplink()}. Rules are tried in order; the first match wins.
 *
 * @param rule the match
 * @param uplink the uplink id
 */
public record RuleOverride(FlowRule rule, String uplink) {
    /**
     * Validates the fields.
     *
     * @param rule the match
     * @param uplink the uplink id
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public RuleOverride {
        Objects.requireNonNull(rule, "rule");
        Uplinks.requireId("uplink", uplink);
    }
}
