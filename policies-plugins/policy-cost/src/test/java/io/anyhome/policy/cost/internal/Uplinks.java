package io.anyhome.policy.cost.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.PathState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds uplink snapshots and contexts for the cost policy tests. */
final class Uplinks {
    private Uplinks() {
    }

    static UplinkSnapshot up(String id, String technology, boolean metered, double cost, long usage) {
        return new UplinkSnapshot(id, Technology.of(technology), NicState.UP, Map.of(), cost, metered, usage,
                Optional.empty(), BindingState.REGISTERED, PathState.UP, 0);
    }

    static UplinkSnapshot up(String id, String technology, boolean metered, double cost) {
        return up(id, technology, metered, cost, 0);
    }

    static UplinkSnapshot down(UplinkSnapshot u) {
        return new UplinkSnapshot(u.id(), u.technology(), NicState.DOWN, u.metrics(), u.cost(), u.metered(),
                u.usageBytes(), Optional.empty(), BindingState.NONE, PathState.DOWN, 0);
    }

    static SelectionContext context(long now, UplinkSnapshot... uplinks) {
        return new SelectionContext(now, List.of(uplinks), List.of(), null, 0);
    }

    static SelectionContext after(Decision previous, long decidedAt, long now, UplinkSnapshot... uplinks) {
        return new SelectionContext(now, List.of(uplinks), List.of(), previous, decidedAt);
    }

    static CostPolicy policy(Map<String, ?> config) {
        return new CostPolicy(CostSettings.parse(config));
    }
}
