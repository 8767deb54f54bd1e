package io.anyhome.nic.ethernet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.testing.RecordingRegistry;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EthernetDriverTest {
    @TempDir
    Path sys;

    private final RecordingRegistry registry = new RecordingRegistry();
    private final List<String> warnings = new ArrayList<>();

    private EthernetDriver driver(EthernetSettings settings) {
        return new EthernetDriver("ethernet", settings, registry, new LinkSpeed(sys), warnings::add);
    }

    private static EthernetSettings detectOnly() {
        return new EthernetSettings(InterfacePatterns.none(), true, 0, false, 5000);
    }

    @ParameterizedTest(name = "{0} kind={1} devType={2} wireless={3} mac={4} -> {5}")
    @CsvSource({
            "eth0,    '',     '',     false, 02:00:00:00:00:01, true",
            "veth-a,  veth,   '',     false, 02:00:00:00:00:01, true",
            "wlp3s0,  '',     wlan,   true,  02:00:00:00:00:01, false",
            "wlan1,   '',     '',     true,  02:00:00:00:00:01, false",
            "wwan0,   '',     wwan,   false, 02:00:00:00:00:01, false",
            "br0,     bridge, bridge, false, 02:00:00:00:00:01, false",
            "dummy0,  dummy,  '',     false, 02:00:00:00:00:01, false",
            "ppp0,    '',     '',     false, '',                false"})
    void givenWhatTheSystemSays_whenClassified_thenOnlyWiredAndVethCountAsEthernet(String name, String kind,
            String devType, boolean wireless, String mac, boolean ethernet) {
        assertThat(EthernetSettings.isEthernet(new NicCandidate(name, 2, kind, devType, wireless, mac))).isEqualTo(ethernet);
    }

    @Test
    void givenNoConfiguration_whenAnEthernetInterfaceIsOffered_thenItIsClaimedWithCostAndSpeedAndDuplex() throws IOException {
        Files.createDirectories(sys.resolve("eth0"));
        Files.writeString(sys.resolve("eth0/speed"), "1000\n");
        Files.writeString(sys.resolve("eth0/duplex"), "full\n");

        driver(detectOnly()).offered(new NicCandidate("eth0", 2, "", "", false, "02:00:00:00:00:01"));

        assertThat(registry.claims).containsOnlyKeys("eth0");
        assertThat(registry.claims.get("eth0").metrics).containsOnly(entry("cost", 0.0), entry("metered", 0.0),
                entry("speed.mbps", 1000.0));
        assertThat(registry.claims.get("eth0").info).containsOnly(entry("duplex", "full"));
    }

    @Test
    void givenUnreadableOrUnknownSpeed_whenRefreshed_thenSpeedAndDuplexAreAbsent() throws IOException {
        Files.createDirectories(sys.resolve("eth1"));
        Files.writeString(sys.resolve("eth1/speed"), "-1\n");
        Files.writeString(sys.resolve("eth1/duplex"), "unknown\n");
        EthernetDriver d = driver(detectOnly());

        d.offered(new NicCandidate("eth1", 3, "veth", "", false, "02:00:00:00:00:02"));
        d.offered(new NicCandidate("eth2", 4, "veth", "", false, "02:00:00:00:00:03"));
        d.refresh();

        assertThat(registry.claims.get("eth1").metrics).doesNotContainKey("speed.mbps");
        assertThat(registry.claims.get("eth1").info).isEmpty();
        assertThat(registry.claims.get("eth2").metrics).doesNotContainKey("speed.mbps");
    }

    @Test
    void givenPatternsWithoutDetection_whenOffered_thenOnlyMatchingNamesAreClaimedWithTheConfiguredCost() {
        EthernetDriver d = driver(new EthernetSettings(InterfacePatterns.parse("interfaces", "uplink*"), false, 3, true, 5000));

        d.offered(new NicCandidate("uplink0", 2, "", "", false, "02:00:00:00:00:01"));
        d.offered(new NicCandidate("eth0", 3, "", "", false, "02:00:00:00:00:02"));

        assertThat(registry.claims).containsOnlyKeys("uplink0");
        assertThat(registry.claims.get("uplink0").metrics).contains(entry("cost", 3.0), entry("metered", 1.0));
    }

    @Test
    void givenABadPattern_whenConfigured_thenActivationIsRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> EthernetDriverComponent.settings(config("eth[0]", 5000)))
                .withMessageStartingWith("interfaces: 'eth[0]'");
        assertThatIllegalArgumentException().isThrownBy(() -> EthernetDriverComponent.settings(config("eth*", 5)))
                .withMessageStartingWith("pollIntervalMs");
    }

    private static EthernetDriverComponent.Config config(String interfaces, long poll) {
        return new EthernetDriverComponent.Config() {
            public Class<? extends Annotation> annotationType() {
                return EthernetDriverComponent.Config.class;
            }

            public String[] interfaces() {
                return new String[] {interfaces};
            }

            public boolean detect() {
                return true;
            }

            public double cost() {
                return 0;
            }

            public boolean metered() {
                return false;
            }

            public long pollIntervalMs() {
                return poll;
            }

            public String name() {
                return "";
            }
        };
    }
}
