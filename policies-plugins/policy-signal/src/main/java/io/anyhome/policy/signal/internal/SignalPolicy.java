package io.anyhome.policy.signal.internal;

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
 * The {@code signal} policy: sends all traffic over the usable uplink with the best link quality
 * ({@link LinkScore}), and does not ping-pong when qualities oscillate. Used by
 * {@link SignalPolicyComponent}; pure, so the engine may call it from any thread.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>No usable uplink: no default uplink, the reason lists each uplink's state.</li>
 * <li>Candidates are the usable uplinks whose signal is at least {@code minSignalDbm} or
 * unreported; only if there is none are the weak ones candidates.</li>
 * <li>The best candidate has the highest score; equal scores go to the smaller uplink id
 * (lexicographic), so the choice never depends on the engine's order.</li>
 * <li>No current uplink (first decision, or none last time), or the current one is no longer
 * usable: take the best at once.</li>
 * <li>Otherwise leave the current uplink only if the decision in force is at least
 * {@code holdDownMs} old ({@code now - previousDecidedAt}) and either the current uplink is no
 * longer a candidate (its signal fell below {@code minSignalDbm} while a stronger one is usable)
 * or the best beats it by more than {@code hysteresis} score points.</li>
 * </ol>
 * Per-flow and per-rule overrides are not used: this policy decides the default uplink only.
 */
public final class SignalPolicy implements InterfaceSelectionPolicy {
    private static final Comparator<LinkScore> BEST_FIRST = Comparator.comparingDouble(LinkScore::score).reversed()
            .thenComparing(LinkScore::id);

    private final SignalSettings settings;

    /** @param settings the checked settings */
    public SignalPolicy(SignalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the settings in force */
    public SignalSettings settings() {
        return settings;
    }

    @Override
    public Decision decide(SelectionContext context) {
        List<UplinkSnapshot> usable = context.usableUplinks();
        if (usable.isEmpty()) {
            return Decision.noUplink(noneUsable(context));
        }
        List<LinkScore> scores = usable.stream().map(u -> LinkScore.of(u, settings)).sorted(BEST_FIRST).toList();
        List<LinkScore> strong = scores.stream().filter(s -> !s.isWeak(settings.minSignalDbm())).toList();
        List<LinkScore> candidates = strong.isEmpty() ? scores : strong;
        LinkScore best = candidates.get(0);
        String weakNote = weakNote(scores, strong);

        Optional<String> currentId = context.previousDecision().flatMap(Decision::defaultUplink);
        if (currentId.isEmpty()) {
            return Decision.useUplink(best.id(), "best link quality: " + best.describe() + tieNote(best, candidates) + weakNote);
        }
        Optional<UplinkSnapshot> currentUplink = context.uplink(currentId.get());
        if (currentUplink.isEmpty() || !currentUplink.get().isUsable()) {
            return Decision.useUplink(best.id(), currentId.get() + " is no longer usable (" + stateOf(context, currentId.get())
                    + "); switched at once to the best link: " + best.describe() + weakNote);
        }
        LinkScore current = scores.stream().filter(s -> s.id().equals(currentId.get())).findFirst().orElseThrow();
        if (current.id().equals(best.id())) {
            return Decision.useUplink(current.id(), "still the best link quality: " + current.describe() + weakNote);
        }
        long heldFor = context.now() - context.previousDecidedAt();
        long holdLeft = settings.holdDownMs() - heldFor;
        boolean currentIsWeak = !candidates.contains(current);
        if (currentIsWeak) {
            String why = String.format(Locale.ROOT, "the signal of %s is below minSignalDbm %.0f dBm while %s is usable",
                    current.describe(), settings.minSignalDbm(), best.describe());
            if (holdLeft > 0) {
                return Decision.useUplink(current.id(), "keeping " + current.id() + " for now: " + why
                        + ", but the hold-down keeps the last decision for another " + holdLeft + " ms");
            }
            return Decision.useUplink(best.id(), "switched to " + best.id() + ": " + why);
        }
        double margin = best.score() - current.score();
        if (margin <= settings.hysteresis()) {
            return Decision.useUplink(current.id(), String.format(Locale.ROOT,
                    "keeping %s: %s scores only %.1f points better, within the hysteresis of %.1f points (%s)",
                    current.describe(), best.id(), margin, settings.hysteresis(), best.describe()));
        }
        if (holdLeft > 0) {
            return Decision.useUplink(current.id(), String.format(Locale.ROOT,
                    "keeping %s for now: %s scores %.1f points better, but the hold-down keeps the last decision for another %d ms",
                    current.describe(), best.describe(), margin, holdLeft));
        }
        return Decision.useUplink(best.id(), String.format(Locale.ROOT,
                "switched to %s: it scores %.1f points better than %s, more than the hysteresis of %.1f points",
                best.describe(), margin, current.describe(), settings.hysteresis()));
    }

    private String weakNote(List<LinkScore> scores, List<LinkScore> strong) {
        if (strong.isEmpty()) {
            return String.format(Locale.ROOT, "; every usable uplink's signal is below minSignalDbm %.0f dBm",
                    settings.minSignalDbm());
        }
        List<String> weak = scores.stream().filter(s -> !strong.contains(s)).map(LinkScore::id).sorted().toList();
        return weak.isEmpty() ? "" : String.format(Locale.ROOT, "; left out for a signal below minSignalDbm %.0f dBm: %s",
                settings.minSignalDbm(), String.join(", ", weak));
    }

    private static String tieNote(LinkScore best, List<LinkScore> candidates) {
        List<String> tied = candidates.stream().skip(1).filter(s -> s.score() == best.score()).map(LinkScore::id).toList();
        return tied.isEmpty() ? "" : "; tied with " + String.join(", ", tied) + ", the smaller id wins";
    }

    private static String noneUsable(SelectionContext context) {
        if (context.uplinks().isEmpty()) {
            return "no uplink is usable: there are no uplinks";
        }
        return "no uplink is usable: " + context.uplinks().stream()
                .map(u -> u.id() + " " + stateOf(u))
                .collect(Collectors.joining(", "));
    }

    private static String stateOf(SelectionContext context, String id) {
        return context.uplink(id).map(SignalPolicy::stateOf).orElse("gone");
    }

    private static String stateOf(UplinkSnapshot u) {
        return "NIC " + u.state() + ", path " + u.pathState();
    }
}
