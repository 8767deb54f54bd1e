package io.anyhome.policy.signal.internal;

import static io.anyhome.policy.signal.internal.TestUplinks.after;
import static io.anyhome.policy.signal.internal.TestUplinks.first;
import static io.anyhome.policy.signal.internal.TestUplinks.inState;
import static io.anyhome.policy.signal.internal.TestUplinks.withMetrics;
import static io.anyhome.policy.signal.internal.TestUplinks.wlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.path.PathState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalPolicyTest {
    private final SignalPolicy policy = new SignalPolicy(SignalSettings.DEFAULTS);

    @Test
    void givenThreeUplinks_whenFirstDecision_thenTheBestScoreIsChosen() {
        Decision d = policy.decide(first(1_000,
                wlan("wlan1", -75, 0.05, 100), withMetrics("eth0", Map.of()), wlan("wlan0", -60, 0.0, 30)));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).contains("best link quality", "wlan0 (score 93.5: signal -60 dBm, loss 0.0 %, rtt 30 ms)");
    }

    @Test
    void givenASignalOscillating3dBAroundAnotherUplinksLevel_whenEvaluatedForManySteps_thenNoSwitch() {
        FeedbackLoop loop = new FeedbackLoop(policy);
        for (int step = 0; step < 200; step++) {
            double wlan1Signal = step % 2 == 0 ? -67 : -73;
            loop.evaluate(1_000 + step * 1_500L, wlan("wlan0", -70, 0.01, 40), wlan("wlan1", wlan1Signal, 0.01, 40));
        }

        assertThat(loop.switches()).isZero();
        assertThat(loop.decisions()).allSatisfy(d -> assertThat(d.defaultUplink()).contains("wlan1"));
        assertThat(loop.decisions().get(1).reason()).contains("keeping wlan1", "within the hysteresis of 10.0 points");
    }

    @Test
    void givenNoHysteresisAndNoHoldDown_whenTheSameSignalOscillates_thenEveryCrossingSwitches() {
        FeedbackLoop loop = new FeedbackLoop(new SignalPolicy(new SignalSettings(1, 2, 1, 0, 0, -85)));
        for (int step = 0; step < 20; step++) {
            double wlan1Signal = step % 2 == 0 ? -67 : -73;
            loop.evaluate(1_000 + step * 1_500L, wlan("wlan0", -70, 0.01, 40), wlan("wlan1", wlan1Signal, 0.01, 40));
        }

        assertThat(loop.switches()).isEqualTo(19);
    }

    @Test
    void givenNoHysteresisButAHoldDown_whenTheSignalOscillatesEvery500ms_thenAtMostOneSwitchPerHoldDown() {
        FeedbackLoop loop = new FeedbackLoop(new SignalPolicy(new SignalSettings(1, 2, 1, 0, 3_000, -85)));
        for (int step = 0; step < 120; step++) {
            double wlan1Signal = step % 2 == 0 ? -67 : -73;
            loop.evaluate(1_000 + step * 500L, wlan("wlan0", -70, 0.01, 40), wlan("wlan1", wlan1Signal, 0.01, 40));
        }

        assertThat(loop.switches()).isPositive().isLessThanOrEqualTo(60_000 / 3_000);
    }

    @Test
    void givenAClearImprovementOnAnotherUplink_whenTheHoldDownRuns_thenItSwitchesWhenItEndsAndNotBefore() {
        FeedbackLoop loop = new FeedbackLoop(policy);
        long t0 = 10_000;
        UplinkSnapshot wlan0 = wlan("wlan0", -70, 0.02, 60);
        assertThat(loop.evaluate(t0, wlan0, wlan("wlan1", -80, 0.05, 80)).defaultUplink()).contains("wlan0");

        UplinkSnapshot better = wlan("wlan1", -50, 0.0, 10);
        for (long t : new long[] {t0 + 1_000, t0 + 1_500, t0 + 2_000, t0 + 2_500, t0 + 2_999}) {
            Decision held = loop.evaluate(t, wlan0, better);
            assertThat(held.defaultUplink()).as("at t0+%d", t - t0).contains("wlan0");
            assertThat(held.reason()).contains("hold-down keeps the last decision for another " + (t0 + 3_000 - t) + " ms");
        }
        Decision switched = loop.evaluate(t0 + 3_000, wlan0, better);

        assertThat(switched.defaultUplink()).contains("wlan1");
        assertThat(switched.reason()).contains("switched to wlan1", "17.5 points better", "hysteresis of 10.0 points");
        assertThat(loop.switches()).isEqualTo(1);
    }

    @Test
    void givenTheCurrentUplinkGoesDown_whenDecidingWithinTheHoldDown_thenItSwitchesAtOnce() {
        Decision previous = Decision.useUplink("wlan0", "earlier");
        UplinkSnapshot wlan0 = wlan("wlan0", -55, 0.0, 20);

        Decision d = policy.decide(after(previous, 5_000, 5_100, inState(wlan0, NicState.DOWN, PathState.DOWN),
                wlan("wlan1", -80, 0.1, 200)));

        assertThat(d.defaultUplink()).contains("wlan1");
        assertThat(d.reason()).contains("wlan0 is no longer usable (NIC DOWN, path DOWN); switched at once");
    }

    @Test
    void givenTheCurrentUplinksPathFails_whenDeciding_thenItSwitchesAtOnce() {
        Decision previous = Decision.useUplink("wlan0", "earlier");

        Decision d = policy.decide(after(previous, 5_000, 5_001,
                inState(wlan("wlan0", -55, 0.0, 20), NicState.UP, PathState.DOWN), wlan("wlan1", -80, 0.1, 200)));

        assertThat(d.defaultUplink()).contains("wlan1");
        assertThat(d.reason()).contains("wlan0 is no longer usable (NIC UP, path DOWN)");
    }

    @Test
    void givenTheCurrentUplinkDisappeared_whenDeciding_thenItSwitchesAtOnce() {
        Decision d = policy.decide(after(Decision.useUplink("wwan0", "earlier"), 5_000, 5_001, wlan("wlan1", -80, 0.1, 200)));

        assertThat(d.defaultUplink()).contains("wlan1");
        assertThat(d.reason()).contains("wwan0 is no longer usable (gone)");
    }

    @Test
    void givenEveryUplinkDown_whenDeciding_thenNoUplinkWithEachState() {
        Decision d = policy.decide(after(Decision.useUplink("wlan0", "earlier"), 1_000, 2_000,
                inState(wlan("wlan0", -60, 0, 20), NicState.DOWN, PathState.DOWN),
                inState(wlan("wlan1", -60, 0, 20), NicState.UP, PathState.DOWN),
                inState(withMetrics("eth0", Map.of()), NicState.DORMANT, PathState.CONNECTING)));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.reason()).isEqualTo("no uplink is usable: wlan0 NIC DOWN, path DOWN, wlan1 NIC UP, path DOWN, "
                + "eth0 NIC DORMANT, path CONNECTING");
    }

    @Test
    void givenNoUplinksAtAll_whenDeciding_thenNoUplink() {
        Decision d = policy.decide(first(1_000));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.reason()).isEqualTo("no uplink is usable: there are no uplinks");
    }

    @Test
    void givenNoUplinkLastTime_whenOneComesBack_thenItIsTakenAtOnce() {
        Decision d = policy.decide(after(Decision.noUplink("no uplink is usable"), 1_000, 1_001, wlan("wlan1", -80, 0.1, 200)));

        assertThat(d.defaultUplink()).contains("wlan1");
    }

    @Test
    void givenEqualScores_whenDeciding_thenTheSmallerIdWinsWhateverTheOrder() {
        Decision d = policy.decide(first(1_000, wlan("wlan1", -65, 0.01, 40), wlan("wlan0", -65, 0.01, 40)));
        Decision reversed = policy.decide(first(1_000, wlan("wlan0", -65, 0.01, 40), wlan("wlan1", -65, 0.01, 40)));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(reversed.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).contains("tied with wlan1, the smaller id wins");
    }

    @Test
    void givenUplinksWithoutAnyMetrics_whenDeciding_thenTheyScoreNeutralAndTheSmallerIdWins() {
        Decision d = policy.decide(first(1_000, withMetrics("eth1", Map.of()), withMetrics("eth0", Map.of())));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.reason()).contains("eth0 (score 50.0: no quality metrics)");
    }

    @Test
    void givenAWeakSignalWithTheBetterScore_whenAStrongerUplinkIsUsable_thenTheStrongerOneIsUsed() {
        Decision d = policy.decide(first(1_000, wlan("wlan0", -88, 0.0, 5), wlan("wlan1", -80, 0.04, 100)));

        assertThat(d.defaultUplink()).contains("wlan1");
        assertThat(d.reason()).contains("left out for a signal below minSignalDbm -85 dBm: wlan0");
    }

    @Test
    void givenOnlyWeakSignals_whenDeciding_thenTheBestWeakOneIsUsed() {
        Decision d = policy.decide(first(1_000, wlan("wlan1", -90, 0.0, 5), wlan("wlan0", -88, 0.0, 5)));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).contains("every usable uplink's signal is below minSignalDbm -85 dBm");
    }

    @Test
    void givenTheCurrentSignalFallsBelowTheMinimum_whenAStrongerUplinkIsUsable_thenItSwitchesAfterTheHoldDownDespiteASmallMargin() {
        Decision previous = Decision.useUplink("wlan0", "earlier");
        UplinkSnapshot weak = wlan("wlan0", -86, 0.0, 5);
        UplinkSnapshot strong = wlan("wlan1", -70, 0.02, 40);

        Decision held = policy.decide(after(previous, 10_000, 11_000, weak, strong));
        Decision switched = policy.decide(after(previous, 10_000, 13_000, weak, strong));

        assertThat(held.defaultUplink()).contains("wlan0");
        assertThat(held.reason()).contains("below minSignalDbm -85 dBm", "another 2000 ms");
        assertThat(switched.defaultUplink()).contains("wlan1");
        assertThat(switched.reason()).startsWith("switched to wlan1: the signal of wlan0 (score 81.8: signal -86 dBm");
    }

    @Test
    void givenTheCurrentUplinkIsStillTheBest_whenDeciding_thenItIsKeptAndTheReasonSaysSo() {
        Decision d = policy.decide(after(Decision.useUplink("wlan0", "earlier"), 1_000, 90_000,
                wlan("wlan0", -55, 0.0, 20), wlan("wlan1", -80, 0.1, 200)));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).startsWith("still the best link quality: wlan0");
    }

    @Test
    void givenNoSignalReading_whenScored_thenSignalCountsAsNeutral() {
        LinkScore eth = LinkScore.of(withMetrics("eth0", Map.of(NicMetrics.LOSS_RATIO, 0.0, NicMetrics.RTT_MS, 10.0)),
                SignalSettings.DEFAULTS);

        assertThat(eth.score()).isCloseTo(87.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void givenMetricsBeyondTheScale_whenScored_thenEachPartIsClamped() {
        LinkScore perfect = LinkScore.of(wlan("wlan0", -20, -0.5, 0), SignalSettings.DEFAULTS);
        LinkScore hopeless = LinkScore.of(wlan("wlan1", -120, 0.9, 5_000), SignalSettings.DEFAULTS);

        assertThat(perfect.score()).isEqualTo(100.0);
        assertThat(hopeless.score()).isEqualTo(0.0);
    }
}
