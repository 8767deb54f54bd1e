package io.anyhome.policy.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalSettingsTest {

    @Test
    void givenNoConfiguration_whenRead_thenTheDocumentedDefaults() {
        assertThat(SignalSettings.from(Map.of("component.name", "x")))
                .isEqualTo(new SignalSettings(1.0, 2.0, 1.0, 10.0, 3_000, -85.0));
    }

    @Test
    void givenTextValuesAsFileInstallGivesThem_whenRead_thenParsed() {
        SignalSettings s = SignalSettings.from(Map.of("weightSignal", "3", "weightLoss", " 0 ", "weightRtt", "0.5",
                "hysteresis", "5.5", "holdDownMs", "1500", "minSignalDbm", "-80"));

        assertThat(s).isEqualTo(new SignalSettings(3.0, 0.0, 0.5, 5.5, 1_500, -80.0));
    }

    @Test
    void givenANegativeWeight_whenRead_thenRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignalSettings.from(Map.of("weightLoss", -1.0)))
                .withMessage("etc/io.anyhome.policy.signal.cfg: key weightLoss: -1.0 is not a finite weight of 0 or more");
    }

    @Test
    void givenAllWeightsZero_whenRead_thenRefusedNamingTheKeys() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SignalSettings.from(Map.of("weightSignal", 0.0, "weightLoss", "0", "weightRtt", 0)))
                .withMessageStartingWith("etc/io.anyhome.policy.signal.cfg: key weightSignal, weightLoss, weightRtt: the weights are all 0");
    }

    @Test
    void givenANonNumericWeight_whenRead_thenRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignalSettings.from(Map.of("weightRtt", "high")))
                .withMessage("etc/io.anyhome.policy.signal.cfg: key weightRtt: 'high' is not a number");
    }

    @Test
    void givenAnInfiniteWeight_whenRead_thenRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignalSettings.from(Map.of("weightSignal", "Infinity")))
                .withMessageContaining("key weightSignal:");
    }

    @Test
    void givenAHysteresisOutOfRange_whenRead_thenRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignalSettings.from(Map.of("hysteresis", 100)))
                .withMessageContaining("key hysteresis: 100.0 is not a score margin");
        assertThatIllegalArgumentException().isThrownBy(() -> SignalSettings.from(Map.of("hysteresis", -1)))
                .withMessageContaining("key hysteresis:");
    }

    @Test
    void givenABadHoldDown_whenRead_thenRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignalSettings.from(Map.of("holdDownMs", -5L)))
                .withMessage("etc/io.anyhome.policy.signal.cfg: key holdDownMs: -5 is negative");
        assertThatIllegalArgumentException().isThrownBy(() -> SignalSettings.from(Map.of("holdDownMs", "3s")))
                .withMessageContaining("key holdDownMs: '3s' is not a whole number of milliseconds");
    }

    @Test
    void givenABadMinimumSignal_whenRead_thenRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignalSettings.from(Map.of("minSignalDbm", "NaN")))
                .withMessageContaining("key minSignalDbm:");
    }
}
