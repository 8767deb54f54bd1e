package io.anyhome.policy.loadshare.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowSnapshot;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The loadshare policy: spreads flows over the usable uplinks in proportion to their weights,
 * per flow and never per packet, so a flow's packets stay in order on one path.
 *
 * <p>Every active flow gets a per-flow override. A flow already on a usable uplink stays there
 * (stickiness: a running flow is never moved just to rebalance; moving would break nothing,
 * since the tunnel keeps the home address, but reorders its packets for a moment). A flow whose
 * uplink is no longer usable or gone, and a flow not yet placed, goes to the uplink with the
 * largest deficit: its weight share minus its share of the flows, by flow count. Flows are
 * handled in a stable order (by source and destination address bytes, protocol, ports, label), uplinks by id,
 * and equal deficits go to the smallest uplink id, so equal inputs give equal decisions. Flows
 * that appear between evaluations take the default uplink: the heaviest usable uplink, ties by
 * smallest id. An uplink of weight 0 takes no new flows but keeps the ones already on it.
 *
 * <p>Linear in flows times uplinks (plus sorting the flows). Pure: reads the context only; the
 * only memory it uses is each flow's current uplink and, for a flow not yet placed, the previous
 * decision's override. Used by {@link LoadsharePolicyComponent} and by tests.
 */
public final class LoadsharePolicy implements InterfaceSelectionPolicy {
    private final LoadshareSettings settings;

    /** @param settings the checked configuration */
    LoadsharePolicy(LoadshareSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Decision decide(SelectionContext context) {
        List<UplinkSnapshot> usable = context.usableUplinks();
        if (usable.isEmpty()) {
            return Decision.noUplink(noneUsable(context));
        }
        List<UplinkSnapshot> takers = usable.stream().filter(u -> settings.weightOf(u) > 0)
                .sorted(Comparator.comparing(UplinkSnapshot::id)).toList();
        if (takers.isEmpty()) {
            return Decision.noUplink("no usable uplink takes flows: " + usable.stream()
                    .map(u -> u.id() + " has weight 0 (" + weightSource(u) + ")").collect(Collectors.joining(", ")));
        }
        int n = takers.size();
        String[] ids = new String[n];
        long[] weights = new long[n];
        long[] counts = new long[n];
        Map<String, Integer> index = new HashMap<>();
        long totalWeight = 0;
        int heaviest = 0;
        for (int i = 0; i < n; i++) {
            ids[i] = takers.get(i).id();
            weights[i] = settings.weightOf(takers.get(i));
            totalWeight += weights[i];
            index.put(ids[i], i);
            if (weights[i] > weights[heaviest]) {
                heaviest = i;
            }
        }
        Map<?, String> previousOverrides = context.previousDecision().map(Decision::flowOverrides).orElse(Map.of());
        FlowSnapshot[] flows = inStableOrder(context.flows());
        String[] placed = new String[flows.length];
        Map<String, Integer> stayingOnUnweighted = new TreeMap<>();
        Map<String, Integer> movedFrom = new TreeMap<>();
        List<Integer> pending = new ArrayList<>();
        for (int f = 0; f < flows.length; f++) {
            Optional<String> on = flows[f].currentUplink();
            if (on.isEmpty()) {
                on = Optional.ofNullable(previousOverrides.get(flows[f].key()));
            }
            if (on.isPresent() && context.uplink(on.get()).map(UplinkSnapshot::isUsable).orElse(false)) {
                placed[f] = on.get();
                Integer i = index.get(on.get());
                if (i != null) {
                    counts[i]++;
                } else {
                    stayingOnUnweighted.merge(on.get(), 1, Integer::sum);
                }
            } else {
                on.ifPresent(from -> movedFrom.merge(from, 1, Integer::sum));
                pending.add(f);
            }
        }
        long total = flows.length;
        for (int f : pending) {
            int best = 0;
            long bestDeficit = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                // weight share minus flow share, both scaled by total flows times total weight
                long deficit = weights[i] * total - counts[i] * totalWeight;
                if (deficit > bestDeficit) {
                    best = i;
                    bestDeficit = deficit;
                }
            }
            counts[best]++;
            placed[f] = ids[best];
        }
        Decision.Builder decision = Decision.builder().defaultUplink(ids[heaviest]);
        for (int f = 0; f < flows.length; f++) {
            decision.routeFlow(flows[f].key(), placed[f]);
        }
        int moved = movedFrom.values().stream().mapToInt(Integer::intValue).sum();
        return decision.reason(reason(context, ids, weights, counts, heaviest, flows.length - pending.size(),
                movedFrom, pending.size() - moved, stayingOnUnweighted)).build();
    }

    /** Sorts flows by source, destination (address bytes), protocol, ports and label. */
    private static FlowSnapshot[] inStableOrder(List<FlowSnapshot> flows) {
        int n = flows.size();
        byte[][] sources = new byte[n][];
        byte[][] destinations = new byte[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            sources[i] = flows.get(i).key().source().getAddress();
            destinations[i] = flows.get(i).key().destination().getAddress();
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Arrays.compareUnsigned(sources[x], sources[y]);
            if (c == 0) {
                c = Arrays.compareUnsigned(destinations[x], destinations[y]);
            }
            if (c == 0) {
                FlowKey a = flows.get(x).key();
                FlowKey b = flows.get(y).key();
                c = Integer.compare(a.protocol(), b.protocol());
                c = c != 0 ? c : Integer.compare(a.sourcePort(), b.sourcePort());
                c = c != 0 ? c : Integer.compare(a.destinationPort(), b.destinationPort());
                c = c != 0 ? c : Integer.compare(a.flowLabel(), b.flowLabel());
            }
            return c;
        });
        FlowSnapshot[] sorted = new FlowSnapshot[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = flows.get(order[i]);
        }
        return sorted;
    }

    private String reason(SelectionContext context, String[] ids, long[] weights, long[] counts, int heaviest,
            int kept, Map<String, Integer> movedFrom, int newlyPlaced, Map<String, Integer> stayingOnUnweighted) {
        StringBuilder sb = new StringBuilder("spreading ").append(plural(context.flows().size(), "flow"))
                .append(" by weight over ");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ids[i]).append(" (weight ").append(weights[i]).append(": ")
                    .append(plural(counts[i], "flow")).append(')');
        }
        stayingOnUnweighted.forEach((id, c) -> sb.append("; ").append(id).append(" has weight 0 and keeps its ")
                .append(plural(c, "running flow")).append(" but takes no new ones"));
        if (kept > 0) {
            sb.append("; ").append(plural(kept, "flow")).append(" stay on their usable uplink (running flows are"
                    + " never moved to rebalance)");
        }
        movedFrom.forEach((id, c) -> sb.append("; ").append(plural(c, "flow")).append(" moved off ").append(id)
                .append(" because it ").append(unusable(context.uplink(id))));
        if (newlyPlaced > 0) {
            sb.append("; ").append(plural(newlyPlaced, "new flow")).append(" placed where the weight share is"
                    + " furthest ahead of the flow share");
        }
        sb.append("; flows appearing before the next evaluation go to ").append(ids[heaviest]).append(", the heaviest"
                + " usable uplink");
        if (Arrays.stream(weights).filter(w -> w == weights[heaviest]).count() > 1) {
            sb.append(" (equal weights: smallest id)");
        }
        return sb.toString();
    }

    private String weightSource(UplinkSnapshot uplink) {
        return settings.entryFor(uplink).map(e -> "weights " + e).orElse("defaultWeight=" + settings.defaultWeight());
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String noneUsable(SelectionContext context) {
        if (context.uplinks().isEmpty()) {
            return "no uplink is usable: none is known";
        }
        return "no uplink is usable: " + context.uplinks().stream()
                .map(u -> u.id() + " " + unusable(Optional.of(u)))
                .collect(Collectors.joining(", "));
    }

    private static String unusable(Optional<UplinkSnapshot> uplink) {
        return uplink.map(u -> "is not usable (NIC " + lower(u.state()) + ", path " + lower(u.pathState()) + ")")
                .orElse("is gone");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "loadshare policy (" + settings + ")";
    }
}
