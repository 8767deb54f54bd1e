package io.anyhome.ifs.internal.flow;

import static io.anyhome.ifs.internal.flow.TestPackets.HOME;
import static io.anyhome.ifs.internal.flow.TestPackets.inet;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowDTO;
import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.RuleOverride;
import io.anyhome.api.path.Path;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FlowSwitchTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final FlowSwitch sw = new FlowSwitch(new FlowTable(1024), clock::get);
    private final CountingPath wlan = new CountingPath("wlan0");
    private final CountingPath wwan = new CountingPath("wwan0");
    private final Map<String, Path> paths = Map.of("wlan0", wlan, "wwan0", wwan);
    private final List<String> ids = List.of("wlan0", "wwan0");

    private static final ByteBuffer WEB = TestPackets.tcp6(HOME, "2001:db8:9::1", 40000, 443);
    private static final ByteBuffer SSH = TestPackets.tcp6(HOME, "2001:db8:9::1", 40001, 22);

    @Test
    void givenNoDecision_whenAPacketArrives_thenThereIsNoPath() {
        assertThat(sw.pathFor(WEB.duplicate())).isNull();
    }

    @Test
    void givenADefaultUplink_whenPacketsArrive_thenTheyTakeItsPathAndAreCountedOnIt() {
        sw.publish(Decision.useUplink("wlan0", "test"), List.of(), ids, paths, null);

        assertThat(sw.pathFor(WEB.duplicate())).isSameAs(wlan);
        assertThat(sw.flows()).singleElement().satisfies(f -> {
            assertThat(f.bytes).isEqualTo(WEB.remaining());
            assertThat(f.uplink).isEqualTo("wlan0");
            assertThat(f.assignedBy).isEqualTo(FlowDTO.BY_DEFAULT);
            assertThat(f.destinationPort).isEqualTo(443);
        });
    }

    @Test
    void givenARunningFlow_whenTheDecisionMovesTheDefault_thenTheFlowFollowsAtItsNextPacket() {
        sw.publish(Decision.useUplink("wlan0", "test"), List.of(), ids, paths, null);
        sw.pathFor(WEB.duplicate());

        sw.publish(Decision.useUplink("wwan0", "wlan0 lost"), List.of(), ids, paths, null);

        assertThat(sw.pathFor(WEB.duplicate())).isSameAs(wwan);
    }

    @Test
    void givenARuleAndAFlowOverride_whenFlowsArrive_thenEachGoesWhereTheDecisionSays() {
        sw.publish(Decision.useUplink("wlan0", "test"), List.of(), ids, paths, null);
        sw.pathFor(WEB.duplicate());
        FlowKey web = new FlowKey(inet(HOME), inet("2001:db8:9::1"), 6, 40000, 443, 0);
        Decision d = Decision.builder().defaultUplink("wlan0").routeFlow(web, "wwan0")
                .routeRule(FlowRule.port(6, 22), "wwan0").reason("split").build();

        sw.publish(d, List.of(), ids, paths, null);

        assertThat(sw.pathFor(WEB.duplicate())).isSameAs(wwan);
        assertThat(sw.pathFor(SSH.duplicate())).isSameAs(wwan);
        assertThat(sw.pathFor(TestPackets.udp6(HOME, "2001:db8:9::1", 5000, 53))).isSameAs(wlan);
        assertThat(sw.flows()).extracting(f -> f.destinationPort + "/" + f.assignedBy)
                .containsExactlyInAnyOrder("443/" + FlowDTO.BY_FLOW, "22/" + FlowDTO.BY_RULE, "53/" + FlowDTO.BY_DEFAULT);
    }

    @Test
    void givenPins_whenPublished_thenThePinnedFlowsShowAsPinned() {
        RuleOverride pin = new RuleOverride(FlowRule.port(6, 22), "wwan0");
        Decision d = Decision.builder().defaultUplink("wlan0").routeRule(pin.rule(), pin.uplink()).reason("pin").build();

        sw.publish(d, List.of(pin), ids, paths, null);

        assertThat(sw.pathFor(SSH.duplicate())).isSameAs(wwan);
        assertThat(sw.flows()).singleElement().extracting(f -> f.assignedBy).isEqualTo(FlowDTO.BY_PIN);
    }

    @Test
    void givenADuplicatedFlow_whenAPacketArrives_thenBothPathsGetACopy() {
        Decision d = Decision.builder().defaultUplink("wlan0").duplicateRule(FlowRule.port(17, 5060), "wwan0")
                .reason("dup").build();
        sw.publish(d, List.of(), ids, paths, null);

        ByteBuffer sip = TestPackets.udp6(HOME, "2001:db8:9::1", 5060, 5060);
        Path p = sw.pathFor(sip);
        assertThat(p.send(sip)).isTrue();

        assertThat(wlan.packets).hasValue(1);
        assertThat(wwan.packets).hasValue(1);
        assertThat(sw.flows()).singleElement().extracting(f -> f.duplicateUplink).isEqualTo("wwan0");
    }

    @Test
    void givenAHandover_whenTheFirstPacketTakesTheNewUplink_thenTheTimeFromTheTriggerIsRecordedOnce() {
        AtomicLong recorded = new AtomicLong(-1);
        AtomicLong calls = new AtomicLong();
        sw.publish(Decision.useUplink("wwan0", "wlan0 lost"), List.of(), ids, paths,
                new HandoverMark("wwan0", 990, ms -> {
                    recorded.set(ms);
                    calls.incrementAndGet();
                }));
        clock.set(1_004);

        sw.pathFor(WEB.duplicate());
        sw.pathFor(WEB.duplicate());

        assertThat(recorded).hasValue(14);
        assertThat(calls).hasValue(1);
    }

    @Test
    void givenAPathServiceReplaced_whenPathsUpdate_thenFlowsUseTheNewPathWithoutReplacement() {
        sw.publish(Decision.useUplink("wlan0", "test"), List.of(), ids, paths, null);
        sw.pathFor(WEB.duplicate());
        CountingPath newWlan = new CountingPath("wlan0");

        sw.updatePaths(Map.of("wlan0", newWlan, "wwan0", wwan));

        assertThat(sw.pathFor(WEB.duplicate())).isSameAs(newWlan);
    }

    @Test
    void givenAnUplinkWithoutPath_whenChosen_thenPacketsHaveNoPath() {
        sw.publish(Decision.useUplink("eth0", "test"), List.of(), List.of("eth0"), Map.of(), null);

        assertThat(sw.pathFor(WEB.duplicate())).isNull();
    }

    @Test
    void givenKnownFlows_whenPacketsPass_thenTheDataPathAllocatesNothing() {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Decision d = Decision.builder().defaultUplink("wlan0").routeRule(FlowRule.port(6, 22), "wwan0")
                .duplicateRule(FlowRule.dscp(46), "wwan0").reason("mixed").build();
        sw.publish(d, List.of(), ids, paths, null);
        ByteBuffer[] packets = new ByteBuffer[64];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = TestPackets.ipv6(HOME, "2001:db8:9::1", 6, i % 2 == 0 ? 46 : 0, 0, new int[] {60}, 40000 + i, 22 + i % 3, 20);
        }
        for (int warm = 0; warm < 20_000; warm++) {
            sw.pathFor(packets[warm & 63]);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            sw.pathFor(packets[i & 63]);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;

        assertThat(allocated).as("bytes allocated by 100 000 pathFor calls").isLessThan(1024);
    }
}
