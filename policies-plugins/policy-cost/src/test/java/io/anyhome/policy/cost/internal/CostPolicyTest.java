package io.anyhome.policy.cost.internal;

import static io.anyhome.policy.cost.internal.Uplinks.after;
import static io.anyhome.policy.cost.internal.Uplinks.context;
import static io.anyhome.policy.cost.internal.Uplinks.down;
import static io.anyhome.policy.cost.internal.Uplinks.policy;
import static io.anyhome.policy.cost.internal.Uplinks.up;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostPolicyTest {
    private static final long GB = 1_000_000_000L;

    private final UplinkSnapshot eth0 = up("eth0", "ethernet", false, 0);
    private final UplinkSnapshot wlan0 = up("wlan0", "wlan", false, 1);
    private final UplinkSnapshot wwan0 = up("wwan0", "cellular", true, 10);

    @Test
    void givenConfiguredTiers_whenAllUsable_thenPrimaryBeatsSecondaryBeatsBackup() {
        CostPolicy p = policy(Map.of("tiers", "wlan*=primary,ethernet=secondary,wwan0=backup"));

        Decision d = p.decide(context(1000, eth0, wlan0, wwan0));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).contains("wlan0 (primary from tiers wlan*=primary");
        assertThat(p.decide(context(2000, eth0, down(wlan0), wwan0)).defaultUplink()).contains("eth0");
    }

    @Test
    void givenTierBeatsCost_whenPrimaryIsDearer_thenPrimaryStillChosen() {
        CostPolicy p = policy(Map.of("tiers", "wwan0=primary"));

        assertThat(p.decide(context(1000, eth0, wwan0)).defaultUplink()).contains("wwan0");
    }

    @Test
    void givenDefaults_whenUnmeteredUsable_thenMeteredIsNotUsed() {
        CostPolicy p = policy(Map.of());

        Decision d = p.decide(context(1000, wwan0, wlan0, eth0));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.reason()).contains("eth0 (secondary from default for unmetered uplinks, unmetered, cost 0)");
    }

    @Test
    void givenDefaults_whenEveryUnmeteredUplinkIsDown_thenMeteredUsedAndReasonSaysWhy() {
        CostPolicy p = policy(Map.of());

        Decision d = p.decide(context(1000, down(eth0), down(wlan0), wwan0));

        assertThat(d.defaultUplink()).contains("wwan0");
        assertThat(d.reason()).contains("metered, used because no unmetered uplink")
                .contains("eth0 (secondary").contains("is preferred but not usable (NIC DOWN, path DOWN)");
    }

    @Test
    void givenMeteredAndUnmeteredInOneTier_whenMeteredIsCheaper_thenUnmeteredStillPreferred() {
        UplinkSnapshot cheapMetered = up("wwan0", "cellular", true, 0);
        UplinkSnapshot dearUnmetered = up("sat0", "satellite", false, 50);
        CostPolicy p = policy(Map.of("tiers", "wwan0=secondary"));

        assertThat(p.decide(context(1000, cheapMetered, dearUnmetered)).defaultUplink()).contains("sat0");
    }

    @Test
    void givenSameTier_whenCostsDiffer_thenCheaperChosen() {
        CostPolicy p = policy(Map.of());

        assertThat(p.decide(context(1000, wlan0, up("eth1", "ethernet", false, 5))).defaultUplink()).contains("wlan0");
    }

    @Test
    void givenEqualTierMeteringAndCost_whenDeciding_thenLowestIdWinsWhateverTheOrder() {
        UplinkSnapshot b = up("eth1", "ethernet", false, 2);
        UplinkSnapshot a = up("eth0", "ethernet", false, 2);
        CostPolicy p = policy(Map.of());

        Decision d1 = p.decide(context(1000, b, a));
        Decision d2 = p.decide(context(1000, a, b));

        assertThat(d1.defaultUplink()).contains("eth0");
        assertThat(d2).isEqualTo(d1);
        assertThat(d1.reason()).contains("tie with eth1 (same tier, metering and cost) broken by uplink id");
    }

    @Test
    void givenCap_whenUsageCrossesItBetweenTwoEvaluations_thenUplinkDemotedAtOnceNamingTheCap() {
        UplinkSnapshot wlanBelow = up("wlan0", "wlan", true, 1, 5 * GB - 1);
        UplinkSnapshot wlanAt = up("wlan0", "wlan", true, 1, 5 * GB + 200_000_000L);
        UplinkSnapshot cell = up("wwan0", "cellular", true, 10);
        CostPolicy p = policy(Map.of("tiers", "wlan0=primary,wwan0=secondary", "caps", "wlan0=5GB",
                "failbackHoldSeconds", "600"));

        Decision first = p.decide(context(1000, wlanBelow, cell));
        Decision second = p.decide(after(first, 1000, 2000, wlanAt, cell));

        assertThat(first.defaultUplink()).contains("wlan0");
        assertThat(second.defaultUplink()).contains("wwan0");
        assertThat(second.reason()).contains("wlan0 reached its monthly cap of 5GB (caps wlan0=5GB, 5.2GB used)")
                .contains("drops from primary to backup");
    }

    @Test
    void givenCapActionBackup_whenCappedUplinkIsTheOnlyOneLeft_thenItIsStillUsed() {
        UplinkSnapshot capped = up("wwan0", "cellular", true, 10, 2 * GB);
        CostPolicy p = policy(Map.of("caps", "cellular=500MB"));

        Decision d = p.decide(context(1000, down(eth0), capped));

        assertThat(d.defaultUplink()).contains("wwan0");
        assertThat(d.reason()).contains("it reached its monthly cap of 500MB");
    }

    @Test
    void givenCapActionNever_whenCappedUplinkIsTheOnlyOneLeft_thenNoUplinkNamingTheCap() {
        UplinkSnapshot capped = up("wwan0", "cellular", true, 10, 2 * GB);
        CostPolicy p = policy(Map.of("caps", "cellular=500MB", "capAction", "never"));

        Decision d = p.decide(context(1000, down(eth0), capped));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.reason()).contains("wwan0 is usable but in tier never (reached its monthly cap of 500MB");
    }

    @Test
    void givenNeverTier_whenEverythingElseIsDown_thenNoUplinkWithReason() {
        CostPolicy p = policy(Map.of("tiers", "cellular=never"));

        Decision d = p.decide(context(1000, down(eth0), down(wlan0), wwan0));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.uplinksUsed()).isEmpty();
        assertThat(d.reason()).startsWith("no uplink can be used")
                .contains("wwan0 is usable but in tier never (tiers cellular=never)")
                .contains("eth0 is not usable (NIC DOWN, path DOWN)");
    }

    @Test
    void givenNeverTier_whenOthersAreUp_thenReasonMentionsTheNeverUplink() {
        CostPolicy p = policy(Map.of("tiers", "wlan0=never"));

        Decision d = p.decide(context(1000, wlan0, wwan0));

        assertThat(d.defaultUplink()).contains("wwan0");
        assertThat(d.reason()).contains("wlan0 is in tier never (tiers wlan0=never)");
    }

    @Test
    void givenEverythingDown_whenDeciding_thenNoUplinkListingEach() {
        Decision d = policy(Map.of()).decide(context(1000, down(eth0), down(wwan0)));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.reason()).isEqualTo("no uplink can be used: eth0 is not usable (NIC DOWN, path DOWN);"
                + " wwan0 is not usable (NIC DOWN, path DOWN)");
        assertThat(policy(Map.of()).decide(context(1000)).reason()).isEqualTo("no uplink is known");
    }

    @Test
    void givenIdPatternAndTechnology_whenBothMatch_thenIdEntryWins() {
        UplinkSnapshot wwan1 = up("wwan1", "cellular", true, 5);
        CostPolicy p = policy(Map.of("tiers", "cellular=primary,wwan1=never"));

        assertThat(p.decide(context(1000, wwan0, wwan1, eth0)).defaultUplink()).contains("wwan0");
        assertThat(p.decide(context(1000, down(wwan0), wwan1, eth0)).defaultUplink()).contains("eth0");
    }

    @Test
    void givenNoHold_whenCheaperUplinkFlaps_thenDecisionFollowsItAtOnce() {
        CostPolicy p = policy(Map.of());

        Decision d1 = p.decide(context(1000, eth0, wwan0));
        Decision d2 = p.decide(after(d1, 1000, 2000, down(eth0), wwan0));
        Decision d3 = p.decide(after(d2, 2000, 3000, eth0, wwan0));

        assertThat(d1.defaultUplink()).contains("eth0");
        assertThat(d2.defaultUplink()).contains("wwan0");
        assertThat(d3.defaultUplink()).contains("eth0");
    }

    @Test
    void givenFailbackHold_whenCheaperUplinkFlaps_thenStaysUntilHoldExpiresButLeavesDeadUplinkAtOnce() {
        CostPolicy p = policy(Map.of("failbackHoldSeconds", "30"));

        Decision onEth = p.decide(context(1000, eth0, wwan0));
        Decision onCell = p.decide(after(onEth, 1000, 2000, down(eth0), wwan0));
        Decision held = p.decide(after(onCell, 2000, 7000, eth0, wwan0));
        Decision stillHeld = p.decide(after(onCell, 2000, 9000, down(eth0), wwan0));
        Decision back = p.decide(after(onCell, 2000, 32_000, eth0, wwan0));

        assertThat(onCell.defaultUplink()).contains("wwan0");
        assertThat(held.defaultUplink()).contains("wwan0");
        assertThat(held.reason()).contains("stays on wwan0").contains("failback hold of 30 s (failbackHoldSeconds), 25 s left");
        assertThat(stillHeld.defaultUplink()).contains("wwan0");
        assertThat(back.defaultUplink()).contains("eth0");
    }

    @Test
    void givenFailbackHold_whenHeldUplinkReachesItsCap_thenLeftAtOnce() {
        UplinkSnapshot cell = up("wwan0", "cellular", true, 10, 0);
        UplinkSnapshot cellCapped = up("wwan0", "cellular", true, 10, 6 * GB);
        UplinkSnapshot wwan1 = up("wwan1", "cellular", true, 20);
        CostPolicy p = policy(Map.of("caps", "wwan0=5GB", "capAction", "never", "failbackHoldSeconds", "30"));

        Decision d1 = p.decide(context(1000, down(eth0), wwan1, cell));
        Decision d2 = p.decide(after(d1, 1000, 2000, down(eth0), wwan1, cellCapped));

        assertThat(d1.defaultUplink()).contains("wwan0");
        assertThat(d2.defaultUplink()).contains("wwan1");
        assertThat(d2.reason()).contains("wwan0 reached its monthly cap of 5GB");
    }
}
