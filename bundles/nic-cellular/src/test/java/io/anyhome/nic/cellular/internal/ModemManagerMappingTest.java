package io.anyhome.nic.cellular.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModemManagerMappingTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {"0; ''", "16384; lte", "32768; 5gnr", "49152; lte,5gnr", "32; umts",
        "2; gsm", "512; hspa+", "65536; lte-cat-m", "2147483648; ''"})
    void givenAnAccessTechnologyBitmask_whenNamed_thenEachSetBitGivesItsName(long mask, String names) {
        assertThat(ModemManagerMapping.accessTechnologies(mask)).isEqualTo(names);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, IDLE", "1, HOME", "2, SEARCHING", "3, DENIED", "4, UNKNOWN", "5, ROAMING", "6, HOME",
        "7, ROAMING", "8, DENIED", "9, HOME", "10, ROAMING", "11, UNKNOWN", "99, UNKNOWN"})
    void givenA3gppRegistrationState_whenMapped_thenItIsTheDriversRegistration(long state, ModemRegistration r) {
        assertThat(ModemManagerMapping.registration(state)).isEqualTo(r);
    }

    @Test
    void givenModemsWithPorts_whenAnInterfaceIsLookedUp_thenTheModemOwningItAnswers() {
        Map<String, Map<String, Map<String, Object>>> objects = Map.of(
                "/org/freedesktop/ModemManager1/Modem/0", Map.of(ModemManagerMapping.MODEM, Map.of(
                        "PrimaryPort", "cdc-wdm0", "Ports", List.of(List.of("cdc-wdm0", 6L), List.of("wwan0", 2L)),
                        "SignalQuality", List.of(70L, true), "AccessTechnologies", 16384L, "State", 11),
                        ModemManagerMapping.MODEM_3GPP, Map.of("OperatorName", "Example Mobile",
                                "RegistrationState", 5L)),
                "/org/freedesktop/ModemManager1/Modem/1", Map.of(ModemManagerMapping.MODEM, Map.of(
                        "PrimaryPort", "wwan1", "Ports", List.of(), "SignalQuality", List.of(20L, false),
                        "AccessTechnologies", 32L)));

        assertThat(ModemManagerMapping.factsFor(objects, "wwan0")).contains(new ModemFacts(OptionalDouble.of(70),
                "lte", "Example Mobile", ModemRegistration.ROAMING));
        assertThat(ModemManagerMapping.factsFor(objects, "wwan1")).contains(new ModemFacts(OptionalDouble.of(20),
                "umts", "", ModemRegistration.UNKNOWN));
        assertThat(ModemManagerMapping.factsFor(objects, "wwan2")).isEmpty();
        assertThat(ModemManagerMapping.factsFor(Map.of(), "wwan0")).isEmpty();
    }

    @Test
    void givenAPortListedUnderAnotherName_whenMatched_thenOnlyExactNamesCount() {
        Map<String, Object> modem = Map.of("Ports", List.of(List.of("wwan0", 2L)), "PrimaryPort", "cdc-wdm0");

        assertThat(ModemManagerMapping.ownsPort(modem, "wwan0")).isTrue();
        assertThat(ModemManagerMapping.ownsPort(modem, "cdc-wdm0")).isTrue();
        assertThat(ModemManagerMapping.ownsPort(modem, "wwan")).isFalse();
        assertThat(ModemManagerMapping.ownsPort(Map.of(), "wwan0")).isFalse();
    }
}
