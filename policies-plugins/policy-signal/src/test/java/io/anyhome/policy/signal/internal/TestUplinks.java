package io.anyhome.policy.signal.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.PathState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds uplink snapshots and contexts for the signal policy's tests. */
final class TestUplinks {
    private TestUplinks() {
    }

    /** A usable WLAN uplink with the three quality metrics. */
    static UplinkSnapshot wlan(String id, double signalDbm, double loss, double rttMs) {
        return uplink(id, Technology.WLAN, NicState.UP, PathState.UP,
                Map.of(NicMetrics.SIGNAL_DBM, signalDbm, NicMetrics.LOSS_RATIO, loss, NicMetrics.RTT_MS, rttMs));
    }

    /** A usable uplink with the given metrics only. */
    static UplinkSnapshot withMetrics(String id, Map<String, Double> metrics) {
        return uplink(id, Technology.ETHERNET, NicState.UP, PathState.UP, metrics);
    }

    /** The same uplink with another NIC and path state. */
    static UplinkSnapshot inState(UplinkSnapshot u, NicState nic, PathState path) {
        return uplink(u.id(), u.technology(), nic, path, u.metrics());
    }

    static UplinkSnapshot uplink(String id, Technology tech, NicState nic, PathState path, Map<String, Double> metrics) {
        return new UplinkSnapshot(id, tech, nic, new HashMap<>(metrics), 0, false, 0, Optional.empty(),
                BindingState.REGISTERED, path, 0);
    }

    /** A first-evaluation context. */
    static SelectionContext first(long now, UplinkSnapshot... uplinks) {
        return new SelectionContext(now, List.of(uplinks), List.of(), null, 0);
    }

    /** A context with a decision in force, made at {@code decidedAt}. */
    static SelectionContext after(Decision previous, long decidedAt, long now, UplinkSnapshot... uplinks) {
        return new SelectionContext(now, List.of(uplinks), List.of(), previous, decidedAt);
    }
}
