package io.anyhome.policy.loadshare.internal;

import static io.anyhome.policy.loadshare.internal.Fixtures.after;
import static io.anyhome.policy.loadshare.internal.Fixtures.applied;
import static io.anyhome.policy.loadshare.internal.Fixtures.context;
import static io.anyhome.policy.loadshare.internal.Fixtures.countOn;
import static io.anyhome.policy.loadshare.internal.Fixtures.down;
import static io.anyhome.policy.loadshare.internal.Fixtures.flow;
import static io.anyhome.policy.loadshare.internal.Fixtures.key;
import static io.anyhome.policy.loadshare.internal.Fixtures.policy;
import static io.anyhome.policy.loadshare.internal.Fixtures.up;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowSnapshot;
import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadsharePolicyTest {
    private final UplinkSnapshot eth0 = up("eth0", "ethernet");
    private final UplinkSnapshot wlan0 = up("wlan0", "wlan");
    private final UplinkSnapshot wwan0 = up("wwan0", "cellular");

    private static List<FlowSnapshot> unplaced(int count) {
        return IntStream.range(0, count).mapToObj(i -> flow(i, null)).toList();
    }

    @Test
    void givenWeights3And1_whenEightNewFlows_thenSixAndTwo() {
        LoadsharePolicy p = policy(Map.of("weights", "wlan0:3,cellular:1"));

        Decision d = p.decide(context(List.of(wlan0, wwan0), unplaced(8)));

        assertThat(countOn(d, "wlan0")).isEqualTo(6);
        assertThat(countOn(d, "wwan0")).isEqualTo(2);
        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).contains("wlan0 (weight 3: 6 flows)").contains("wwan0 (weight 1: 2 flows)")
                .contains("8 new flows placed").contains("go to wlan0, the heaviest usable uplink");
    }

    @Test
    void givenNoConfiguration_whenFlowsArrive_thenEveryUsableUplinkWeighsOne() {
        Decision d = policy(Map.of()).decide(context(List.of(eth0, wlan0, wwan0), unplaced(9)));

        assertThat(countOn(d, "eth0")).isEqualTo(3);
        assertThat(countOn(d, "wlan0")).isEqualTo(3);
        assertThat(countOn(d, "wwan0")).isEqualTo(3);
    }

    @Test
    void givenEqualWeights_whenDeciding_thenSmallestIdIsDefaultAndTakesTheOddFlowWhateverTheInputOrder() {
        LoadsharePolicy p = policy(Map.of());
        List<FlowSnapshot> flows = new ArrayList<>(unplaced(3));

        Decision d = p.decide(context(List.of(wlan0, eth0), flows));
        Collections.reverse(flows);
        Decision reversed = p.decide(context(List.of(eth0, wlan0), flows));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(countOn(d, "eth0")).isEqualTo(2);
        assertThat(d.reason()).contains("(equal weights: smallest id)");
        assertThat(reversed).isEqualTo(d);
    }

    @Test
    void givenUnbalancedRunningFlows_whenAllUplinksUsable_thenNoRunningFlowMovesAndNewOnesFillTheDeficit() {
        LoadsharePolicy p = policy(Map.of());
        List<FlowSnapshot> flows = new ArrayList<>();
        IntStream.range(0, 4).forEach(i -> flows.add(flow(i, "eth0")));
        flows.add(flow(10, null));
        flows.add(flow(11, null));

        Decision d = p.decide(context(List.of(eth0, wlan0), flows));

        IntStream.range(0, 4).forEach(i -> assertThat(d.flowOverrides()).containsEntry(key(i), "eth0"));
        assertThat(d.flowOverrides()).containsEntry(key(10), "wlan0").containsEntry(key(11), "wlan0");
        assertThat(d.reason()).contains("4 flows stay on their usable uplink (running flows are never moved to rebalance)");
    }

    @Test
    void givenFlowsOnAnUplinkThatWentDown_whenDeciding_thenOnlyThoseMoveToTheLargestDeficit() {
        LoadsharePolicy p = policy(Map.of("weights", "eth0:2"));
        List<FlowSnapshot> flows = List.of(flow(0, "eth0"), flow(1, "wlan0"), flow(2, "wwan0"), flow(3, "wwan0"),
                flow(4, "wwan0"));

        Decision d = p.decide(context(List.of(eth0, wlan0, down(wwan0)), flows));

        // 5 flows, weights 2:1: eth0 should carry 3.3 and wlan0 1.7; each has 1 when wwan0's 3 must move
        assertThat(d.flowOverrides()).containsEntry(key(0), "eth0").containsEntry(key(1), "wlan0")
                .containsEntry(key(2), "eth0").containsEntry(key(3), "eth0").containsEntry(key(4), "wlan0");
        assertThat(d.reason()).contains("3 flows moved off wwan0 because it is not usable (NIC down, path down)");
    }

    @Test
    void givenFlowOnAGoneUplink_whenDeciding_thenItMovesAndTheReasonSaysGone() {
        Decision d = policy(Map.of()).decide(context(List.of(eth0), List.of(flow(0, "ppp0"))));

        assertThat(d.flowOverrides()).containsEntry(key(0), "eth0");
        assertThat(d.reason()).contains("1 flow moved off ppp0 because it is gone");
    }

    @Test
    void givenFlappingUplink_whenItGoesDownAndComesBack_thenFlowsMovedAwayStayWhereTheyAre() {
        LoadsharePolicy p = policy(Map.of());
        List<UplinkSnapshot> all = List.of(eth0, wlan0);
        List<FlowSnapshot> flows = applied(p.decide(context(all, unplaced(6))), unplaced(6));
        assertThat(flows).filteredOn(f -> f.currentUplink().orElseThrow().equals("wlan0")).hasSize(3);

        for (int flap = 0; flap < 3; flap++) {
            Decision down = p.decide(after(null, List.of(eth0, down(wlan0)), flows));
            flows = applied(down, flows);
            Decision back = p.decide(after(null, all, flows));
            List<FlowSnapshot> before = flows;
            flows = applied(back, flows);

            assertThat(flows).isEqualTo(before);
        }
        assertThat(flows).allMatch(f -> f.currentUplink().orElseThrow().equals("eth0"));
    }

    @Test
    void givenFlappingUplink_whenNewFlowsArriveAfterItCameBack_thenTheyGoToIt() {
        LoadsharePolicy p = policy(Map.of());
        List<FlowSnapshot> flows = new ArrayList<>(List.of(flow(0, "eth0"), flow(1, "eth0")));
        flows.add(flow(2, null));

        Decision d = p.decide(context(List.of(eth0, wlan0), flows));

        assertThat(d.flowOverrides()).containsEntry(key(2), "wlan0");
    }

    @Test
    void givenUnplacedFlowThePreviousDecisionPlaced_whenThatUplinkIsUsable_thenItKeepsThatPlacement() {
        LoadsharePolicy p = policy(Map.of());
        Decision previous = Decision.builder().defaultUplink("eth0").routeFlow(key(0), "wlan0").reason("before").build();

        Decision d = p.decide(after(previous, List.of(eth0, wlan0), List.of(flow(0, null), flow(1, "wlan0"))));

        assertThat(d.flowOverrides()).containsEntry(key(0), "wlan0");
    }

    @Test
    void givenWeightZero_whenNewFlowsArrive_thenNoneGoesThereButRunningFlowsStay() {
        LoadsharePolicy p = policy(Map.of("weights", "cellular:0"));
        List<FlowSnapshot> flows = List.of(flow(0, "wwan0"), flow(1, null), flow(2, null), flow(3, null));

        Decision d = p.decide(context(List.of(eth0, wwan0), flows));

        assertThat(d.flowOverrides()).containsEntry(key(0), "wwan0");
        assertThat(countOn(d, "eth0")).isEqualTo(3);
        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.reason()).contains("wwan0 has weight 0 and keeps its 1 running flow but takes no new ones");
    }

    @Test
    void givenOnlyWeightZeroUplinksUsable_whenDeciding_thenNoUplinkWithReason() {
        Decision d = policy(Map.of("weights", "cellular:0")).decide(context(List.of(down(eth0), wwan0), unplaced(1)));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.reason()).isEqualTo("no usable uplink takes flows: wwan0 has weight 0 (weights cellular:0)");
    }

    @Test
    void givenEverythingDown_whenDeciding_thenNoUplinkListingEachUplink() {
        Decision d = policy(Map.of()).decide(context(List.of(down(eth0), down(wlan0)), List.of(flow(0, "eth0"))));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.flowOverrides()).isEmpty();
        assertThat(d.reason()).isEqualTo("no uplink is usable: eth0 is not usable (NIC down, path down),"
                + " wlan0 is not usable (NIC down, path down)");
    }

    @Test
    void givenNoUplinkKnown_whenDeciding_thenNoUplinkSaysNoneIsKnown() {
        assertThat(policy(Map.of()).decide(context(List.of(), List.of())).reason())
                .isEqualTo("no uplink is usable: none is known");
    }

    @Test
    void givenNoFlows_whenDeciding_thenOnlyTheDefaultHeaviestUplink() {
        Decision d = policy(Map.of("weights", "wlan:5")).decide(context(List.of(eth0, wlan0), List.of()));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.flowOverrides()).isEmpty();
    }

    @Test
    void givenTenThousandFlowsOverEightUplinks_whenDeciding_thenEachFlowPlacedInProportion() {
        List<UplinkSnapshot> uplinks = IntStream.range(0, 8).mapToObj(i -> up("eth" + i, "ethernet")).toList();
        LoadsharePolicy p = policy(Map.of("weights", "eth0:2"));

        Decision d = p.decide(context(uplinks, unplaced(10_000)));

        assertThat(d.flowOverrides()).hasSize(10_000);
        // weights 2,1,1,1,1,1,1,1: eth0 gets 2/9 of the flows, the others 1/9 each (within one flow)
        assertThat(countOn(d, "eth0")).isBetween(2221L, 2223L);
        IntStream.range(1, 8).forEach(i -> assertThat(countOn(d, "eth" + i)).isBetween(1110L, 1112L));
    }
}
