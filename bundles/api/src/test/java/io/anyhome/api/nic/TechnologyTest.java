package io.anyhome.api.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TechnologyTest {
    @Test
    void givenAVendorName_whenParsed_thenItIsAValueEqualToItselfButNotToWellKnownOnes() {
        Technology sat = Technology.of("Satellite");
        assertThat(sat.name()).isEqualTo("satellite");
        assertThat(sat).isEqualTo(Technology.of("satellite")).isNotEqualTo(Technology.WLAN);
        assertThat(Technology.of("wlan")).isEqualTo(Technology.WLAN);
    }

    @Test
    void givenAnInvalidName_whenParsed_thenTheErrorNamesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Technology.of("4g lte"))
                .withMessageContaining("'4g lte'");
    }
}
