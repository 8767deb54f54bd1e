package io.anyhome.ifs.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.RuleOverride;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's pins and forbids ({@code ifs:pin}, {@code ifs:forbid}, {@code ifs:clear}), held
 * in memory, and how they change a policy's decision: a forbidden uplink is left out of the
 * policy's snapshot and out of the decision; a pin places the flows it matches on its uplink
 * ahead of every policy rule while that uplink is usable (a pin of all traffic sets the default
 * uplink). Thread-safe.
 */
final class OperatorControl {
    private final List<RuleOverride> pins = new ArrayList<>();
    private final Set<String> forbidden = new LinkedHashSet<>();

    /** Pins flows matching the rule; a later pin with the same rule replaces the earlier. */
    synchronized void pin(FlowRule rule, String uplink) {
        pins.removeIf(p -> p.rule().equals(rule));
        pins.add(new RuleOverride(rule, uplink));
    }

    synchronized void forbid(String uplink) {
        forbidden.add(uplink);
    }

    synchronized void clear() {
        pins.clear();
        forbidden.clear();
    }

    synchronized List<RuleOverride> pins() {
        return List.copyOf(pins);
    }

    synchronized Set<String> forbidden() {
        return Set.copyOf(forbidden);
    }

    synchronized boolean isForbidden(String uplink) {
        return forbidden.contains(uplink);
    }

    /**
     * @param policyDecision the policy's decision
     * @param context the snapshot it was made on (forbidden uplinks already left out)
     * @return the decision with the pins applied and forbidden uplinks removed; unchanged if
     *     there is nothing to apply
     */
    Decision apply(Decision policyDecision, SelectionContext context) {
        List<RuleOverride> activePins = new ArrayList<>();
        Set<String> banned;
        synchronized (this) {
            banned = Set.copyOf(forbidden);
            for (RuleOverride p : pins) {
                if (!banned.contains(p.uplink()) && context.uplink(p.uplink()).map(UplinkSnapshot::isUsable).orElse(false)) {
                    activePins.add(p);
                }
            }
        }
        if (activePins.isEmpty() && banned.stream().noneMatch(policyDecision.uplinksUsed()::contains)) {
            return policyDecision;
        }
        Decision.Builder b = Decision.builder();
        String defaultUplink = policyDecision.defaultUplink().filter(u -> !banned.contains(u)).orElse(null);
        List<String> notes = new ArrayList<>();
        for (RuleOverride p : activePins) {
            if (p.rule().equals(FlowRule.any())) {
                defaultUplink = p.uplink();
            } else {
                b.routeRule(p.rule(), p.uplink());
            }
            notes.add(p.rule() + " -> " + p.uplink());
        }
        b.defaultUplink(defaultUplink);
        for (RuleOverride r : policyDecision.ruleOverrides()) {
            if (!banned.contains(r.uplink())) {
                b.routeRule(r.rule(), r.uplink());
            }
        }
        for (Map.Entry<FlowKey, String> e : policyDecision.flowOverrides().entrySet()) {
            if (!banned.contains(e.getValue())) {
                b.routeFlow(e.getKey(), e.getValue());
            }
        }
        for (RuleOverride r : policyDecision.ruleDuplicates()) {
            if (!banned.contains(r.uplink())) {
                b.duplicateRule(r.rule(), r.uplink());
            }
        }
        for (Map.Entry<FlowKey, String> e : policyDecision.flowDuplicates().entrySet()) {
            if (!banned.contains(e.getValue())) {
                b.duplicateFlow(e.getKey(), e.getValue());
            }
        }
        String reason = policyDecision.reason();
        if (!notes.isEmpty()) {
            reason = "operator pin " + String.join(", ", notes) + "; policy: " + reason;
        }
        if (!banned.isEmpty()) {
            reason = reason + "; forbidden: " + String.join(", ", banned);
        }
        return b.reason(reason).build();
    }
}
