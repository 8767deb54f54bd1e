package io.anyhome.ifs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.testing.FakePlatform;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NicTableTest {
    private final FakePlatform platform = new FakePlatform();
    private final RecordingSignals signals = new RecordingSignals();
    private final NicTable table = new NicTable(Runnable::run, signals, () -> platform.now);

    @BeforeEach
    void watchThePlatform() throws PlatformException {
        table.detailsFrom(index -> {
            try {
                return platform.linkDetails(index);
            } catch (PlatformException e) {
                throw new IllegalStateException(e);
            }
        });
        platform.monitor(table);
    }

    private TestDriver driver(String name, Technology technology, int ranking) {
        TestDriver d = new TestDriver(name, technology, c -> true);
        d.registry = table;
        table.addDriver(d, ranking);
        return d;
    }

    private NicDTO nic(String name) {
        return table.show(name).orElseThrow();
    }

    @Test
    void givenTwoDriversWantingTheSameInterface_whenOffered_thenTheFirstWinsAndTheSecondIsRefusedNamingTheOwner() {
        platform.addEthernet(2, "eth0");
        TestDriver first = driver("ethernet", Technology.ETHERNET, 0);
        TestDriver second = driver("vendor", Technology.of("satellite"), 0);

        assertThat(first.handles).containsOnlyKeys("eth0");
        assertThat(second.offeredNames).as("an owned interface is not offered to an equal-ranked driver").isEmpty();
        assertThatThrownBy(() -> table.claim(second, "eth0")).isInstanceOf(NicClaimException.class)
                .hasMessageContaining("already claimed by driver 'ethernet'")
                .satisfies(e -> assertThat(((NicClaimException) e).currentOwner()).isEqualTo("ethernet"));
        assertThat(nic("eth0").driver).isEqualTo("ethernet");
        assertThat(nic("eth0").technology).isEqualTo("ethernet");
        assertThat(nic("eth0").claimError).isEqualTo("driver 'vendor': claimed by 'ethernet'");
    }

    @Test
    void givenAnUnknownInterface_whenClaimed_thenNotFound() {
        TestDriver d = driver("ethernet", Technology.ETHERNET, 0);

        assertThatThrownBy(() -> table.claim(d, "eth9")).isInstanceOf(NicClaimException.class)
                .hasMessageContaining("no such interface")
                .satisfies(e -> assertThat(((AnyhomeException) e).code()).isEqualTo(AnyhomeException.Code.NOT_FOUND));
    }

    @Test
    void givenAnOwnerThatGoesAway_whenRemoved_thenItsInterfacesAreOfferedToTheRemainingDrivers() {
        platform.addEthernet(2, "eth0");
        TestDriver first = driver("ethernet", Technology.ETHERNET, 0);
        TestDriver second = driver("vendor", Technology.of("satellite"), 0);
        first.handles.get("eth0").reportState(NicState.UP, true);
        var firstHandle = first.handles.get("eth0");

        table.removeDriver(first);

        assertThat(firstHandle.isValid()).isFalse();
        assertThat(second.handles).containsOnlyKeys("eth0");
        assertThat(nic("eth0").driver).isEqualTo("vendor");
        assertThat(nic("eth0").technology).isEqualTo("satellite");
        assertThat(signals.lines).containsSubsequence("claimed eth0 by ethernet", "up eth0 ethernet at 1000",
                "down eth0 ethernet at 1000: driver 'ethernet' went away",
                "released eth0 by ethernet: driver 'ethernet' went away", "claimed eth0 by vendor",
                "up eth0 satellite at 1000");
    }

    @Test
    void givenAHandleClosedByItsDriver_whenClosed_thenOtherDriversAreOfferedItAndReportsOnTheOldHandleAreIgnored() {
        platform.addEthernet(2, "eth0");
        TestDriver first = driver("ethernet", Technology.ETHERNET, 0);
        TestDriver second = driver("vendor", Technology.of("satellite"), 0);
        var old = first.handles.get("eth0");

        old.close();
        old.reportMetrics(Map.of("speed.mbps", 1000.0));

        assertThat(second.handles).containsOnlyKeys("eth0");
        assertThat(nic("eth0").metrics).doesNotContainKey("speed.mbps");
    }

    @Test
    void givenAHigherRankedDriverArrivingLater_whenOffered_thenItTakesTheInterfaceOverAndTheOwnerIsTold() {
        platform.addEthernet(2, "wlan0");
        TestDriver ethernet = driver("ethernet", Technology.ETHERNET, -100);
        TestDriver wlan = driver("wlan", Technology.WLAN, 0);

        assertThat(wlan.handles).containsOnlyKeys("wlan0");
        assertThat(ethernet.handles).isEmpty();
        assertThat(ethernet.releases).containsExactly("wlan0: taken over by driver 'wlan' (higher service ranking)");
        assertThat(nic("wlan0").driver).isEqualTo("wlan");
        assertThat(nic("wlan0").claimError).isNull();
    }

    @Test
    void givenDriverProbeAndOverrideValues_whenMerged_thenOverrideBeatsProbeBeatsDriverAndSourcesSaySo() throws Exception {
        platform.addEthernet(2, "eth0");
        TestDriver d = driver("ethernet", Technology.ETHERNET, 0);
        d.handles.get("eth0").reportMetrics(Map.of("rtt.ms", 9.0, "speed.mbps", 1000.0, "cost", 1.0));
        table.reportProbe("eth0", Map.of("rtt.ms", 20.0, "loss.ratio", 0.5));
        table.setOverride("eth0", "loss.ratio", "0");
        table.setOverride("eth0", "metered", "true");

        NicDTO dto = nic("eth0");

        assertThat(dto.metrics).containsOnly(entry("rtt.ms", 20.0), entry("speed.mbps", 1000.0), entry("cost", 1.0),
                entry("loss.ratio", 0.0), entry("metered", 1.0));
        assertThat(dto.metricSources).containsOnly(entry("rtt.ms", "probe"), entry("speed.mbps", "driver"),
                entry("cost", "driver"), entry("loss.ratio", "override"), entry("metered", "override"));
        assertThat(dto.overrides).containsOnly(entry("loss.ratio", "0"), entry("metered", "true"));
        assertThat(dto.metered).isTrue();
        assertThat(dto.cost).isEqualTo(1.0);
    }

    @Test
    void givenAnOverride_whenCleared_thenTheReportedValueShowsAgain() throws Exception {
        platform.addEthernet(2, "eth0");
        TestDriver d = driver("ethernet", Technology.ETHERNET, 0);
        d.handles.get("eth0").reportMetrics(Map.of("cost", 1.0));
        table.setOverride("eth0", "cost", "5");

        assertThat(table.clearOverride("eth0", "cost")).isTrue();
        assertThat(table.clearOverride("eth0", "cost")).isFalse();

        assertThat(nic("eth0").metrics).containsEntry("cost", 1.0);
        assertThat(nic("eth0").metricSources).containsEntry("cost", "driver");
        assertThat(nic("eth0").overrides).isEmpty();
        assertThat(signals.lines).contains("override eth0 cost=5", "override eth0 cost=null");
    }

    @Test
    void givenBadOverrides_whenSet_thenRefusedNamingTheKeyOrTheInterface() {
        platform.addEthernet(2, "eth0");

        assertThatThrownBy(() -> table.setOverride("eth0", "cost", "cheap")).hasMessageContaining("cost")
                .hasMessageContaining("'cheap'");
        assertThatThrownBy(() -> table.setOverride("eth0", "state", "SLEEPY")).hasMessageContaining("state");
        assertThatThrownBy(() -> table.setOverride("eth0", "Bad Key", "1")).hasMessageContaining("'Bad Key'");
        assertThatThrownBy(() -> table.setOverride("eth7", "cost", "1"))
                .satisfies(e -> assertThat(((AnyhomeException) e).code()).isEqualTo(AnyhomeException.Code.NOT_FOUND));
    }

    @Test
    void givenAClaimedUpInterface_whenThePlatformReportsCarrierLoss_thenItIsDownAtOnceWithTheCause() {
        platform.addEthernet(2, "eth0");
        driver("ethernet", Technology.ETHERNET, 0);
        assertThat(nic("eth0").state).isEqualTo(NicState.UP);

        platform.now = 2_000;
        platform.carrier(2, false);

        assertThat(nic("eth0").state).isEqualTo(NicState.DOWN);
        assertThat(nic("eth0").carrier).isFalse();
        assertThat(nic("eth0").stateSince).isEqualTo(2_000);
        assertThat(signals.lines).endsWith("down eth0 ethernet at 2000: carrier lost");

        platform.now = 3_000;
        platform.carrier(2, true);

        assertThat(nic("eth0").state).isEqualTo(NicState.UP);
        assertThat(signals.lines).endsWith("up eth0 ethernet at 3000");
    }

    @Test
    void givenAStateOverride_whenSetAndCleared_thenItWinsOverTheLinkAndTheSignalSaysWhy() throws Exception {
        platform.addEthernet(2, "eth0");
        driver("ethernet", Technology.ETHERNET, 0);

        table.setOverride("eth0", "state", "down");
        assertThat(nic("eth0").state).isEqualTo(NicState.DOWN);
        assertThat(signals.lines).contains("down eth0 ethernet at 1000: override state=DOWN");

        table.clearOverride("eth0", "state");
        assertThat(nic("eth0").state).isEqualTo(NicState.UP);
    }

    @Test
    void givenAClaimedInterface_whenItDisappears_thenTheDriverIsToldAndItLeavesTheList() {
        platform.addEthernet(2, "eth0");
        TestDriver d = driver("ethernet", Technology.ETHERNET, 0);

        platform.removeLink(2);

        assertThat(d.releases).containsExactly("eth0: interface removed");
        assertThat(table.list()).isEmpty();
        assertThat(signals.lines).contains("down eth0 ethernet at 1000: interface removed");
    }

    @Test
    void givenLoopbackTunAndTunnelLinks_whenSeen_thenOnlyTheRealInterfaceIsListedAndOffered() {
        platform.addLink(1, "lo", "", "", new LinkDetails("", false));
        platform.addLink(3, "home0", "tun", "", new LinkDetails("", false));
        platform.addLink(4, "ip6tnl0", "ip6tnl", "", new LinkDetails("", false));
        platform.addLink(5, "wlp3s0", "", "02:00:00:00:00:05", new LinkDetails("wlan", true));
        TestDriver d = new TestDriver("probe", Technology.WLAN, c -> false);
        d.registry = table;
        platform.change(loopback());

        table.addDriver(d, 0);

        assertThat(d.offeredNames).containsExactly("wlp3s0");
        assertThat(table.list()).extracting(n -> n.name).containsExactly("wlp3s0");
        assertThat(nic("wlp3s0").driver).isNull();
    }

    private LinkEvent loopback() {
        return new LinkEvent(io.anyhome.api.platform.Change.NEW, 1, "lo", LinkEvent.IFF_UP | LinkEvent.IFF_LOOPBACK,
                true, io.anyhome.api.platform.OperState.UNKNOWN, 65536, "", "", 1_000);
    }

    @Test
    void givenAWirelessInterface_whenOffered_thenTheCandidateCarriesWhatTheSystemSays() {
        platform.addLink(5, "wlp3s0", "", "02:00:00:00:00:05", new LinkDetails("wlan", true));
        var seen = new java.util.ArrayList<io.anyhome.api.nic.NicCandidate>();
        var d = new io.anyhome.api.nic.NicDriver() {
            public String name() {
                return "look";
            }

            public Technology technology() {
                return Technology.WLAN;
            }

            public void offered(io.anyhome.api.nic.NicCandidate c) {
                seen.add(c);
            }

            public void released(io.anyhome.api.nic.NicHandle h, String reason) {
            }
        };

        table.addDriver(d, 0);

        assertThat(seen).containsExactly(new io.anyhome.api.nic.NicCandidate("wlp3s0", 5, "", "wlan", true,
                "02:00:00:00:00:05"));
    }

    @Test
    void givenADriverReportingDormant_whenTheLinkIsUp_thenTheDriversStateCountsAndTheUplinkIsDown() {
        platform.addEthernet(2, "wlan0");
        TestDriver d = driver("wlan", Technology.WLAN, 0);

        d.handles.get("wlan0").reportState(NicState.DORMANT, true);
        d.handles.get("wlan0").reportFailure("not associated");
        d.handles.get("wlan0").reportInfo(Map.of("ssid", "lab"));

        assertThat(nic("wlan0").state).isEqualTo(NicState.DORMANT);
        assertThat(nic("wlan0").failure).isEqualTo("not associated");
        assertThat(nic("wlan0").info).containsOnly(entry("ssid", "lab"));
        assertThat(signals.lines).endsWith("down wlan0 wlan at 1000: driver reported DORMANT");
    }

    @Test
    void givenTheRegistryStopping_whenEverythingIsReleased_thenEachDriverIsTold() {
        platform.addEthernet(2, "eth0");
        TestDriver d = driver("ethernet", Technology.ETHERNET, 0);

        table.releaseAll("the NIC registry is stopping");

        assertThat(d.releases).containsExactly("eth0: the NIC registry is stopping");
        assertThat(nic("eth0").driver).isNull();
    }
}
