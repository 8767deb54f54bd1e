package io.anyhome.policy.redundant.internal;

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

/** Snapshot fixtures for the redundant policy's tests. */
final class Fixtures {
    private Fixtures() {
    }

    static UplinkSnapshot up(String id, String technology, long usableSince) {
        return new UplinkSnapshot(id, Technology.of(technology), NicState.UP, Map.of(), 0, false, 0, Optional.empty(),
                BindingState.REGISTERED, PathState.UP, usableSince);
    }

    static UplinkSnapshot up(String id, String technology) {
        return up(id, technology, 0);
    }

    static UplinkSnapshot down(UplinkSnapshot u, long since) {
        return new UplinkSnapshot(u.id(), u.technology(), NicState.DOWN, u.metrics(), u.cost(), u.metered(),
                u.usageBytes(), Optional.empty(), BindingState.NONE, PathState.DOWN, since);
    }

    static FlowKey udp(String source, int sourcePort, String destination, int destinationPort) {
        return new FlowKey(AddressText.parse(source), AddressText.parse(destination), FlowKey.UDP, sourcePort,
                destinationPort, 0);
    }

    static FlowSnapshot active(FlowKey key) {
        return new FlowSnapshot(key, 0, Optional.empty(), 100, 0);
    }

    static SelectionContext first(long now, List<UplinkSnapshot> uplinks, List<FlowSnapshot> flows) {
        return new SelectionContext(now, uplinks, flows, null, 0);
    }

    static SelectionContext after(Decision previous, long now, List<UplinkSnapshot> uplinks) {
        return new SelectionContext(now, uplinks, List.of(), previous, previous == null ? 0 : now - 1);
    }

    static RedundantPolicy policy(Map<String, ?> config) {
        return new RedundantPolicy(RedundantSettings.from(config));
    }
}
