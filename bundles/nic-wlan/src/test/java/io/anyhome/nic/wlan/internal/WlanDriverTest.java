package io.anyhome.nic.wlan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.platform.WirelessStation;
import io.anyhome.api.testing.FakePlatform;
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

class WlanDriverTest {
    @TempDir
    Path dir;

    private final RecordingRegistry registry = new RecordingRegistry();
    private final FakePlatform platform = new FakePlatform();
    private final List<String> warnings = new ArrayList<>();

    private WlanDriver driver(WlanSettings settings, FakePlatform p) {
        return new WlanDriver("wlan", settings, registry, () -> p, new ProcNetWireless(dir.resolve("wireless")),
                warnings::add);
    }

    private static WlanSettings detectOnly() {
        return new WlanSettings(InterfacePatterns.none(), true, 0, false, 1000);
    }

    @ParameterizedTest(name = "{0} kind={1} devType={2} wireless={3} -> {4}")
    @CsvSource({
            "wlp3s0, '',   wlan, true,  true",
            "wlan1,  '',   '',   true,  true",
            "wifi0,  '',   wlan, false, true",
            "eth0,   '',   '',   false, false",
            "wlan0,  veth, '',   false, false",
            "wwan0,  '',   wwan, false, false"})
    void givenWhatTheSystemSays_whenClassified_thenWirelessOrDevtypeWlanIsWlan(String name, String kind, String devType,
            boolean wireless, boolean wlan) {
        assertThat(WlanSettings.isWlan(new NicCandidate(name, 2, kind, devType, wireless, "02:00:00:00:00:01"))).isEqualTo(wlan);
    }

    @Test
    void givenTheLabPattern_whenAVethNamedWlan0IsOffered_thenItIsClaimedThoughTheSystemSaysNothingWireless() {
        WlanDriver d = driver(new WlanSettings(InterfacePatterns.parse("interfaces", "wlan*,wlp*"), true, 1, false, 1000), platform);

        d.offered(new NicCandidate("wlan0", 2, "veth", "", false, "02:00:00:00:00:01"));
        d.offered(new NicCandidate("eth0", 3, "veth", "", false, "02:00:00:00:00:02"));

        assertThat(registry.claims).containsOnlyKeys("wlan0");
        assertThat(registry.claims.get("wlan0").metrics).containsOnly(entry("cost", 1.0), entry("metered", 0.0));
    }

    @Test
    void givenAStation_whenPolled_thenSignalSsidAndBssidFollowItAndGoWhenItDisassociates() {
        WlanDriver d = driver(detectOnly(), platform);
        platform.stations.put(2, new WirelessStation("lab", "02:11:22:33:44:55", -48, 2412, 1_000));
        d.offered(new NicCandidate("wlp3s0", 2, "", "wlan", true, "02:00:00:00:00:01"));
        RecordingRegistry.Claim claim = registry.claims.get("wlp3s0");
        assertThat(claim.metrics).containsEntry("signal.dbm", -48.0);
        assertThat(claim.info).containsOnly(entry("ssid", "lab"), entry("bssid", "02:11:22:33:44:55"),
                entry("frequency.mhz", "2412"));

        platform.stations.put(2, new WirelessStation("lab", "02:11:22:33:44:66", -71, 5180, 2_000));
        d.poll();
        assertThat(claim.metrics).containsEntry("signal.dbm", -71.0);
        assertThat(claim.info).containsEntry("bssid", "02:11:22:33:44:66");

        platform.stations.remove(2);
        d.poll();
        assertThat(claim.metrics).doesNotContainKey("signal.dbm");
        assertThat(claim.info).isEmpty();
    }

    @Test
    void givenNoStationButProcNetWireless_whenPolled_thenTheSignalComesFromThere() throws IOException {
        Files.writeString(dir.resolve("wireless"), """
                Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE
                 face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22
                wlp3s0: 0000   62.  -57.  -256        0      0      0      0     12        0
                """);
        WlanDriver d = driver(detectOnly(), platform);

        d.offered(new NicCandidate("wlp3s0", 2, "", "wlan", true, "02:00:00:00:00:01"));

        assertThat(registry.claims.get("wlp3s0").metrics).containsEntry("signal.dbm", -57.0);
        assertThat(registry.claims.get("wlp3s0").info).isEmpty();
    }

    @Test
    void givenNoPlatform_whenPolled_thenNothingIsReportedAndNothingFails() {
        WlanDriver d = driver(detectOnly(), null);

        d.offered(new NicCandidate("wlp3s0", 2, "", "wlan", true, "02:00:00:00:00:01"));
        d.poll();

        assertThat(registry.claims.get("wlp3s0").metrics).doesNotContainKey("signal.dbm");
    }

    @Test
    void givenABadPatternOrASlowPoll_whenConfigured_thenActivationIsRefusedNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> WlanDriverComponent.settings(config("wlan(0)", 1000)))
                .withMessageStartingWith("interfaces: 'wlan(0)'");
        assertThatIllegalArgumentException().isThrownBy(() -> WlanDriverComponent.settings(config("wlan*", 5000)))
                .withMessageStartingWith("pollIntervalMs");
    }

    private static WlanDriverComponent.Config config(String interfaces, long poll) {
        return new WlanDriverComponent.Config() {
            public Class<? extends Annotation> annotationType() {
                return WlanDriverComponent.Config.class;
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
