package io.anyhome.policy.loadshare.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowSnapshot;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.PathState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Snapshot fixtures for the loadshare policy's tests. */
final class Fixtures {
    private Fixtures() {
    }

    static UplinkSnapshot up(String id, String technology) {
        return new UplinkSnapshot(id, Technology.of(technology), NicState.UP, Map.of(), 0, false, 0, Optional.empty(),
                BindingState.REGISTERED, PathState.UP, 0);
    }

    static UplinkSnapshot down(UplinkSnapshot u) {
        return new UplinkSnapshot(u.id(), u.technology(), NicState.DOWN, u.metrics(), u.cost(), u.metered(),
                u.usageBytes(), Optional.empty(), BindingState.NONE, PathState.DOWN, 0);
    }

    /** A UDP flow from the home address to a documentation address, told apart by its source port. */
    static FlowKey key(int n) {
        return new FlowKey(AddressText.parse("2001:db8::1"), AddressText.parse("2001:db8:2::7"), FlowKey.UDP,
                10_000 + n, 443, 0);
    }

    static FlowSnapshot flow(int n, String on) {
        return new FlowSnapshot(key(n), 0, Optional.ofNullable(on), 1000, 0);
    }

    static SelectionContext context(List<UplinkSnapshot> uplinks, List<FlowSnapshot> flows) {
        return new SelectionContext(1000, uplinks, flows, null, 0);
    }

    static SelectionContext after(Decision previous, List<UplinkSnapshot> uplinks, List<FlowSnapshot> flows) {
        return new SelectionContext(2000, uplinks, flows, previous, previous == null ? 0 : 1000);
    }

    /** @return the flows as the engine sees them once it has applied the decision */
    static List<FlowSnapshot> applied(Decision d, List<FlowSnapshot> flows) {
        return flows.stream().map(f -> new FlowSnapshot(f.key(), f.dscp(), d.uplinkFor(f.key(), f.dscp()),
                f.bytes(), f.lastSeenAt())).toList();
    }

    static LoadsharePolicy policy(Map<String, ?> config) {
        return new LoadsharePolicy(LoadshareSettings.from(config));
    }

    static long countOn(Decision d, String uplink) {
        return d.flowOverrides().values().stream().filter(uplink::equals).count();
    }
}
