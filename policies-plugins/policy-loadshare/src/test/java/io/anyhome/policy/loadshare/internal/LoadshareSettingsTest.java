package io.anyhome.policy.loadshare.internal;

import static io.anyhome.policy.loadshare.internal.Fixtures.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadshareSettingsTest {

    @Test
    void givenNoConfiguration_whenParsed_thenEveryUplinkWeighsOne() {
        LoadshareSettings s = LoadshareSettings.from(Map.of());

        assertThat(s.weights()).isEmpty();
        assertThat(s.weightOf(up("eth0", "ethernet"))).isEqualTo(1);
    }

    @Test
    void givenIdAndTechnologyEntries_whenWeighing_thenIdMatchBeatsTechnology() {
        LoadshareSettings s = LoadshareSettings.from(Map.of("weights", "cellular:1, wwan1:4", "defaultWeight", "2"));

        assertThat(s.weightOf(up("wwan0", "cellular"))).isEqualTo(1);
        assertThat(s.weightOf(up("wwan1", "cellular"))).isEqualTo(4);
        assertThat(s.weightOf(up("eth0", "ethernet"))).isEqualTo(2);
    }

    @Test
    void givenGlobAndArrayForm_whenWeighing_thenGlobMatchesIds() {
        LoadshareSettings s = LoadshareSettings.from(Map.of("weights", new String[] {"wlan*:3", "eth0:0"},
                "defaultWeight", 7));

        assertThat(s.weightOf(up("wlan1", "wlan"))).isEqualTo(3);
        assertThat(s.weightOf(up("eth0", "ethernet"))).isZero();
        assertThat(s.weightOf(up("eth1", "ethernet"))).isEqualTo(7);
        assertThat(LoadshareSettings.from(Map.of("weights", List.of("wlan*:3"))).weights()).hasSize(1);
    }

    @Test
    void givenBadEntries_whenParsed_thenRefusedNamingFileKeyAndEntry() {
        assertThatThrownBy(() -> LoadshareSettings.from(Map.of("weights", "wlan0")))
                .hasMessage("etc/io.anyhome.policy.loadshare.cfg: key weights: 'wlan0' is not PATTERN:WEIGHT,"
                        + " e.g. wlan0:3 or cellular:1");
        assertThatThrownBy(() -> LoadshareSettings.from(Map.of("weights", "wlan0:-1")))
                .hasMessageContaining("key weights: 'wlan0:-1': weight '-1' is not a whole number 0..1000");
        assertThatThrownBy(() -> LoadshareSettings.from(Map.of("weights", "wlan0:1001")))
                .hasMessageContaining("key weights: 'wlan0:1001': weight 1001 is outside 0..1000");
        assertThatThrownBy(() -> LoadshareSettings.from(Map.of("weights", "wl/an:1")))
                .hasMessageContaining("key weights: 'wl/an' in 'wl/an:1' is neither an uplink id pattern");
        assertThatThrownBy(() -> LoadshareSettings.from(Map.of("weights", "wlan0:1,wlan0:2")))
                .hasMessage("etc/io.anyhome.policy.loadshare.cfg: key weights: 'wlan0' is listed twice");
        assertThatThrownBy(() -> LoadshareSettings.from(Map.of("defaultWeight", "heavy")))
                .hasMessageContaining("etc/io.anyhome.policy.loadshare.cfg: key defaultWeight: 'heavy': weight");
    }
}
