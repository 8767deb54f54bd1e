package io.anyhome.api.ifs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.PathState;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UplinkPatternTest {
    private static UplinkSnapshot uplink(String id, Technology technology) {
        return new UplinkSnapshot(id, technology, NicState.UP, Map.of(), 0, false, 0, Optional.empty(),
                BindingState.NONE, PathState.UP, 0);
    }

    @Test
    void givenATechnologyName_whenMatched_thenEveryUplinkOfThatTechnologyMatches() {
        UplinkPattern wlan = UplinkPattern.parse("order", "wlan");

        assertThat(wlan.matches(uplink("wlp2s0", Technology.WLAN))).isTrue();
        assertThat(wlan.matches(uplink("eth0", Technology.ETHERNET))).isFalse();
    }

    @Test
    void givenAGlob_whenMatched_thenInterfaceNamesDecide() {
        UplinkPattern eth = UplinkPattern.parse("order", "eth*");

        assertThat(eth.matches(uplink("eth1", Technology.ETHERNET))).isTrue();
        assertThat(eth.matches(uplink("wlan0", Technology.ETHERNET))).isFalse();
        assertThat(eth).hasToString("eth*");
    }

    @Test
    void givenNeitherATechnologyNorAPattern_whenParsed_thenTheKeyAndEntryAreNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> UplinkPattern.parse("etc/x.cfg: key order", "no/such"))
                .withMessageStartingWith("etc/x.cfg: key order: 'no/such' is neither a technology name");
    }
}
