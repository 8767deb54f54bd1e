package io.anyhome.ifs.internal.flow;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.RuleOverride;
import io.anyhome.api.path.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A decision compiled for the data path: uplinks by index with their paths, the rules as
 * primitive arrays, per-flow overrides by flow slot, and a prebuilt duplicating path for each
 * pair of uplinks a duplication uses. Immutable; the switch publishes one with a single volatile
 * write and each packet reads it once.
 *
 * <p>The generation changes whenever placement may change (a new decision, pins); a routing
 * rebuilt only because a path service came or went keeps it, so flows keep their cached
 * placement and only the path objects change.
 */
final class Routing {
    final int generation;
    final Decision decision;
    final String[] uplinks;
    final Path[] paths;
    final int defaultUplink;
    final boolean defaultPinned;
    private final CompiledRules routes;
    private final CompiledRules duplicates;
    private final SlotMap flowRoutes;
    private final SlotMap flowDuplicates;
    private final Path[][] pairs;
    final HandoverMark handover;

    private Routing(int generation, Decision decision, String[] uplinks, Path[] paths, int defaultUplink, boolean defaultPinned, CompiledRules routes, CompiledRules duplicates,
            SlotMap flowRoutes, SlotMap flowDuplicates, HandoverMark handover) {
        this.generation = generation;
        this.decision = decision;
        this.uplinks = uplinks;
        this.paths = paths;
        this.defaultUplink = defaultUplink;
        this.defaultPinned = defaultPinned;
        this.routes = routes;
        this.duplicates = duplicates;
        this.flowRoutes = flowRoutes;
        this.flowDuplicates = flowDuplicates;
        this.handover = handover;
        this.pairs = new Path[uplinks.length][];
        for (int[] pair : neededPairs()) {
            if (pairs[pair[0]] == null) {
                pairs[pair[0]] = new Path[uplinks.length];
            }
            Path a = paths[pair[0]];
            Path b = paths[pair[1]];
            pairs[pair[0]][pair[1]] = a == null ? b : b == null ? a : new DuplicatingPath(a, b);
        }
    }

    /**
     * Compiles a decision.
     *
     * @param generation the placement generation
     * @param decision the decision, operator pins already applied
     * @param pins the operator's pins, to mark the rules and default they produced
     * @param uplinkIds every uplink the decision may name, in a stable order
     * @param paths the path of each uplink that has one
     * @param table the flow table, to find the flows of per-flow overrides
     * @param handover the handover waiting for its first packet, or null
     * @return the routing
     */
    static Routing compile(int generation, Decision decision, List<RuleOverride> pins, List<String> uplinkIds,
            Map<String, Path> paths, FlowTable table, HandoverMark handover) {
        List<String> ids = new ArrayList<>(uplinkIds);
        for (String u : decision.uplinksUsed()) {
            if (!ids.contains(u)) {
                ids.add(u);
            }
        }
        String[] names = ids.toArray(String[]::new);
        Path[] p = new Path[names.length];
        for (int i = 0; i < names.length; i++) {
            p[i] = paths.get(names[i]);
        }
        int def = decision.defaultUplink().map(ids::indexOf).orElse(-1);
        boolean defaultPinned = pins.stream().anyMatch(pin -> pin.rule().equals(FlowRule.any())
                && decision.defaultUplink().map(pin.uplink()::equals).orElse(false));
        int pinned = 0;
        List<RuleOverride> rules = decision.ruleOverrides();
        while (pinned < rules.size() && pinned < pins.size() && rules.get(pinned).equals(pins.get(pinned))) {
            pinned++;
        }
        CompiledRules routes = CompiledRules.of(rules, ids, pinned);
        CompiledRules dups = CompiledRules.of(decision.ruleDuplicates(), ids, 0);
        SlotMap flowRoutes = slots(decision.flowOverrides(), ids, table);
        SlotMap flowDups = slots(decision.flowDuplicates(), ids, table);
        return new Routing(generation, decision, names, p, def, defaultPinned, routes, dups, flowRoutes,
                flowDups, handover);
    }

    /**
     * @param paths the new path of each uplink
     * @return this routing with other paths and the same generation: flows keep their placement
     */
    Routing withPaths(Map<String, Path> paths) {
        Path[] p = new Path[uplinks.length];
        for (int i = 0; i < uplinks.length; i++) {
            p[i] = paths.get(uplinks[i]);
        }
        return new Routing(generation, decision, uplinks, p, defaultUplink, defaultPinned, routes,
                duplicates, flowRoutes, flowDuplicates, handover);
    }

    private static SlotMap slots(Map<FlowKey, String> overrides, List<String> ids, FlowTable table) {
        long[] keys = new long[overrides.size()];
        int[] values = new int[overrides.size()];
        int n = 0;
        for (Map.Entry<FlowKey, String> e : overrides.entrySet()) {
            int slot = table.find(e.getKey());
            if (slot >= 0) {
                keys[n] = SlotMap.key(slot, table.incarnation[slot]);
                values[n] = ids.indexOf(e.getValue());
                n++;
            }
        }
        return SlotMap.of(java.util.Arrays.copyOf(keys, n), java.util.Arrays.copyOf(values, n));
    }

    private List<int[]> neededPairs() {
        List<int[]> out = new ArrayList<>();
        int[] dupTargets = duplicates.uplinkIndexes();
        int[] flowTargets = flowDuplicates == SlotMap.EMPTY ? new int[0] : allIndexes();
        for (int primary = 0; primary < uplinks.length; primary++) {
            for (int t : dupTargets) {
                if (t != primary) {
                    out.add(new int[] {primary, t});
                }
            }
            for (int t : flowTargets) {
                if (t != primary) {
                    out.add(new int[] {primary, t});
                }
            }
        }
        return out;
    }

    private int[] allIndexes() {
        int[] all = new int[uplinks.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /**
     * Places a flow by this routing and stores the placement in its slot; on the data path.
     *
     * @param t the table
     * @param slot the flow's slot
     */
    void place(FlowTable t, int slot) {
        long key = SlotMap.key(slot, t.incarnation[slot]);
        int protocol = t.protocol(slot);
        int sport = t.sourcePort(slot);
        int dport = t.destinationPort(slot);
        int ds = t.dscp[slot];
        int up = flowRoutes.get(key);
        Placement by = Placement.FLOW;
        if (up < 0) {
            int rule = routes.match(protocol, sport, dport, ds);
            if (rule >= 0) {
                up = routes.uplink(rule);
                by = routes.isPin(rule) ? Placement.PIN : Placement.RULE;
            } else {
                up = defaultUplink;
                by = defaultPinned ? Placement.PIN : Placement.DEFAULT;
            }
        }
        int dup = flowDuplicates.get(key);
        if (dup < 0) {
            int rule = duplicates.match(protocol, sport, dport, ds);
            dup = rule >= 0 ? duplicates.uplink(rule) : -1;
        }
        if (dup == up) {
            dup = -1;
        }
        t.placedUplink[slot] = up;
        t.placedDuplicate[slot] = dup;
        t.placedBy[slot] = (byte) by.ordinal();
        t.placedGeneration[slot] = generation;
    }

    /**
     * @param uplink an uplink index, not negative
     * @param duplicate the duplicate's uplink index, or -1
     * @return the path to hand the packet to, null if the uplink has none
     */
    Path path(int uplink, int duplicate) {
        if (duplicate < 0) {
            return paths[uplink];
        }
        Path[] row = pairs[uplink];
        return row == null ? paths[uplink] : row[duplicate];
    }

    /** @return the uplink id of an index, null for -1 */
    String uplinkId(int index) {
        return index < 0 ? null : uplinks[index];
    }

    @Override
    public String toString() {
        return "routing " + generation + ": " + Objects.toString(decision);
    }
}
