package io.anyhome.ifs.internal;

import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.PolicyDTO;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The policies the {@link PolicyEngine} may call, the configured active name, and which policies
 * are disabled after a failure. Thread-safe: policies come and go on service threads while the
 * engine evaluates on its own.
 *
 * <p>The effective policy is the configured one if it is registered and enabled, else the enabled
 * policy with the highest service ranking (DESIGN.md, "Policies"). A disabled policy stays
 * disabled until it is registered again or selected again with {@link #setActive}.
 */
final class PolicyRegistry {
    private final List<PolicySlot> slots = new ArrayList<>();
    private String configured;

    synchronized void add(String name, int ranking, long serviceId, String bundle, InterfaceSelectionPolicy policy) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("policy service " + serviceId + " has no name");
        }
        Objects.requireNonNull(policy, "policy");
        slots.removeIf(s -> s.serviceId == serviceId);
        slots.add(new PolicySlot(name.strip(), ranking, serviceId, bundle, policy));
        slots.sort(PolicySlot::byPreference);
    }

    synchronized boolean remove(long serviceId) {
        return slots.removeIf(s -> s.serviceId == serviceId);
    }

    synchronized void setActive(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.strip();
        if (slots.stream().noneMatch(s -> s.name.equals(n))) {
            TreeSet<String> known = new TreeSet<>();
            slots.forEach(s -> known.add(s.name));
            throw new IllegalArgumentException("no policy named '" + n + "' is registered; known: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        configure(n);
    }

    synchronized void configure(String name) {
        configured = name == null || name.isBlank() ? null : name.strip();
        for (PolicySlot s : slots) {
            if (s.name.equals(configured)) {
                s.disabled = false;
            }
        }
    }

    synchronized String configured() {
        return configured;
    }

    /** @return the enabled policies in the order the engine tries them: the effective one first */
    synchronized List<PolicySlot> candidates() {
        List<PolicySlot> out = new ArrayList<>(slots.size());
        for (PolicySlot s : slots) {
            if (!s.disabled && s.name.equals(configured)) {
                out.add(s);
                break;
            }
        }
        for (PolicySlot s : slots) {
            if (!s.disabled && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** @return why the configured policy cannot be used now, or null if it can (or none is configured) */
    synchronized String configuredUnavailable() {
        if (configured == null) {
            return null;
        }
        PolicySlot disabled = null;
        for (PolicySlot s : slots) {
            if (s.name.equals(configured)) {
                if (!s.disabled) {
                    return null;
                }
                disabled = s;
            }
        }
        return disabled == null ? "policy '" + configured + "' is not registered"
                : "policy '" + configured + "' is disabled (" + disabled.lastFailure + ")";
    }

    synchronized void succeeded(PolicySlot slot, long micros) {
        slot.evaluations++;
        slot.lastEvaluationMicros = micros;
    }

    synchronized void failed(PolicySlot slot, long micros, String failure) {
        slot.evaluations++;
        slot.failures++;
        slot.lastEvaluationMicros = micros;
        slot.lastFailure = failure;
        slot.disabled = true;
    }

    synchronized List<PolicyDTO> dtos() {
        List<PolicySlot> candidates = candidates();
        PolicySlot effective = candidates.isEmpty() ? null : candidates.get(0);
        List<PolicyDTO> out = new ArrayList<>(slots.size());
        for (PolicySlot s : slots) {
            out.add(s.toDTO(s == effective));
        }
        return out;
    }
}
