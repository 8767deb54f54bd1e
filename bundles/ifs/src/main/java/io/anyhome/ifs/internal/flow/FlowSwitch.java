package io.anyhome.ifs.internal.flow;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowDTO;
import io.anyhome.api.ifs.FlowSnapshot;
import io.anyhome.api.ifs.RuleOverride;
import io.anyhome.api.path.Path;
import io.anyhome.api.AddressText;
import io.anyhome.api.ifs.FlowKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The data path of the Interface Switching module: for each packet it classifies the flow in the
 * {@link FlowTable}, reads the routing in force (one volatile read), places a flow the routing
 * has not placed yet, and returns the path. No lock, no allocation per packet.
 *
 * <p>Several threads may call {@link #pathFor} at once: the routing is immutable and flows are
 * added without locks. The per-flow byte and packet counters are plain fields: exact with one
 * reading thread, as the virtual interface has, approximate with several. Uplink usage is not
 * counted here: {@code UsageMeter} reads the interfaces' own counters, which see both directions
 * and the tunnel overhead.
 *
 * <p>The maintenance side ({@link #publish}, {@link #updatePaths}, {@link #expire}, the
 * snapshots) runs on the engine thread; publications are serialised there.
 */
public final class FlowSwitch {
    private final FlowTable table;
    private final LongSupplier clock;
    private volatile Routing routing;
    private volatile long unclassified;
    private int generation;

    /**
     * @param table the flow table
     * @param clock epoch milliseconds, read once per packet
     */
    public FlowSwitch(FlowTable table, LongSupplier clock) {
        this.table = table;
        this.clock = clock;
        this.routing = Routing.compile(0, Decision.noUplink("no decision yet"), List.of(), List.of(), Map.of(),
                table, null);
    }

    /**
     * The per-packet call: see {@code InterfaceSwitch.pathFor}.
     *
     * @param packet an IP packet, position..limit; not changed
     * @return the path, null if the packet's uplink has no path or there is no uplink
     */
    public Path pathFor(ByteBuffer packet) {
        Routing r = routing;
        long now = clock.getAsLong();
        int slot = table.track(packet, now);
        int up;
        int dup;
        if (slot >= 0) {
            if (table.placedGeneration[slot] != r.generation) {
                r.place(table, slot);
            }
            up = table.placedUplink[slot];
            dup = table.placedDuplicate[slot];
        } else {
            if (slot == -1) {
                unclassified++;
            }
            up = r.defaultUplink;
            dup = -1;
        }
        if (up < 0) {
            return null;
        }
        Path path = r.path(up, dup);
        if (path == null) {
            return null;
        }
        HandoverMark h = r.handover;
        if (h != null && !h.isDone() && h.uplink.equals(r.uplinks[up])) {
            h.traffic(now);
        }
        return path;
    }

    /**
     * Publishes a new decision (one volatile write): flows are placed again by it as their next
     * packet passes, and listings show the new placement at once.
     *
     * @param decision the decision, operator pins applied
     * @param pins the operator's pins
     * @param uplinkIds every known uplink id
     * @param paths the path of each uplink that has one
     * @param handover the handover this decision makes, to time its first packet; or null
     */
    public synchronized void publish(Decision decision, List<RuleOverride> pins, List<String> uplinkIds,
            Map<String, Path> paths, HandoverMark handover) {
        generation = generation == Integer.MAX_VALUE ? 1 : generation + 1;
        routing = Routing.compile(generation, decision, pins, uplinkIds, paths, table, handover);
    }

    /**
     * Swaps the path objects without moving any flow (a path service came, went or was replaced).
     *
     * @param paths the path of each uplink that has one
     */
    public synchronized void updatePaths(Map<String, Path> paths) {
        routing = routing.withPaths(paths);
    }

    /** @return the decision in force */
    public Decision decision() {
        return routing.decision;
    }

    /**
     * @param now the time
     * @param idleMillis the idle timeout
     * @return flows expired
     */
    public int expire(long now, long idleMillis) {
        return table.expire(now, idleMillis);
    }

    /** @return packets routed without a flow entry because they could not be classified */
    public long unclassified() {
        return unclassified;
    }

    /** @return packets routed without a flow entry because the table was full */
    public long overflows() {
        return table.overflows();
    }

    /** @return the active flows for a policy's snapshot */
    public List<FlowSnapshot> snapshots() {
        Routing r = routing;
        List<FlowSnapshot> out = new ArrayList<>();
        for (int s = 0; s < table.slots(); s++) {
            if (table.isLive(s)) {
                FlowKey key = table.key(s);
                int up = table.placedGeneration[s] == r.generation ? table.placedUplink[s] : -2;
                Optional<String> current = up >= 0 ? Optional.of(r.uplinks[up]) : Optional.empty();
                out.add(new FlowSnapshot(key, table.dscp[s], current, table.bytes[s], table.lastSeen[s]));
            }
        }
        return out;
    }

    /**
     * @return the active flows and where the routing in force puts them
     */
    public List<FlowDTO> flows() {
        Routing r = routing;
        List<FlowDTO> out = new ArrayList<>();
        for (int s = 0; s < table.slots(); s++) {
            if (!table.isLive(s)) {
                continue;
            }
            if (table.placedGeneration[s] != r.generation) {
                r.place(table, s);
            }
            FlowKey key = table.key(s);
            FlowDTO d = new FlowDTO();
            d.protocol = key.protocol();
            d.source = AddressText.format(key.source());
            d.sourcePort = key.sourcePort();
            d.destination = AddressText.format(key.destination());
            d.destinationPort = key.destinationPort();
            d.flowLabel = key.flowLabel();
            d.dscp = table.dscp[s];
            d.uplink = r.uplinkId(table.placedUplink[s]);
            d.duplicateUplink = r.uplinkId(table.placedDuplicate[s]);
            d.assignedBy = Placement.of(table.placedBy[s]).dtoValue;
            d.bytes = table.bytes[s];
            d.packets = table.packets[s];
            d.firstSeenAt = table.firstSeen[s];
            d.lastSeenAt = table.lastSeen[s];
            out.add(d);
        }
        return out;
    }

    /** @return the number of active flows per uplink id under the routing in force */
    public Map<String, Integer> flowsPerUplink() {
        Map<String, Integer> out = new HashMap<>();
        for (FlowDTO f : flows()) {
            if (f.uplink != null) {
                out.merge(f.uplink, 1, Integer::sum);
            }
        }
        return out;
    }
}
