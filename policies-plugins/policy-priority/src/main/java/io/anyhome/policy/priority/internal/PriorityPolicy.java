package io.anyhome.policy.priority.internal;

import io.anyhome.api.ifs.UplinkPattern;
import io.anyhome.api.ifs.Decision;
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
 * The priority policy (the draft's default; UMIP's interface preference): all traffic goes over
 * the best-ranked usable uplink, where an uplink's rank is the first {@code order} entry matching
 * its technology or its id, and uplinks no entry matches rank after all listed ones. Equal ranks
 * are broken by uplink id (lexicographic, smallest first). No per-flow overrides.
 *
 * <p>Leaving an uplink that is no longer usable is immediate. Coming back to a better-ranked one
 * follows {@link Failback}: {@code always} at once; {@code on-failure} only when the current
 * uplink fails; {@code better} once the better-ranked uplink has stayed usable for
 * {@code holdDownMs}. An uplink of equal rank is never a reason to move.
 *
 * <p>Hold-down, with no state of its own: the snapshot says since when each uplink has been
 * usable ({@link UplinkSnapshot#usableSince()}). While a better-ranked uplink has been usable for
 * less than {@code holdDownMs} the policy keeps the current uplink with a <em>waiting</em> reason
 * naming both; once {@code now - usableSince >= holdDownMs} traffic moves. Every flap of the
 * better uplink restarts its {@code usableSince}: a flapping uplink gets no traffic.
 *
 * <p>Pure: reads the context only, keeps nothing between calls; used by
 * {@link PriorityPolicyComponent} and by tests.
 */
public final class PriorityPolicy implements InterfaceSelectionPolicy {
    private final PrioritySettings settings;
    private final Comparator<UplinkSnapshot> bestFirst;

    /** @param settings the checked configuration */
    PriorityPolicy(PrioritySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bestFirst = Comparator.comparingInt(this::rank).thenComparing(UplinkSnapshot::id);
    }

    /** @return the configuration in force */
    PrioritySettings settings() {
        return settings;
    }

    @Override
    public Decision decide(SelectionContext context) {
        List<UplinkSnapshot> usable = context.usableUplinks();
        if (usable.isEmpty()) {
            return Decision.noUplink(noneUsable(context));
        }
        UplinkSnapshot best = usable.stream().min(bestFirst).orElseThrow();
        Optional<String> previous = context.previousDecision().flatMap(Decision::defaultUplink);
        Optional<UplinkSnapshot> current = previous.flatMap(context::uplink).filter(UplinkSnapshot::isUsable);
        if (current.isEmpty()) {
            String before = previous.map(id -> id + " " + unusable(context.uplink(id)) + "; ")
                    .orElse(context.previousDecision().isPresent() ? "no uplink was usable; " : "");
            return Decision.useUplink(best.id(), before + "using " + best.id() + ", the best-ranked usable uplink ("
                    + rankText(best) + ")");
        }
        UplinkSnapshot now = current.get();
        if (rank(best) >= rank(now)) {
            return Decision.useUplink(now.id(), "staying on " + now.id() + " (" + rankText(now)
                    + "): no usable uplink ranks higher");
        }
        return switch (settings.failback()) {
            case ALWAYS -> Decision.useUplink(best.id(), "moving back to " + best.id() + " (" + rankText(best)
                    + ") from " + now.id() + " (" + rankText(now) + ") now that it is usable (failback=always)");
            case ON_FAILURE -> Decision.useUplink(now.id(), "staying on " + now.id() + " (" + rankText(now)
                    + ") while it is usable, although " + best.id() + " (" + rankText(best)
                    + ") ranks higher (failback=on-failure)");
            case BETTER -> afterHoldDown(context, best, now);
        };
    }

    private Decision afterHoldDown(SelectionContext context, UplinkSnapshot best, UplinkSnapshot now) {
        long usableFor = context.now() - best.usableSince();
        if (usableFor >= settings.holdDownMs()) {
            return Decision.useUplink(best.id(), "moving back to " + best.id() + " (" + rankText(best) + ") from "
                    + now.id() + " (" + rankText(now) + ") after it stayed usable for " + usableFor
                    + " ms (failback=better, holdDownMs=" + settings.holdDownMs() + ")");
        }
        // the reason stays the same while waiting: it names the rule, not the time left
        return Decision.useUplink(now.id(), best.id() + " (" + rankText(best) + ") is usable; staying on "
                + now.id() + " (" + rankText(now) + ") until " + best.id() + " has stayed usable for "
                + settings.holdDownMs() + " ms (failback=better)");
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
        return "priority policy (" + settings + ")";
    }
}
