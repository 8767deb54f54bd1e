package io.anyhome.api.ifs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@link InterfaceSelectionPolicy} decided: the default uplink, per-flow and per-rule
 * overrides, flows to duplicate onto a second uplink, and the reason, which the handover log and
 * the shell show. Immutable; build one with {@link #builder()} or the static factories.
 *
 * <p>A flow's uplink is found in this order: its per-flow override, the first matching rule
 * override, the default uplink. New flows that appear between evaluations are placed by the
 * rules and the default. A decision without a default uplink says no uplink is usable; the
 * engine then keeps the current uplink while it is usable and logs the reason.
 *
 * <p>Duplication onto the uplink the flow already uses has no effect.
 */
public final class Decision {
    private final String defaultUplink;
    private final Map<FlowKey, String> flowOverrides;
    private final List<RuleOverride> ruleOverrides;
    private final Map<FlowKey, String> flowDuplicates;
    private final List<RuleOverride> ruleDuplicates;
    private final String reason;

    private Decision(Builder b) {
        if (b.reason == null || b.reason.isBlank()) {
            throw new IllegalArgumentException("reason is required: say why the policy decided this");
        }
        this.defaultUplink = b.defaultUplink;
        this.flowOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(b.flowOverrides));
        this.ruleOverrides = List.copyOf(b.ruleOverrides);
        this.flowDuplicates = Collections.unmodifiableMap(new LinkedHashMap<>(b.flowDuplicates));
        this.ruleDuplicates = List.copyOf(b.ruleDuplicates);
        this.reason = b.reason.strip();
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param uplink the uplink for all traffic
     * @param reason why
     * @return a decision sending everything over one uplink
     */
    public static Decision useUplink(String uplink, String reason) {
        return builder().defaultUplink(uplink).reason(reason).build();
    }

    /**
     * @param reason why no uplink can be chosen
     * @return a decision without a default uplink
     */
    public static Decision noUplink(String reason) {
        return builder().reason(reason).build();
    }

    /** @return the uplink for flows no override places, empty if none is usable */
    public Optional<String> defaultUplink() {
        return Optional.ofNullable(defaultUplink);
    }

    /** @return per-flow uplinks, unmodifiable */
    public Map<FlowKey, String> flowOverrides() {
        return flowOverrides;
    }

    /** @return rule-based uplinks in order (first match wins), unmodifiable */
    public List<RuleOverride> ruleOverrides() {
        return ruleOverrides;
    }

    /** @return per-flow second uplinks to duplicate onto, unmodifiable */
    public Map<FlowKey, String> flowDuplicates() {
        return flowDuplicates;
    }

    /** @return rule-based second uplinks in order (first match wins), unmodifiable */
    public List<RuleOverride> ruleDuplicates() {
        return ruleDuplicates;
    }

    /** @return why the policy decided this */
    public String reason() {
        return reason;
    }

    /**
     * @param key a flow
     * @param dscp its DSCP
     * @return the uplink the decision puts the flow on, empty if none
     */
    public Optional<String> uplinkFor(FlowKey key, int dscp) {
        String u = flowOverrides.get(key);
        if (u == null) {
            u = firstMatch(ruleOverrides, key, dscp);
        }
        return Optional.ofNullable(u != null ? u : defaultUplink);
    }

    /**
     * @param key a flow
     * @param dscp its DSCP
     * @return the second uplink the flow is duplicated onto, empty if none (or if it is the flow's own uplink)
     */
    public Optional<String> duplicateUplinkFor(FlowKey key, int dscp) {
        String d = flowDuplicates.get(key);
        if (d == null) {
            d = firstMatch(ruleDuplicates, key, dscp);
        }
        if (d == null || d.equals(uplinkFor(key, dscp).orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private static String firstMatch(List<RuleOverride> rules, FlowKey key, int dscp) {
        for (RuleOverride r : rules) {
            if (r.rule().matches(key, dscp)) {
                return r.uplink();
            }
        }
        return null;
    }

    /** @return every uplink this decision sends traffic over (mobility registers bindings for them) */
    public Set<String> uplinksUsed() {
        Set<String> s = new LinkedHashSet<>();
        if (defaultUplink != null) {
            s.add(defaultUplink);
        }
        s.addAll(flowOverrides.values());
        ruleOverrides.forEach(r -> s.add(r.uplink()));
        s.addAll(flowDuplicates.values());
        ruleDuplicates.forEach(r -> s.add(r.uplink()));
        return Collections.unmodifiableSet(s);
    }

    /**
     * @param other another decision
     * @return true if both place traffic the same way, whatever their reasons say; the engine
     *         logs a handover only when this is false
     */
    public boolean sameRouting(Decision other) {
        return other != null && Objects.equals(defaultUplink, other.defaultUplink)
                && flowOverrides.equals(other.flowOverrides) && ruleOverrides.equals(other.ruleOverrides)
                && flowDuplicates.equals(other.flowDuplicates) && ruleDuplicates.equals(other.ruleDuplicates);
    }

    /** @return a builder holding this decision's contents, to derive a changed one */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.defaultUplink = defaultUplink;
        b.flowOverrides.putAll(flowOverrides);
        b.ruleOverrides.addAll(ruleOverrides);
        b.flowDuplicates.putAll(flowDuplicates);
        b.ruleDuplicates.addAll(ruleDuplicates);
        b.reason = reason;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && sameRouting(d) && reason.equals(d.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultUplink, flowOverrides, ruleOverrides, flowDuplicates, ruleDuplicates, reason);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("default ").append(defaultUplink == null ? "none" : defaultUplink);
        flowOverrides.forEach((k, u) -> sb.append("; ").append(k).append(" -> ").append(u));
        ruleOverrides.forEach(r -> sb.append("; ").append(r.rule()).append(" -> ").append(r.uplink()));
        flowDuplicates.forEach((k, u) -> sb.append("; ").append(k).append(" +copy ").append(u));
        ruleDuplicates.forEach(r -> sb.append("; ").append(r.rule()).append(" +copy ").append(r.uplink()));
        return sb.append(" (").append(reason).append(')').toString();
    }

    /**
     * Collects a decision's parts; {@link #build()} checks them and copies them, so changing the
     * builder afterwards does not change a built decision. Not thread-safe.
     */
    public static final class Builder {
        private String defaultUplink;
        private final Map<FlowKey, String> flowOverrides = new LinkedHashMap<>();
        private final List<RuleOverride> ruleOverrides = new ArrayList<>();
        private final Map<FlowKey, String> flowDuplicates = new LinkedHashMap<>();
        private final List<RuleOverride> ruleDuplicates = new ArrayList<>();
        private String reason;

        private Builder() {
        }

        /**
         * @param uplink the uplink for flows no override places, or null for none
         * @return this builder
         */
        public Builder defaultUplink(String uplink) {
            this.defaultUplink = uplink == null ? null : Uplinks.requireId("defaultUplink", uplink);
            return this;
        }

        /**
         * @param key a flow
         * @param uplink the uplink for it
         * @return this builder
         */
        public Builder routeFlow(FlowKey key, String uplink) {
            flowOverrides.put(Objects.requireNonNull(key, "key"), Uplinks.requireId("uplink", uplink));
            return this;
        }

        /**
         * Appends a rule; earlier rules win.
         *
         * @param rule a match
         * @param uplink the uplink for matching flows
         * @return this builder
         */
        public Builder routeRule(FlowRule rule, String uplink) {
            ruleOverrides.add(new RuleOverride(rule, uplink));
            return this;
        }

        /**
         * @param key a flow
         * @param uplink the second uplink to send a copy of its packets over
         * @return this builder
         */
        public Builder duplicateFlow(FlowKey key, String uplink) {
            flowDuplicates.put(Objects.requireNonNull(key, "key"), Uplinks.requireId("uplink", uplink));
            return this;
        }

        /**
         * Appends a duplication rule; earlier rules win.
         *
         * @param rule a match
         * @param uplink the second uplink for matching flows
         * @return this builder
         */
        public Builder duplicateRule(FlowRule rule, String uplink) {
            ruleDuplicates.add(new RuleOverride(rule, uplink));
            return this;
        }

        /**
         * @param why why the policy decides this, for the handover log (required)
         * @return this builder
         */
        public Builder reason(String why) {
            this.reason = why;
            return this;
        }

        /**
         * @return the decision
         * @throws IllegalArgumentException if no reason was given
         */
        public Decision build() {
            return new Decision(this);
        }
    }
}
