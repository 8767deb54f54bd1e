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
        return up(id, technology, 0);
    }

    /** An uplink usable since {@code since} (epoch ms). */
    static UplinkSnapshot up(String id, Technology technology, long since) {
        return new UplinkSnapshot(id, technology, NicState.UP, Map.of(), 0, false, 0, Optional.empty(),
                BindingState.REGISTERED, PathState.UP, since);
    }

    static UplinkSnapshot down(String id, Technology technology) {
        return new UplinkSnapshot(id, technology, NicState.DOWN, Map.of(), 0, false, 0, Optional.empty(),
                BindingState.NONE, PathState.DOWN, 0);
    }

    private static UplinkSnapshot since(UplinkSnapshot u, long since) {
        return new UplinkSnapshot(u.id(), u.technology(), u.state(), u.metrics(), u.cost(), u.metered(),
                u.usageBytes(), u.careOfAddress(), u.bindingState(), u.pathState(), since);
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
     * What the selection engine remembers between evaluations, as SelectionContext documents it:
     * the decision in force, when its routing began (moved only when the routing changes), and
     * for each uplink when its usability last changed.
     */
    static final class Engine {
        private final InterfaceSelectionPolicy policy;
        private Decision inForce;
        private long decidedAt;
        private int routingChanges;
        private final Map<String, long[]> usability = new java.util.HashMap<>(); // id -> {usable 0/1, since}

        Engine(InterfaceSelectionPolicy policy) {
            this.policy = policy;
        }

        Decision evaluate(long now, UplinkSnapshot... uplinks) {
            List<UplinkSnapshot> seen = new java.util.ArrayList<>();
            for (UplinkSnapshot u : uplinks) {
                long usable = u.isUsable() ? 1 : 0;
                long[] was = usability.get(u.id());
                if (was == null || was[0] != usable) {
                    was = new long[] {usable, now};
                    usability.put(u.id(), was);
                }
                seen.add(since(u, was[1]));
            }
            Decision d = policy.decide(new SelectionContext(now, seen, List.of(), inForce, decidedAt));
            if (inForce == null || !d.sameRouting(inForce)) {
                if (inForce != null) {
                    routingChanges++;
                }
                decidedAt = now;
            }
            inForce = d;
            return d;
        }

        int routingChanges() {
            return routingChanges;
        }
    }
}
