package io.anyhome.policy.priority.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.PathState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Snapshot fixtures for the priority policy's tests, and a stand-in for the engine's memory. */
final class Uplinks {
    private Uplinks() {
    }

    static UplinkSnapshot up(String id, Technology technology) {
        return new UplinkSnapshot(id, technology, NicState.UP, Map.of(), 0, false, 0, Optional.empty(),
                BindingState.REGISTERED, PathState.UP);
    }

    static UplinkSnapshot down(String id, Technology technology) {
        return new UplinkSnapshot(id, technology, NicState.DOWN, Map.of(), 0, false, 0, Optional.empty(),
                BindingState.NONE, PathState.DOWN);
    }

    static SelectionContext first(long now, UplinkSnapshot... uplinks) {
        return new SelectionContext(now, List.of(uplinks), List.of(), null, 0);
    }

    static SelectionContext after(Decision previous, long decidedAt, long now, UplinkSnapshot... uplinks) {
        return new SelectionContext(now, List.of(uplinks), List.of(), previous, decidedAt);
    }

    static PriorityPolicy policy(String order, String failback, long holdDownMs) {
        return new PriorityPolicy(PrioritySettings.from(Map.of("order", order, "failback", failback,
                "holdDownMs", holdDownMs)));
    }

    /**
     * What the selection engine remembers between evaluations: the decision in force and when it
     * was made, a decision counting as new when it differs from the one in force (reason included).
     */
    static final class Engine {
        private final InterfaceSelectionPolicy policy;
        private Decision inForce;
        private long decidedAt;
        private int routingChanges;

        Engine(InterfaceSelectionPolicy policy) {
            this.policy = policy;
        }

        Decision evaluate(long now, UplinkSnapshot... uplinks) {
            Decision d = policy.decide(new SelectionContext(now, List.of(uplinks), List.of(), inForce, decidedAt));
            if (inForce != null && !d.sameRouting(inForce)) {
                routingChanges++;
            }
            if (!d.equals(inForce)) {
                inForce = d;
                decidedAt = now;
            }
            return d;
        }

        int routingChanges() {
            return routingChanges;
        }
    }
}
