package io.anyhome.policy.cost.internal;

import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.Comparator;
import java.util.Optional;

/**
 * Where the {@code cost} policy puts one uplink for one evaluation: its effective tier, why, and
 * whether a monthly cap moved it there. Candidates are ordered by {@link #PREFERENCE}.
 *
 * @param uplink the uplink
 * @param tier the effective tier (after the cap)
 * @param tierSource why the uplink has its configured or default tier, e.g. {@code tiers eth*=primary}
 * @param capNote set if the uplink reached its cap, e.g. {@code reached its monthly cap 5GB (caps wwan0=5GB, 5.2GB used)}
 */
record Placement(UplinkSnapshot uplink, Tier tier, String tierSource, Optional<String> capNote) {

    /** Best first: lower tier, then unmetered before metered, then lower cost, then uplink id. */
    static final Comparator<Placement> PREFERENCE = Comparator.comparing(Placement::tier)
            .thenComparing(p -> p.uplink().metered())
            .thenComparingDouble(p -> p.uplink().cost())
            .thenComparing(p -> p.uplink().id());

    /**
     * @param settings the policy settings
     * @param uplink an uplink
     * @return its placement
     */
    static Placement of(CostSettings settings, UplinkSnapshot uplink) {
        Optional<CostSettings.Rule<Tier>> rule = settings.tierFor(uplink);
        Tier tier;
        String source;
        if (rule.isPresent()) {
            tier = rule.get().value();
            source = "tiers " + rule.get().text();
        } else {
            tier = uplink.metered() ? Tier.BACKUP : Tier.SECONDARY;
            source = "default for " + (uplink.metered() ? "metered" : "unmetered") + " uplinks";
        }
        Optional<String> capNote = Optional.empty();
        Optional<CostSettings.Rule<Long>> cap = settings.capFor(uplink);
        if (cap.isPresent() && uplink.usageBytes() >= cap.get().value()) {
            Tier capped = settings.capAction() == Tier.NEVER ? Tier.NEVER : max(tier, Tier.BACKUP);
            capNote = Optional.of("reached its monthly cap of " + ByteSize.format(cap.get().value())
                    + " (caps " + cap.get().text() + ", " + ByteSize.format(uplink.usageBytes()) + " used)"
                    + (capped == tier ? "" : ", so it drops from " + tier.label() + " to " + capped.label()));
            tier = capped;
        }
        return new Placement(uplink, tier, source, capNote);
    }

    private static Tier max(Tier a, Tier b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** @return the uplink id */
    String id() {
        return uplink.id();
    }

    /** @return true if traffic may go over the uplink: usable and not in tier never */
    boolean isCandidate() {
        return uplink.isUsable() && tier != Tier.NEVER;
    }

    /**
     * @param other another placement
     * @return true if the two are equal in tier, metering and cost, so only the id separates them
     */
    boolean tiesWith(Placement other) {
        return tier == other.tier && uplink.metered() == other.uplink.metered()
                && Double.compare(uplink.cost(), other.uplink.cost()) == 0;
    }

    /** @return for example {@code eth0 (primary from tiers eth*=primary, unmetered, cost 0)} */
    String describe() {
        String c = uplink.cost() == Math.rint(uplink.cost()) ? Long.toString((long) uplink.cost()) : Double.toString(uplink.cost());
        return id() + " (" + tier.label() + (capNote.isPresent() ? " by its cap" : " from " + tierSource) + ", "
                + (uplink.metered() ? "metered" : "unmetered") + ", cost " + c + ")";
    }

    /** @return why the uplink cannot carry traffic now, e.g. {@code NIC DOWN, path DOWN} */
    String unusableBecause() {
        return "NIC " + uplink.state() + ", path " + uplink.pathState();
    }
}
