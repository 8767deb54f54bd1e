package io.anyhome.policy.priority.internal;

import static io.anyhome.api.nic.Technology.CELLULAR;
import static io.anyhome.api.nic.Technology.ETHERNET;
import static io.anyhome.api.nic.Technology.WLAN;
import static io.anyhome.policy.priority.internal.Uplinks.after;
import static io.anyhome.policy.priority.internal.Uplinks.down;
import static io.anyhome.policy.priority.internal.Uplinks.first;
import static io.anyhome.policy.priority.internal.Uplinks.policy;
import static io.anyhome.policy.priority.internal.Uplinks.up;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.nic.Technology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriorityPolicyTest {
    private static final String DEFAULT_ORDER = "ethernet, wlan, cellular";

    @Test
    void givenAnOrderOfTechnologies_whenAllAreUsable_thenTheFirstListedTechnologyCarriesEverything() {
        SelectionContext context = first(1_000, up("wwan0", CELLULAR), up("wlan0", WLAN), up("eth0", ETHERNET));

        Decision d = policy(DEFAULT_ORDER, "better", 5_000).decide(context);

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.reason()).isEqualTo("using eth0, the best-ranked usable uplink (order entry 1 'ethernet')");
        assertThat(d.flowOverrides()).isEmpty();
        assertThat(d.ruleOverrides()).isEmpty();
        assertThat(d.flowDuplicates()).isEmpty();
        assertThat(policy(DEFAULT_ORDER, "better", 5_000).decide(context)).isEqualTo(d);
    }

    @Test
    void givenAnOrderOfNameGlobs_whenAllAreUsable_thenTheFirstMatchingNameWinsWhateverItsTechnology() {
        Decision d = policy("wwan*, wlan*", "always", 0)
                .decide(first(1_000, up("eth0", ETHERNET), up("wlan0", WLAN), up("wwan0", CELLULAR)));

        assertThat(d.defaultUplink()).contains("wwan0");
        assertThat(d.reason()).contains("order entry 1 'wwan*'");
    }

    @Test
    void givenANameBeforeItsTechnology_whenBothMatch_thenTheNamedInterfaceRanksFirst() {
        Decision d = policy("eth1, ethernet", "always", 0).decide(first(1_000, up("eth0", ETHERNET),
                up("eth1", ETHERNET)));

        assertThat(d.defaultUplink()).contains("eth1");
    }

    @Test
    void givenUplinksNoEntryMatches_whenNothingListedIsUsable_thenTheyAreUsedByIdAfterTheListedOnes() {
        PriorityPolicy policy = policy("cellular", "always", 0);

        Decision listedDown = policy.decide(first(1_000, up("eth1", ETHERNET), up("eth0", ETHERNET),
                down("wwan0", CELLULAR)));
        Decision listedUp = policy.decide(first(1_000, up("eth1", ETHERNET), up("eth0", ETHERNET),
                up("wwan0", CELLULAR)));

        assertThat(listedDown.defaultUplink()).contains("eth0");
        assertThat(listedDown.reason()).contains("ethernet, not in the order");
        assertThat(listedUp.defaultUplink()).contains("wwan0");
    }

    @Test
    void givenEveryUplinkDown_whenDeciding_thenNoUplinkWithEachOneExplained() {
        Decision d = policy(DEFAULT_ORDER, "better", 5_000).decide(after(Decision.useUplink("eth0", "x"), 500, 1_000,
                down("eth0", ETHERNET), down("wlan0", WLAN)));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.reason()).isEqualTo("no uplink is usable: eth0 is not usable (NIC down, path down),"
                + " wlan0 is not usable (NIC down, path down)");
    }

    @Test
    void givenNoUplinkAtAll_whenDeciding_thenNoUplinkBecauseNoneIsKnown() {
        Decision d = policy(DEFAULT_ORDER, "better", 5_000).decide(first(1_000));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.reason()).isEqualTo("no uplink is usable: none is known");
    }

    @Test
    void givenNothingWasUsable_whenAnUplinkComesUp_thenItIsUsedAtOnce() {
        Decision d = policy(DEFAULT_ORDER, "better", 5_000).decide(after(Decision.noUplink("all down"), 500, 600,
                up("wlan0", WLAN), down("eth0", ETHERNET)));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).startsWith("no uplink was usable; using wlan0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "better", "on-failure"})
    void givenTheCurrentUplinkFails_whenDeciding_thenTheNextRankedUsableOneTakesOverAtOnce(String failback) {
        Decision d = policy(DEFAULT_ORDER, failback, 5_000).decide(after(Decision.useUplink("eth0", "best"),
                999, 1_000, down("eth0", ETHERNET), up("wwan0", CELLULAR), up("wlan0", WLAN)));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).isEqualTo("eth0 is not usable (NIC down, path down); using wlan0,"
                + " the best-ranked usable uplink (order entry 2 'wlan')");
    }

    @Test
    void givenTheCurrentUplinkVanished_whenDeciding_thenTheBestUsableOneTakesOverAndTheReasonSaysItIsGone() {
        Decision d = policy(DEFAULT_ORDER, "on-failure", 5_000).decide(after(Decision.useUplink("eth0", "best"),
                999, 1_000, up("wlan0", WLAN)));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).startsWith("eth0 is gone; using wlan0");
    }

    @Test
    void givenFailbackAlways_whenTheBetterUplinkReturns_thenTrafficMovesBackImmediately() {
        Decision d = policy(DEFAULT_ORDER, "always", 5_000).decide(after(Decision.useUplink("wlan0", "eth0 down"),
                1_000, 1_001, up("eth0", ETHERNET), up("wlan0", WLAN)));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.reason()).isEqualTo("moving back to eth0 (order entry 1 'ethernet') from wlan0"
                + " (order entry 2 'wlan') now that it is usable (failback=always)");
    }

    @Test
    void givenFailbackOnFailure_whenTheBetterUplinkReturns_thenTrafficStaysUntilTheCurrentOneFails() {
        PriorityPolicy policy = policy(DEFAULT_ORDER, "on-failure", 5_000);

        Decision stays = policy.decide(after(Decision.useUplink("wlan0", "eth0 down"), 1_000, 60_000,
                up("eth0", ETHERNET), up("wlan0", WLAN)));
        Decision moves = policy.decide(after(stays, 60_000, 61_000, up("eth0", ETHERNET), down("wlan0", WLAN)));

        assertThat(stays.defaultUplink()).contains("wlan0");
        assertThat(stays.reason()).isEqualTo("staying on wlan0 (order entry 2 'wlan') while it is usable,"
                + " although eth0 (order entry 1 'ethernet') ranks higher (failback=on-failure)");
        assertThat(moves.defaultUplink()).contains("eth0");
    }

    @Test
    void givenFailbackBetter_whenTheBetterUplinkReturns_thenTrafficMovesOnlyOnceTheHoldDownHasPassed() {
        PriorityPolicy policy = policy(DEFAULT_ORDER, "better", 5_000);
        Decision onWlan = Decision.useUplink("wlan0", "eth0 down");

        // eth0 is usable again from 2 000 ms on
        Decision waiting = policy.decide(after(onWlan, 1_000, 2_000, up("eth0", ETHERNET, 2_000), up("wlan0", WLAN)));
        Decision stillWaiting = policy.decide(after(waiting, 1_000, 6_999, up("eth0", ETHERNET, 2_000), up("wlan0", WLAN)));
        Decision moved = policy.decide(after(waiting, 1_000, 7_000, up("eth0", ETHERNET, 2_000), up("wlan0", WLAN)));

        assertThat(waiting.defaultUplink()).contains("wlan0");
        assertThat(waiting.reason()).isEqualTo("eth0 (order entry 1 'ethernet') is usable; staying on wlan0"
                + " (order entry 2 'wlan') until eth0 has stayed usable for 5000 ms (failback=better)");
        assertThat(stillWaiting).isEqualTo(waiting);
        assertThat(moved.defaultUplink()).contains("eth0");
        assertThat(moved.reason()).isEqualTo("moving back to eth0 (order entry 1 'ethernet') from wlan0"
                + " (order entry 2 'wlan') after it stayed usable for 5000 ms (failback=better, holdDownMs=5000)");
    }

    @Test
    void givenFailbackBetter_whenTheDecisionInForceIsOldButTheBetterUplinkHasJustReturned_thenItWaits() {
        Decision d = policy(DEFAULT_ORDER, "better", 5_000).decide(after(Decision.useUplink("wlan0", "eth0 down"),
                1_000, 600_000, up("eth0", ETHERNET, 599_000), up("wlan0", WLAN)));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).contains("until eth0 has stayed usable for 5000 ms");
    }

    @Test
    void givenFailbackBetter_whenTheBetterUplinkHasLongBeenUsable_thenTrafficMovesAtOnce() {
        Decision d = policy(DEFAULT_ORDER, "better", 5_000).decide(after(Decision.useUplink("wlan0", "eth0 down"),
                1_000, 600_000, up("eth0", ETHERNET, 500_000), up("wlan0", WLAN)));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.reason()).contains("after it stayed usable for 100000 ms");
    }

    @Test
    void givenFailbackBetterWithNoHoldDown_whenTheBetterUplinkReturns_thenTrafficMovesBackImmediately() {
        Decision d = policy(DEFAULT_ORDER, "better", 0).decide(after(Decision.useUplink("wlan0", "eth0 down"),
                1_000, 1_001, up("eth0", ETHERNET), up("wlan0", WLAN)));

        assertThat(d.defaultUplink()).contains("eth0");
    }

    @Test
    void givenFailbackBetter_whenThePreferredUplinkFlaps_thenTrafficStaysOffItUntilItIsStable() {
        Uplinks.Engine engine = new Uplinks.Engine(policy(DEFAULT_ORDER, "better", 5_000));
        assertThat(engine.evaluate(0, up("eth0", ETHERNET), up("wlan0", WLAN)).defaultUplink()).contains("eth0");

        // eth0 is up 3 s, down 1 s, for a minute: never usable for the 5 s hold-down
        for (long t = 500; t < 60_000; t += 500) {
            boolean ethUp = t % 4_000 >= 1_000;
            Decision d = engine.evaluate(t, ethUp ? up("eth0", ETHERNET) : down("eth0", ETHERNET), up("wlan0", WLAN));
            assertThat(d.defaultUplink()).as("at %d ms", t).contains("wlan0");
        }
        assertThat(engine.routingChanges()).isEqualTo(1);

        // then eth0 stays up: traffic returns once, 5 s after it came up at 61 000 ms
        Decision d = null;
        for (long t = 60_000; t <= 70_000; t += 500) {
            boolean ethUp = t >= 61_000;
            d = engine.evaluate(t, ethUp ? up("eth0", ETHERNET) : down("eth0", ETHERNET), up("wlan0", WLAN));
            assertThat(d.defaultUplink()).as("at %d ms", t).contains(t >= 66_000 ? "eth0" : "wlan0");
        }
        assertThat(engine.routingChanges()).isEqualTo(2);
    }

    @Test
    void givenFailbackAlways_whenThePreferredUplinkFlaps_thenTrafficFollowsEveryFlap() {
        Uplinks.Engine engine = new Uplinks.Engine(policy(DEFAULT_ORDER, "always", 5_000));
        for (long t = 0; t < 60_000; t += 500) {
            boolean ethUp = t % 4_000 >= 1_000;
            engine.evaluate(t, ethUp ? up("eth0", ETHERNET) : down("eth0", ETHERNET), up("wlan0", WLAN));
        }

        assertThat(engine.routingChanges()).isGreaterThanOrEqualTo(28);
    }

    @Test
    void givenEqualRanks_whenChoosingAfresh_thenTheSmallestUplinkIdWins() {
        Decision d = policy("wlan*", "always", 0).decide(first(1_000, up("wlan1", WLAN), up("wlan0", WLAN)));

        assertThat(d.defaultUplink()).contains("wlan0");
    }

    @Test
    void givenEqualRanks_whenTheSmallerIdReturns_thenTheCurrentUplinkIsKept() {
        Decision d = policy("wlan*", "always", 0).decide(after(Decision.useUplink("wlan1", "wlan0 down"), 1_000,
                2_000, up("wlan1", WLAN), up("wlan0", WLAN)));

        assertThat(d.defaultUplink()).contains("wlan1");
        assertThat(d.reason()).isEqualTo("staying on wlan1 (order entry 1 'wlan*'): no usable uplink ranks higher");
    }

    @Test
    void givenAVendorTechnology_whenItIsListed_thenItRanksByItsName() {
        Technology satellite = Technology.of("satellite");

        Decision d = policy("satellite, cellular", "always", 0).decide(first(1_000, up("wwan0", CELLULAR),
                up("sat0", satellite)));

        assertThat(d.defaultUplink()).contains("sat0");
    }
}
