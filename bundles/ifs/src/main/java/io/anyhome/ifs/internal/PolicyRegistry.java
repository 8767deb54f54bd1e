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
 * policy with the highest service ranking (DESIGN.md, "Policies"). A policy that fails is
 * disabled for a back-off of {@value #FIRST_BACKOFF_MS} ms, doubling with each failure in a row up
 * to {@value #MAX_BACKOFF_MS} ms, then tried again: a hiccup (a cold JVM compiling the policy on
 * its first call) costs seconds, a broken policy is tried a few times an hour. Registering or
 * selecting it again enables it at once.
 */
final class PolicyRegistry {
    static final long FIRST_BACKOFF_MS = 5_000;
    static final long MAX_BACKOFF_MS = 300_000;

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
                s.enable();
            }
        }
    }

    synchronized String configured() {
        return configured;
    }

    /** @return the enabled policies in the order the engine tries them: the effective one first */
    synchronized List<PolicySlot> candidates(long now) {
        List<PolicySlot> out = new ArrayList<>(slots.size());
        for (PolicySlot s : slots) {
            if (!s.isDisabled(now) && s.name.equals(configured)) {
                out.add(s);
                break;
            }
        }
        for (PolicySlot s : slots) {
            if (!s.isDisabled(now) && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** @return why the configured policy cannot be used now, or null if it can (or none is configured) */
    synchronized String configuredUnavailable(long now) {
        if (configured == null) {
            return null;
        }
        PolicySlot disabled = null;
        for (PolicySlot s : slots) {
            if (s.name.equals(configured)) {
                if (!s.isDisabled(now)) {
                    return null;
                }
                disabled = s;
            }
        }
        return disabled == null ? "policy '" + configured + "' is not registered"
                : "policy '" + configured + "' is disabled for " + (disabled.disabledUntil - now + 999) / 1000
                        + " s more (" + disabled.lastFailure + ")";
    }

    synchronized void succeeded(PolicySlot slot, long micros) {
        slot.evaluations++;
        slot.enable();
        slot.lastEvaluationMicros = micros;
    }

    synchronized void failed(PolicySlot slot, long micros, String failure, long now) {
        slot.evaluations++;
        slot.failures++;
        slot.lastEvaluationMicros = micros;
        slot.lastFailure = failure;
        slot.failureStreak++;
        slot.disabledUntil = now + Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(slot.failureStreak - 1, 16));
    }

    synchronized List<PolicyDTO> dtos(long now) {
        List<PolicySlot> candidates = candidates(now);
        PolicySlot effective = candidates.isEmpty() ? null : candidates.get(0);
        List<PolicyDTO> out = new ArrayList<>(slots.size());
        for (PolicySlot s : slots) {
            out.add(s.toDTO(s == effective));
        }
        return out;
    }
}
