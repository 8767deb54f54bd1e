package io.anyhome.policy.priority.internal;

import io.anyhome.api.ifs.UplinkPattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.nic.Technology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrioritySettingsTest {

    @Test
    void givenNoConfiguration_whenParsed_thenEthernetWlanCellularWithFailbackBetterAfterFiveSeconds() {
        PrioritySettings s = PrioritySettings.defaults();

        assertThat(s.order()).extracting(UplinkPattern::text).containsExactly("ethernet", "wlan", "cellular");
        assertThat(s.failback()).isEqualTo(Failback.BETTER);
        assertThat(s.holdDownMs()).isEqualTo(5_000);
    }

    @Test
    void givenTheOrderAsTextArrayOrList_whenParsed_thenTheEntriesAreTheSame() {
        List<String> expected = List.of("eth0", "wlan*", "cellular");

        assertThat(PrioritySettings.from(Map.of("order", "eth0, wlan* cellular")).order())
                .extracting(UplinkPattern::text).isEqualTo(expected);
        assertThat(PrioritySettings.from(Map.of("order", new String[] {"eth0", "wlan*,cellular"})).order())
                .extracting(UplinkPattern::text).isEqualTo(expected);
        assertThat(PrioritySettings.from(Map.of("order", expected)).order())
                .extracting(UplinkPattern::text).isEqualTo(expected);
    }

    @Test
    void givenFailbackInAnyCaseAndHoldDownAsText_whenParsed_thenTheyAreAccepted() {
        PrioritySettings s = PrioritySettings.from(Map.of("failback", "On-Failure", "holdDownMs", "3000"));

        assertThat(s.failback()).isEqualTo(Failback.ON_FAILURE);
        assertThat(s.holdDownMs()).isEqualTo(3_000);
    }

    @Test
    void givenAnEntryThatIsATechnologyAndAName_whenParsed_thenItMatchesBoth() {
        UplinkPattern e = UplinkPattern.parse("order", "wlan");

        assertThat(e.technology()).contains(Technology.WLAN);
        assertThat(e.names().matches("wlan")).isTrue();
        assertThat(e.names().matches("wlan0")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth/0", "wlan0;", "ethernet, 0x:y"})
    void givenAnOrderEntryThatIsNeitherTechnologyNorPattern_whenParsed_thenTheKeyAndEntryAreNamed(String order) {
        assertThatIllegalArgumentException().isThrownBy(() -> PrioritySettings.from(Map.of("order", order)))
                .withMessageStartingWith("etc/io.anyhome.policy.priority.cfg: key order: '")
                .withMessageContaining("is neither a technology name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " , "})
    void givenAnEmptyOrder_whenParsed_thenItIsRefusedNamingTheKey(String order) {
        assertThatIllegalArgumentException().isThrownBy(() -> PrioritySettings.from(Map.of("order", order)))
                .withMessage("etc/io.anyhome.policy.priority.cfg: key order: is empty; list technologies and/or"
                        + " interface name patterns, best first, e.g. ethernet, wlan, cellular");
    }

    @Test
    void givenAnEntryListedTwice_whenParsed_thenItIsRefusedNamingTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrioritySettings.from(Map.of("order", "wlan*, ethernet, wlan*")))
                .withMessage("etc/io.anyhome.policy.priority.cfg: key order: 'wlan*' is listed twice");
    }

    @Test
    void givenAnUnknownFailback_whenParsed_thenItIsRefusedWithTheAllowedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> PrioritySettings.from(Map.of("failback", "sometimes")))
                .withMessage("etc/io.anyhome.policy.priority.cfg: key failback: 'sometimes' is not one of"
                        + " always, better, on-failure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "3600001", "5s", ""})
    void givenABadHoldDown_whenParsed_thenItIsRefusedNamingTheKey(String holdDownMs) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrioritySettings.from(Map.of("holdDownMs", holdDownMs)))
                .withMessageStartingWith("etc/io.anyhome.policy.priority.cfg: key holdDownMs: ");
    }

    @Test
    void givenTheComponentWithoutConfiguration_whenItDecides_thenTheDefaultsApply() {
        InterfaceSelectionPolicy component = new PriorityPolicyComponent(Map.of());

        assertThat(component.decide(Uplinks.first(1_000, Uplinks.up("wlan0", Technology.WLAN),
                Uplinks.up("eth0", Technology.ETHERNET))).defaultUplink()).contains("eth0");
    }

    @Test
    void givenTheComponentWithABadConfiguration_whenActivated_thenActivationFailsNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorityPolicyComponent(Map.of("holdDownMs", -5L)))
                .withMessage("etc/io.anyhome.policy.priority.cfg: key holdDownMs: -5 is outside 0..3600000");
    }
}
