package io.anyhome.policy.redundant.internal;

import static io.anyhome.policy.redundant.internal.Fixtures.active;
import static io.anyhome.policy.redundant.internal.Fixtures.after;
import static io.anyhome.policy.redundant.internal.Fixtures.down;
import static io.anyhome.policy.redundant.internal.Fixtures.first;
import static io.anyhome.policy.redundant.internal.Fixtures.policy;
import static io.anyhome.policy.redundant.internal.Fixtures.udp;
import static io.anyhome.policy.redundant.internal.Fixtures.up;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedundantPolicyTest {
    private final UplinkSnapshot eth0 = up("eth0", "ethernet");
    private final UplinkSnapshot wlan0 = up("wlan0", "wlan");
    private final UplinkSnapshot wwan0 = up("wwan0", "cellular");
    private final FlowKey sip = udp("2001:db8::1", 40000, "2001:db8:2::7", 5060);
    private final FlowKey web = new FlowKey(sip.source(), sip.destination(), FlowKey.TCP, 40001, 443, 0);

    @Test
    void givenRules_whenTwoUplinksUsable_thenDefaultIsBestAndRulesCopyOntoTheSecondBest() {
        RedundantPolicy p = policy(Map.of("duplicate", "udp:5060, dscp:46"));

        Decision d = p.decide(first(1000, List.of(wwan0, wlan0, eth0), List.of()));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.ruleDuplicates()).extracting(r -> r.rule(), r -> r.uplink()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FlowRule.port(FlowKey.UDP, 5060), "wlan0"),
                org.assertj.core.groups.Tuple.tuple(FlowRule.dscp(46), "wlan0"));
        assertThat(d.duplicateUplinkFor(sip, 0)).contains("wlan0");
        assertThat(d.duplicateUplinkFor(web, 0)).isEmpty();
        assertThat(d.duplicateUplinkFor(web, 46)).contains("wlan0");
        assertThat(d.reason()).isEqualTo("using eth0 (order entry 1 'ethernet'), the best-ranked usable uplink;"
                + " copying flows matching udp:5060, dscp:46 onto wlan0 (order entry 2 'wlan'), the next-best usable uplink");
    }

    @Test
    void givenFiveTupleSelection_whenMatchingFlowIsActive_thenOnlyThatFlowIsCopied() {
        RedundantPolicy p = policy(Map.of("duplicateFlows", "udp/2001:db8::1/*/2001:db8:2::7/5060"));

        Decision d = p.decide(first(1000, List.of(eth0, wwan0), List.of(active(sip), active(web))));

        assertThat(d.flowDuplicates()).containsExactly(Map.entry(sip, "wwan0"));
        assertThat(d.ruleDuplicates()).isEmpty();
        assertThat(d.reason()).contains("copying 1 active flow selected by duplicateFlows onto wwan0");
    }

    @Test
    void givenOnlyOneUsableUplink_whenDeciding_thenNothingIsDuplicatedAndTheReasonSaysSo() {
        RedundantPolicy p = policy(Map.of("duplicate", "udp:5060"));

        Decision d = p.decide(first(1000, List.of(eth0, down(wlan0, 0)), List.of(active(sip))));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.ruleDuplicates()).isEmpty();
        assertThat(d.flowDuplicates()).isEmpty();
        assertThat(d.reason()).endsWith("nothing is duplicated: eth0 is the only usable uplink, copies need a second one");
    }

    @Test
    void givenNothingConfiguredToDuplicate_whenDeciding_thenBestUplinkAndReasonSaysNothingConfigured() {
        Decision d = policy(Map.of()).decide(first(1000, List.of(eth0, wlan0), List.of()));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.uplinksUsed()).containsExactly("eth0");
        assertThat(d.reason()).endsWith("nothing is duplicated: neither duplicate nor duplicateFlows is configured");
    }

    @Test
    void givenEverythingDown_whenDeciding_thenNoUplinkListingEachUplink() {
        Decision d = policy(Map.of("duplicate", "tcp:22")).decide(first(1000, List.of(down(eth0, 0), down(wlan0, 0)),
                List.of()));

        assertThat(d.defaultUplink()).isEmpty();
        assertThat(d.ruleDuplicates()).isEmpty();
        assertThat(d.reason()).isEqualTo("no uplink is usable: eth0 is not usable (NIC down, path down),"
                + " wlan0 is not usable (NIC down, path down)");
    }

    @Test
    void givenEqualRanks_whenDeciding_thenSmallestIdCarriesAndTheOtherCopiesWhateverTheOrder() {
        RedundantPolicy p = policy(Map.of("duplicate", "udp"));
        UplinkSnapshot eth1 = up("eth1", "ethernet");

        Decision d = p.decide(first(1000, List.of(eth1, eth0), List.of()));

        assertThat(d.defaultUplink()).contains("eth0");
        assertThat(d.ruleDuplicates()).singleElement().satisfies(r -> assertThat(r.uplink()).isEqualTo("eth1"));
        assertThat(p.decide(first(1000, List.of(eth0, eth1), List.of()))).isEqualTo(d);
    }

    @Test
    void givenFlappingBestUplink_whenItComesBack_thenItCarriesCopiesAtOnceAndTrafficOnlyAfterHoldDown() {
        RedundantPolicy p = policy(Map.of("duplicate", "udp:5060", "holdDownMs", 5000));
        Decision onEth = p.decide(first(1000, List.of(eth0, wlan0), List.of()));

        Decision ethDown = p.decide(after(onEth, 2000, List.of(down(eth0, 2000), wlan0)));
        Decision ethBack = p.decide(after(ethDown, 3000, List.of(up("eth0", "ethernet", 3000), wlan0)));
        Decision ethDownAgain = p.decide(after(ethBack, 4000, List.of(down(eth0, 4000), wlan0)));
        Decision ethBackAgain = p.decide(after(ethDownAgain, 5000, List.of(up("eth0", "ethernet", 5000), wlan0)));
        Decision stable = p.decide(after(ethBackAgain, 10_000, List.of(up("eth0", "ethernet", 5000), wlan0)));

        assertThat(ethDown.defaultUplink()).contains("wlan0");
        assertThat(ethDown.ruleDuplicates()).isEmpty();
        assertThat(ethBack.defaultUplink()).contains("wlan0");
        assertThat(ethBack.duplicateUplinkFor(sip, 0)).contains("eth0");
        assertThat(ethBack.reason()).contains("staying on wlan0 (order entry 2 'wlan') until eth0 (order entry 1"
                + " 'ethernet') has stayed usable for 5000 ms").contains("the better-ranked uplink, while it proves stable");
        assertThat(ethDownAgain.defaultUplink()).contains("wlan0");
        assertThat(ethBackAgain.defaultUplink()).contains("wlan0");
        assertThat(stable.defaultUplink()).contains("eth0");
        assertThat(stable.duplicateUplinkFor(sip, 0)).contains("wlan0");
    }

    @Test
    void givenNoHoldDown_whenBestComesBack_thenTrafficMovesAtOnce() {
        RedundantPolicy p = policy(Map.of("holdDownMs", "0"));
        Decision onWlan = p.decide(first(1000, List.of(down(eth0, 0), wlan0), List.of()));

        assertThat(p.decide(after(onWlan, 2000, List.of(up("eth0", "ethernet", 2000), wlan0))).defaultUplink())
                .contains("eth0");
    }

    @Test
    void givenUnlistedTechnology_whenRanking_thenItComesAfterListedOnes() {
        RedundantPolicy p = policy(Map.of("order", "wlan", "duplicate", "tcp:22"));

        Decision d = p.decide(first(1000, List.of(up("sat0", "satellite"), wlan0), List.of()));

        assertThat(d.defaultUplink()).contains("wlan0");
        assertThat(d.reason()).contains("onto sat0 (satellite, not in the order)");
    }

    @Test
    void givenNoUplinkKnown_whenDeciding_thenNoUplinkSaysNoneIsKnown() {
        assertThat(policy(Map.of()).decide(first(0, List.of(), List.of())).reason())
                .isEqualTo("no uplink is usable: none is known");
    }
}
