package io.anyhome.policy.signal.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the selection engine's part in tests: feeds each decision back as the previous one, and
 * moves the decision time only when the routing changes, as "when the decision in force was
 * made" means.
 */
final class FeedbackLoop {
    private final InterfaceSelectionPolicy policy;
    private Decision inForce;
    private long decidedAt;
    private final List<Decision> decisions = new ArrayList<>();
    private int switches;

    FeedbackLoop(InterfaceSelectionPolicy policy) {
        this.policy = policy;
    }

    /** Evaluates at {@code now} and returns the decision. */
    Decision evaluate(long now, UplinkSnapshot... uplinks) {
        Decision d = policy.decide(new SelectionContext(now, List.of(uplinks), List.of(), inForce, decidedAt));
        if (inForce == null || !d.sameRouting(inForce)) {
            if (inForce != null) {
                switches++;
            }
            decidedAt = now;
        }
        inForce = d;
        decisions.add(d);
        return d;
    }

    /** @return how often the routing changed after the first decision */
    int switches() {
        return switches;
    }

    /** @return every decision so far */
    List<Decision> decisions() {
        return decisions;
    }
}
