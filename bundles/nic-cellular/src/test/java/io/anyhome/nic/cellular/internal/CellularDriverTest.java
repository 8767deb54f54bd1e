package io.anyhome.nic.cellular.internal;

import io.anyhome.api.testing.RecordingRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicState;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellularDriverTest {
    private final RecordingRegistry registry = new RecordingRegistry();
    private final List<String> warnings = new ArrayList<>();

    @ParameterizedTest(name = "{0} devType={1} -> {2}")
    @CsvSource({"wwan0, wwan, true", "usb0, wwan, true", "eth0, '', false", "wlan0, wlan, false"})
    void givenWhatTheSystemSays_whenClassified_thenDevtypeWwanIsCellular(String name, String devType, boolean cellular) {
        assertThat(CellularSettings.isCellular(new NicCandidate(name, 2, "", devType, false, ""))).isEqualTo(cellular);
    }

    @Test
    void givenConfiguredModemFacts_whenTheModemInterfaceIsClaimed_thenTheyAreReportedAsMetricsAndInfo() {
        CellularSettings s = CellularDriverComponent.settings(config("wwan*", "-85", "60", "roaming"));
        CellularDriver d = new CellularDriver("cellular", s, registry, warnings::add);

        d.offered(new NicCandidate("wwan0", 4, "veth", "", false, "02:00:00:00:00:04"));
        d.offered(new NicCandidate("eth0", 2, "veth", "", false, "02:00:00:00:00:02"));

        assertThat(registry.claims).containsOnlyKeys("wwan0");
        RecordingRegistry.Claim c = registry.claims.get("wwan0");
        assertThat(c.metrics).containsOnly(entry("cost", 10.0), entry("metered", 1.0), entry("signal.dbm", -85.0),
                entry("signal.quality.percent", 60.0), entry("roaming", 1.0));
        assertThat(c.info).containsOnly(entry("registration", "roaming"), entry("access.technology", "lte"),
                entry("operator", "Example Mobile"));
        assertThat(c.state).isEqualTo(NicState.UNKNOWN);
    }

    @Test
    void givenAModemStillSearching_whenClaimed_thenItIsDormant() {
        CellularSettings s = new CellularSettings(InterfacePatterns.none(), true, 10, true, OptionalDouble.empty(),
                OptionalDouble.empty(), "", "", ModemRegistration.SEARCHING);

        new CellularDriver("cellular", s, registry, warnings::add).offered(new NicCandidate("wwan0", 4, "", "wwan", false, ""));

        assertThat(registry.claims.get("wwan0").state).isEqualTo(NicState.DORMANT);
        assertThat(registry.claims.get("wwan0").metrics).doesNotContainKey("signal.dbm");
    }

    @Test
    void givenModemManagerKnowsTheModem_whenItsViewChanges_thenItsFactsReplaceTheConfiguredOnesAndStateFollows() {
        CellularSettings s = CellularDriverComponent.settings(config("wwan*", "-85", "60", "roaming"));
        CellularDriver d = new CellularDriver("cellular", s, registry, warnings::add);
        d.offered(new NicCandidate("wwan0", 4, "", "wwan", false, ""));

        d.modemsChanged(name -> name.equals("wwan0") ? Optional.of(new ModemFacts(OptionalDouble.empty(), "5gnr",
                "", ModemRegistration.SEARCHING)) : Optional.empty());

        RecordingRegistry.Claim c = registry.claims.get("wwan0");
        assertThat(c.metrics).containsOnly(entry("cost", 10.0), entry("metered", 1.0), entry("signal.dbm", -85.0));
        assertThat(c.info).containsOnly(entry("registration", "searching"), entry("access.technology", "5gnr"));
        assertThat(c.state).isEqualTo(NicState.DORMANT);

        d.modemsChanged(name -> Optional.of(new ModemFacts(OptionalDouble.of(40), "lte", "Example Mobile",
                ModemRegistration.HOME)));

        assertThat(c.metrics).contains(entry("signal.quality.percent", 40.0), entry("roaming", 0.0));
        assertThat(c.info).containsOnly(entry("registration", "home"), entry("access.technology", "lte"),
                entry("operator", "Example Mobile"));
        assertThat(c.state).isEqualTo(NicState.UNKNOWN);

        d.modemsChanged(name -> Optional.empty());

        assertThat(c.metrics).contains(entry("signal.quality.percent", 60.0), entry("roaming", 1.0));
        assertThat(c.info).containsEntry("registration", "roaming");
    }

    @Test
    void givenBadValues_whenConfigured_thenActivationIsRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> CellularDriverComponent.settings(config("wwan[", "-85", "60", "home")))
                .withMessageStartingWith("interfaces: 'wwan['");
        assertThatIllegalArgumentException().isThrownBy(() -> CellularDriverComponent.settings(config("wwan*", "strong", "60", "home")))
                .withMessageStartingWith("signalDbm: 'strong'");
        assertThatIllegalArgumentException().isThrownBy(() -> CellularDriverComponent.settings(config("wwan*", "-85", "160", "home")))
                .withMessageStartingWith("signalQuality");
        assertThatIllegalArgumentException().isThrownBy(() -> CellularDriverComponent.settings(config("wwan*", "-85", "60", "attached")))
                .withMessageStartingWith("registration: 'attached'");
    }

    private static CellularDriverComponent.Config config(String interfaces, String signal, String quality, String registration) {
        return new CellularDriverComponent.Config() {
            public Class<? extends Annotation> annotationType() {
                return CellularDriverComponent.Config.class;
            }

            public String[] interfaces() {
                return new String[] {interfaces};
            }

            public boolean detect() {
                return true;
            }

            public double cost() {
                return 10;
            }

            public boolean metered() {
                return true;
            }

            public String signalDbm() {
                return signal;
            }

            public String signalQuality() {
                return quality;
            }

            public String accessTechnology() {
                return "lte";
            }

            public String operator() {
                return "Example Mobile";
            }

            public String registration() {
                return registration;
            }

            public String dbusAddress() {
                return "";
            }

            public long pollIntervalMs() {
                return 5000;
            }

            public String name() {
                return "";
            }
        };
    }
}
