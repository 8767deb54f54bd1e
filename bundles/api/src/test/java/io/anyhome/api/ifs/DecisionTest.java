package io.anyhome.api.ifs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AddressText;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DecisionTest {
    private static final InetAddress HOA = AddressText.parse("2001:db8:1::10");
    private static final InetAddress CN = AddressText.parse("2001:db8:2::7");
    private static final FlowKey VIDEO = new FlowKey(HOA, CN, FlowKey.TCP, 40000, 443, 0);
    private static final FlowKey SSH = new FlowKey(HOA, CN, FlowKey.TCP, 40001, 22, 0);
    private static final FlowKey DNS = new FlowKey(HOA, CN, FlowKey.UDP, 40002, 53, 0);

    @Test
    void givenNoReason_whenBuilt_thenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.builder().defaultUplink("wlan0").build())
                .withMessageContaining("reason");
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.useUplink("wlan0", "  "))
                .withMessageContaining("reason");
    }

    @Test
    void givenABuiltDecision_whenTheBuilderChangesAfterwards_thenTheDecisionDoesNot() {
        Decision.Builder builder = Decision.builder().defaultUplink("wlan0").routeFlow(VIDEO, "eth0").reason("first");
        Decision decision = builder.build();

        builder.defaultUplink("wwan0").routeFlow(SSH, "wwan0").routeRule(FlowRule.any(), "wwan0").reason("second");

        assertThat(decision.defaultUplink()).contains("wlan0");
        assertThat(decision.flowOverrides()).containsOnlyKeys(VIDEO);
        assertThat(decision.ruleOverrides()).isEmpty();
        assertThat(decision.reason()).isEqualTo("first");
    }

    @Test
    void givenADecision_whenItsCollectionsAreModified_thenThatIsRefused() {
        Decision decision = Decision.builder().defaultUplink("wlan0").routeFlow(VIDEO, "eth0")
                .routeRule(FlowRule.port(6, 22), "eth0").duplicateFlow(DNS, "wwan0").reason("r").build();

        assertThatThrownBy(() -> decision.flowOverrides().put(SSH, "wwan0"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> decision.ruleOverrides().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> decision.flowDuplicates().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> decision.uplinksUsed().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenOverridesAtEveryLevel_whenAFlowIsPlaced_thenFlowBeatsRuleBeatsDefault() {
        Decision decision = Decision.builder().defaultUplink("wlan0")
                .routeFlow(SSH, "wwan0")
                .routeRule(FlowRule.port(FlowKey.TCP, 22), "eth0")
                .routeRule(FlowRule.protocol(FlowKey.TCP), "eth1")
                .reason("r").build();

        assertThat(decision.uplinkFor(SSH, 0)).contains("wwan0");
        assertThat(decision.uplinkFor(new FlowKey(HOA, CN, FlowKey.TCP, 40009, 22, 0), 0)).contains("eth0");
        assertThat(decision.uplinkFor(VIDEO, 0)).contains("eth1");
        assertThat(decision.uplinkFor(DNS, 0)).contains("wlan0");
        assertThat(Decision.noUplink("nothing is up").uplinkFor(DNS, 0)).isEmpty();
    }

    @Test
    void givenDuplication_whenAsked_thenTheSecondUplinkIsGivenUnlessItIsTheFlowsOwn() {
        Decision decision = Decision.builder().defaultUplink("wlan0")
                .duplicateRule(FlowRule.dscp(46), "wwan0")
                .duplicateFlow(DNS, "wlan0")
                .reason("r").build();

        assertThat(decision.duplicateUplinkFor(VIDEO, 46)).contains("wwan0");
        assertThat(decision.duplicateUplinkFor(VIDEO, 0)).isEmpty();
        assertThat(decision.duplicateUplinkFor(DNS, 0)).as("onto its own uplink").isEmpty();
        assertThat(decision.uplinksUsed()).containsExactly("wlan0", "wwan0");
    }

    @Test
    void givenTwoDecisionsDifferingOnlyInReason_whenCompared_thenTheyRouteTheSameButAreNotEqual() {
        Decision a = Decision.useUplink("wlan0", "signal -60 dBm");
        Decision b = Decision.useUplink("wlan0", "signal -62 dBm");

        assertThat(a.sameRouting(b)).isTrue();
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isEqualTo(Decision.useUplink("wlan0", "signal -60 dBm"))
                .hasSameHashCodeAs(Decision.useUplink("wlan0", "signal -60 dBm"));
        assertThat(a.sameRouting(Decision.useUplink("wwan0", "signal -60 dBm"))).isFalse();
    }

    @Test
    void givenADecision_whenDerivedThroughToBuilder_thenTheOriginalIsUnchanged() {
        Decision original = Decision.builder().defaultUplink("wlan0").routeFlow(VIDEO, "eth0").reason("r").build();

        Decision derived = original.toBuilder().defaultUplink("wwan0").reason("wlan0 lost").build();

        assertThat(derived.defaultUplink()).contains("wwan0");
        assertThat(derived.flowOverrides()).containsEntry(VIDEO, "eth0");
        assertThat(original.defaultUplink()).contains("wlan0");
        assertThat(original.reason()).isEqualTo("r");
    }

    @Test
    void givenAnInvalidUplinkId_whenBuilding_thenTheFieldIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.builder().defaultUplink("wlan 0"))
                .withMessageContaining("defaultUplink 'wlan 0'");
        assertThatIllegalArgumentException().isThrownBy(() -> Decision.builder().routeFlow(VIDEO, ""))
                .withMessageContaining("uplink ''");
    }
}
