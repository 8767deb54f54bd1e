package io.anyhome.ifs.internal;

import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathState;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the uplinks of a policy's snapshot from the NIC registry's merged view (the NICs a
 * driver claimed), the path of each uplink (DOWN without one), care-of addresses from movement
 * detection, the switch's usage counters and the binding states mobility reports, and remembers since when each uplink has been
 * usable or unusable ({@link UplinkSnapshot#usableSince()}). Called on the engine thread.
 */
final class UplinkView {
    private record Usability(boolean usable, long since) {
    }

    private final Map<String, Usability> usability = new HashMap<>();

    /**
     * @param now the evaluation time
     * @param nics the registry's NICs
     * @param paths the path of each uplink that has one
     * @param careOfAddresses the usable care-of address of each uplink that has one
     * @param usage bytes in this accounting period per uplink
     * @param bindings the state of the home agent binding through each uplink that has one
     * @return one snapshot per claimed NIC, ordered by id
     */
    synchronized List<UplinkSnapshot> snapshot(long now, List<NicDTO> nics, Map<String, Path> paths,
            Map<String, InetAddress> careOfAddresses, Map<String, Long> usage, Map<String, BindingState> bindings) {
        List<UplinkSnapshot> out = new ArrayList<>();
        Map<String, Usability> seen = new HashMap<>();
        for (NicDTO nic : nics) {
            if (nic.driver == null || nic.technology == null) {
                continue;
            }
            Path path = paths.get(nic.name);
            PathState pathState = path == null ? PathState.DOWN : path.state();
            NicState state = nic.state == null ? NicState.UNKNOWN : nic.state;
            boolean usable = state == NicState.UP && pathState.isUsable();
            Usability before = usability.get(nic.name);
            Usability now_ = before != null && before.usable() == usable ? before
                    : new Usability(usable, before == null && nic.stateSince > 0 ? Math.min(nic.stateSince, now) : now);
            seen.put(nic.name, now_);
            out.add(new UplinkSnapshot(nic.name, Technology.of(nic.technology), state,
                    nic.metrics == null ? Map.of() : nic.metrics, Double.isFinite(nic.cost) && nic.cost > 0 ? nic.cost : 0,
                    nic.metered, usage.getOrDefault(nic.name, 0L), Optional.ofNullable(careOfAddresses.get(nic.name)),
                    bindings.getOrDefault(nic.name, BindingState.NONE), pathState, now_.since()));
        }
        usability.clear();
        usability.putAll(seen);
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }
}
