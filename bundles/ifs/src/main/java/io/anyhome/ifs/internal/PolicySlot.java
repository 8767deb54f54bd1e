package io.anyhome.ifs.internal;

import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.PolicyDTO;

/**
 * One registered policy as the {@link PolicyEngine} sees it: its identity, whether it is disabled
 * after a failure, and its counters. Guarded by the engine's registry lock.
 */
final class PolicySlot {
    final String name;
    final int ranking;
    final long serviceId;
    final String bundle;
    final InterfaceSelectionPolicy policy;
    /** Until when the policy is disabled after failures (epoch milliseconds), 0 while enabled. */
    long disabledUntil;
    /** Failures in a row; the back-off before the next attempt doubles with each. */
    int failureStreak;
    long evaluations;
    long failures;
    long lastEvaluationMicros;
    String lastFailure;

    PolicySlot(String name, int ranking, long serviceId, String bundle, InterfaceSelectionPolicy policy) {
        this.name = name;
        this.ranking = ranking;
        this.serviceId = serviceId;
        this.bundle = bundle;
        this.policy = policy;
    }

    /** Higher ranking first, then the lower service id, as OSGi orders services. */
    static int byPreference(PolicySlot a, PolicySlot b) {
        int c = Integer.compare(b.ranking, a.ranking);
        return c != 0 ? c : Long.compare(a.serviceId, b.serviceId);
    }

    boolean isDisabled(long now) {
        return disabledUntil > now;
    }

    void enable() {
        disabledUntil = 0;
        failureStreak = 0;
    }

    PolicyDTO toDTO(boolean active) {
        PolicyDTO d = new PolicyDTO();
        d.name = name;
        d.ranking = ranking;
        d.active = active;
        d.bundle = bundle;
        d.serviceId = serviceId;
        d.evaluations = evaluations;
        d.failures = failures;
        d.lastEvaluationMicros = lastEvaluationMicros;
        d.lastFailure = lastFailure;
        d.disabledUntil = disabledUntil;
        return d;
    }
}
