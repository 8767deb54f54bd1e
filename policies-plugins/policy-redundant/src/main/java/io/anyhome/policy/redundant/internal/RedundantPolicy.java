package io.anyhome.policy.redundant.internal;

import io.anyhome.api.ifs.UplinkPattern;
import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowSnapshot;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The redundant policy: all traffic goes over the best-ranked usable uplink (ranked by the
 * {@code order} of technologies and interface name globs, unlisted uplinks last, equal ranks by
 * smallest id), and the chosen flows are also copied onto the second-best usable uplink: every
 * flow matching a {@code duplicate} rule (as rule duplicates, so new flows are covered between
 * evaluations) and every active flow matching a {@code duplicateFlows} 5-tuple (as per-flow
 * duplicates). With a single usable uplink nothing is duplicated.
 *
 * <p>Flapping: leaving an unusable uplink is immediate; moving the default back to a
 * better-ranked uplink waits until it has stayed usable for {@code holdDownMs}
 * ({@link UplinkSnapshot#usableSince()}), and meanwhile it carries the copies, which costs nothing
 * if it fails again. Every flap restarts its {@code usableSince}.
 *
 * <p>Pure: reads the context only; used by {@link RedundantPolicyComponent} and by tests.
 */
public final class RedundantPolicy implements InterfaceSelectionPolicy {
    private final RedundantSettings settings;
    private final Comparator<UplinkSnapshot> bestFirst;

    /** @param settings the checked configuration */
    RedundantPolicy(RedundantSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bestFirst = Comparator.comparingInt(this::rank).thenComparing(UplinkSnapshot::id);
    }

    @Override
    public Decision decide(SelectionContext context) {
        List<UplinkSnapshot> ranked = context.usableUplinks().stream().sorted(bestFirst).toList();
        if (ranked.isEmpty()) {
            return Decision.noUplink(noneUsable(context));
        }
        UplinkSnapshot best = ranked.get(0);
        UplinkSnapshot main = best;
        String why = "using " + best.id() + " (" + rankText(best) + "), the best-ranked usable uplink";
        Optional<UplinkSnapshot> previous = context.previousDecision().flatMap(Decision::defaultUplink)
                .flatMap(context::uplink).filter(UplinkSnapshot::isUsable);
        if (previous.isPresent() && rank(best) < rank(previous.get())
                && context.now() - best.usableSince() < settings.holdDownMs()) {
            main = previous.get();
            why = "staying on " + main.id() + " (" + rankText(main) + ") until " + best.id() + " ("
                    + rankText(best) + ") has stayed usable for " + settings.holdDownMs() + " ms (holdDownMs)";
        }
        UplinkSnapshot mainUplink = main;
        Optional<UplinkSnapshot> second = ranked.stream().filter(u -> u != mainUplink).findFirst();
        Decision.Builder decision = Decision.builder().defaultUplink(main.id());
        if (settings.duplicate().isEmpty() && settings.duplicateFlows().isEmpty()) {
            return decision.reason(why + "; nothing is duplicated: neither duplicate nor duplicateFlows is configured")
                    .build();
        }
        if (second.isEmpty()) {
            return decision.reason(why + "; nothing is duplicated: " + main.id()
                    + " is the only usable uplink, copies need a second one").build();
        }
        String copyTo = second.get().id();
        settings.duplicate().forEach(r -> decision.duplicateRule(r.rule(), copyTo));
        List<FlowKey> selected = context.flows().stream().map(FlowSnapshot::key)
                .filter(k -> settings.duplicateFlows().stream().anyMatch(s -> s.matches(k)))
                .sorted(Comparator.comparing(FlowKey::toString)).toList();
        selected.forEach(k -> decision.duplicateFlow(k, copyTo));
        StringBuilder what = new StringBuilder();
        if (!settings.duplicate().isEmpty()) {
            what.append("flows matching ").append(settings.duplicate().stream().map(DuplicateRule::text)
                    .collect(Collectors.joining(", ")));
        }
        if (!settings.duplicateFlows().isEmpty()) {
            what.append(what.length() > 0 ? " and " : "").append(selected.size())
                    .append(selected.size() == 1 ? " active flow" : " active flows").append(" selected by duplicateFlows");
        }
        return decision.reason(why + "; copying " + what + " onto " + copyTo + " (" + rankText(second.get())
                + "), the " + (second.get() == best ? "better-ranked uplink, while it proves stable" : "next-best usable uplink"))
                .build();
    }

    /** @return the index of the first order entry matching the uplink, or the order's size if none does */
    int rank(UplinkSnapshot uplink) {
        List<UplinkPattern> order = settings.order();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).matches(uplink)) {
                return i;
            }
        }
        return order.size();
    }

    private String rankText(UplinkSnapshot uplink) {
        int rank = rank(uplink);
        return rank < settings.order().size()
                ? "order entry " + (rank + 1) + " '" + settings.order().get(rank).text() + "'"
                : uplink.technology() + ", not in the order";
    }

    private static String noneUsable(SelectionContext context) {
        if (context.uplinks().isEmpty()) {
            return "no uplink is usable: none is known";
        }
        return "no uplink is usable: " + context.uplinks().stream()
                .map(u -> u.id() + " is not usable (NIC " + lower(u.state()) + ", path " + lower(u.pathState()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "redundant policy (" + settings + ")";
    }
}
