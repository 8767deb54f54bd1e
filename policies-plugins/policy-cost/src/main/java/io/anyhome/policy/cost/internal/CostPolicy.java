package io.anyhome.policy.cost.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code cost} policy's logic: puts every uplink in a tier (primary, secondary, backup, never;
 * by default unmetered uplinks secondary and metered ones backup), demotes an uplink that reached
 * its monthly data cap, and sends all traffic over the usable uplink in the best tier; within a
 * tier unmetered before metered, then lower cost, then the uplink id (so equal uplinks always give
 * the same answer). An uplink in tier never is never chosen, even when nothing else works.
 *
 * <p>Used by {@link CostPolicyComponent}; pure, so it is tested on snapshots. The only memory is
 * the decision in force: with a failback hold, a still-usable, uncapped uplink is kept until the
 * decision in force has stood that long, so a flapping cheaper uplink cannot cause ping-pong;
 * leaving an unusable, capped or never uplink is never delayed.
 */
final class CostPolicy implements InterfaceSelectionPolicy {
    private final CostSettings settings;

    /** @param settings the checked settings */
    CostPolicy(CostSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Decision decide(SelectionContext context) {
        List<Placement> all = context.uplinks().stream().map(u -> Placement.of(settings, u)).toList();
        List<Placement> candidates = all.stream().filter(Placement::isCandidate).sorted(Placement.PREFERENCE).toList();
        if (candidates.isEmpty()) {
            return Decision.noUplink(nothingUsable(all));
        }
        Placement best = candidates.get(0);
        Optional<Placement> held = held(context, all, best);
        if (held.isPresent()) {
            Placement current = held.get();
            long left = settings.failbackHoldMillis() - (context.now() - context.previousDecidedAt());
            return Decision.useUplink(current.id(), "stays on " + current.describe() + " although "
                    + best.describe() + " is preferred: failback hold of " + settings.failbackHoldMillis() / 1000
                    + " s (failbackHoldSeconds), " + (left + 999) / 1000 + " s left" + notes(all, current));
        }
        StringBuilder why = new StringBuilder(best.describe()).append(": best usable tier");
        best.capNote().ifPresent(n -> why.append("; it ").append(n));
        if (best.uplink().metered()) {
            why.append("; metered, used because no unmetered uplink")
                    .append(best.tier() == Tier.PRIMARY ? " in its tier" : " in its tier or better").append(" is usable");
        }
        Placement tie = candidates.size() > 1 && best.tiesWith(candidates.get(1)) ? candidates.get(1) : null;
        if (tie != null) {
            why.append("; tie with ").append(tie.id()).append(" (same tier, metering and cost) broken by uplink id");
        }
        return Decision.useUplink(best.id(), why + notes(all, best));
    }

    /** The uplink in force, if the failback hold keeps it rather than moving to the better one. */
    private Optional<Placement> held(SelectionContext context, List<Placement> all, Placement best) {
        if (settings.failbackHoldMillis() == 0
                || context.now() - context.previousDecidedAt() >= settings.failbackHoldMillis()) {
            return Optional.empty();
        }
        Optional<String> current = context.previousDecision().flatMap(Decision::defaultUplink);
        if (current.isEmpty() || current.get().equals(best.id())) {
            return Optional.empty();
        }
        return all.stream().filter(p -> p.id().equals(current.get()))
                .filter(p -> p.isCandidate() && p.capNote().isEmpty())
                .findFirst();
    }

    /** Remarks on the other uplinks an operator would ask about: better ones that are down, capped ones, never ones. */
    private static String notes(List<Placement> all, Placement chosen) {
        List<String> notes = new ArrayList<>();
        for (Placement p : all) {
            if (p == chosen) {
                continue;
            }
            if (p.capNote().isPresent()) {
                notes.add(p.id() + " " + p.capNote().get());
            } else if (p.tier() == Tier.NEVER) {
                notes.add(p.id() + " is in tier never (" + p.tierSource() + ")");
            } else if (!p.uplink().isUsable() && Placement.PREFERENCE.compare(p, chosen) < 0) {
                notes.add(p.describe() + " is preferred but not usable (" + p.unusableBecause() + ")");
            }
        }
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
    }

    private static String nothingUsable(List<Placement> all) {
        if (all.isEmpty()) {
            return "no uplink is known";
        }
        List<String> parts = new ArrayList<>();
        for (Placement p : all) {
            if (p.tier() == Tier.NEVER && p.uplink().isUsable()) {
                parts.add(p.id() + " is usable but in tier never ("
                        + p.capNote().map(n -> n).orElse(p.tierSource()) + "), so it is not used");
            } else {
                parts.add(p.id() + " is not usable (" + p.unusableBecause() + ")");
            }
        }
        return "no uplink can be used: " + String.join("; ", parts);
    }
}
