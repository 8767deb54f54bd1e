package io.anyhome.policy.cost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostSettingsTest {

    @Test
    void givenNoConfiguration_whenParsed_thenDefaults() {
        assertThat(CostSettings.parse(Map.of())).isEqualTo(CostSettings.DEFAULTS);
    }

    @Test
    void givenArrayAndCommaValues_whenParsed_thenEveryEntryKeptInOrder() {
        CostSettings s = CostSettings.parse(Map.of("tiers", new String[] {"eth*=Primary, wlan=secondary", "wwan0=never"},
                "caps", List.of("wwan0=1.5GiB"), "capAction", "NEVER", "failbackHoldSeconds", 20L));

        assertThat(s.tiers()).extracting(CostSettings.Rule::text).containsExactly("eth*=Primary", "wlan=secondary", "wwan0=never");
        assertThat(s.tiers()).extracting(CostSettings.Rule::value).containsExactly(Tier.PRIMARY, Tier.SECONDARY, Tier.NEVER);
        assertThat(s.caps().get(0).value()).isEqualTo(1_610_612_736L);
        assertThat(s.capAction()).isEqualTo(Tier.NEVER);
        assertThat(s.failbackHoldMillis()).isEqualTo(20_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tiers | eth0=best | tiers: 'best' is not a tier",
        "tiers | eth0 | tiers: 'eth0' is not PATTERN=VALUE",
        "tiers | eth/0=primary | tiers: 'eth/0' is neither an uplink id pattern",
        "tiers | =primary | tiers: '' is neither an uplink id pattern",
        "tiers | eth0=primary;eth0=never | tiers: pattern 'eth0' appears twice",
        "caps | wwan0=5XB | caps: '5XB' is not a size",
        "caps | wwan0=0MB | caps: '0MB' is not a size of at least 1 byte",
        "caps | wwan0=-5GB | caps: '-5GB' is not a size",
        "caps | wwan 0=5GB | caps: 'wwan 0' is neither",
        "capAction | secondary | capAction: 'secondary' is neither backup nor never",
        "capAction | sometimes | capAction: 'sometimes' is neither backup nor never",
        "failbackHoldSeconds | soon | failbackHoldSeconds: 'soon' is not a number of seconds",
    })
    void givenBadValue_whenParsed_thenRefusedNamingFileAndKey(String key, String value, String message) {
        Map<String, Object> config = Map.of(key, value.replace(';', ','));

        assertThatThrownBy(() -> CostSettings.parse(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("etc/io.anyhome.policy.cost.cfg: key " + key + ": ")
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"500MB,500000000", "5GB,5000000000", "5 gb,5000000000", "1.5GB,1500000000", "2KiB,2048", "123,123"})
    void givenSize_whenParsed_thenBytes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"999,999B", "5000000000,5GB", "5200000000,5.2GB", "800000000,800MB"})
    void givenBytes_whenFormatted_thenOperatorReadable(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }
}
