package io.anyhome.ifs.internal.flow;

import static io.anyhome.ifs.internal.flow.TestPackets.HOME;
import static io.anyhome.ifs.internal.flow.TestPackets.inet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.ifs.FlowKey;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FlowTableTest {
    private final FlowTable table = new FlowTable(64);

    @Test
    void givenPacketsOfOneConnection_whenTracked_thenOneFlowCountsThemAll() {
        int a = table.track(TestPackets.tcp6(HOME, "2001:db8:9::1", 40000, 443), 1000);
        int b = table.track(TestPackets.tcp6(HOME, "2001:db8:9::1", 40000, 443), 1500);

        assertThat(a).isNotNegative().isEqualTo(b);
        assertThat(table.packets[a]).isEqualTo(2);
        assertThat(table.bytes[a]).isEqualTo(2L * TestPackets.tcp6(HOME, "2001:db8:9::1", 40000, 443).remaining());
        assertThat(table.firstSeen[a]).isEqualTo(1000);
        assertThat(table.lastSeen[a]).isEqualTo(1500);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void givenAnotherPortOrProtocol_whenTracked_thenItIsAnotherFlow() {
        int a = table.track(TestPackets.tcp6(HOME, "2001:db8:9::1", 40000, 443), 0);
        int b = table.track(TestPackets.tcp6(HOME, "2001:db8:9::1", 40001, 443), 0);
        int c = table.track(TestPackets.udp6(HOME, "2001:db8:9::1", 40000, 443), 0);

        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void givenExtensionHeadersAndALabel_whenTracked_thenKeyHasTheTransportPortsDscpAndLabel() {
        ByteBuffer p = TestPackets.ipv6(HOME, "2001:db8:9::1", 17, 46, 0x12345, new int[] {0, 60, 44}, 5060, 5061, 8);
        int s = table.track(p, 0);

        assertThat(table.key(s)).isEqualTo(new FlowKey(inet(HOME), inet("2001:db8:9::1"), 17, 5060, 5061, 0x12345));
        assertThat(table.dscp[s]).isEqualTo(46);
        assertThat(p.position()).isZero();
        assertThat(table.find(table.key(s))).isEqualTo(s);
    }

    @Test
    void givenIpv4_whenTracked_thenKeyIsIpv4() {
        int s = table.track(TestPackets.tcp4("192.0.2.1", "198.51.100.7", 1234, 80), 0);

        assertThat(table.key(s)).isEqualTo(new FlowKey(inet("192.0.2.1"), inet("198.51.100.7"), 6, 1234, 80, 0));
    }

    @Test
    void givenGarbage_whenTracked_thenItIsUnclassifiedAndNothingIsAdded() {
        assertThat(table.track(ByteBuffer.wrap(new byte[] {0x60, 0, 0}), 0)).isEqualTo(-1);
        assertThat(table.track(ByteBuffer.wrap(new byte[] {0x10, 0, 0, 0}), 0)).isEqualTo(-1);
        assertThat(table.track(ByteBuffer.allocate(0), 0)).isEqualTo(-1);
        assertThat(table.size()).isZero();
    }

    @Test
    void givenAFlowSilentLongerThanTheTimeout_whenExpired_thenItIsGoneAndComesBackAsNew() {
        int s = table.track(TestPackets.tcp6(HOME, "2001:db8:9::1", 40000, 443), 0);
        table.track(TestPackets.tcp6(HOME, "2001:db8:9::2", 40000, 443), 9_000);
        int incarnation = table.incarnation[s];

        assertThat(table.expire(10_000, 5_000)).isEqualTo(1);
        assertThat(table.size()).isEqualTo(1);
        int again = table.track(TestPackets.tcp6(HOME, "2001:db8:9::1", 40000, 443), 10_001);
        assertThat(table.packets[again]).isEqualTo(1);
        assertThat(table.firstSeen[again]).isEqualTo(10_001);
        if (again == s) {
            assertThat(table.incarnation[again]).isNotEqualTo(incarnation);
        }
    }

    @Test
    void givenMoreFlowsThanSlots_whenTracked_thenTheRestOverflowAndAreCountedWhileKnownFlowsStayFound() {
        int added = 0;
        for (int port = 1; port <= 200; port++) {
            if (table.track(TestPackets.tcp6(HOME, "2001:db8:9::1", port, 443), 0) >= 0) {
                added++;
            }
        }
        assertThat(added).isBetween(FlowTable.MAX_PROBES, 64);
        assertThat(table.overflows()).isEqualTo(200 - added);
        int first = table.find(new FlowKey(inet(HOME), inet("2001:db8:9::1"), 6, 1, 443, 0));
        assertThat(table.track(TestPackets.tcp6(HOME, "2001:db8:9::1", 1, 443), 1)).isEqualTo(first).isNotNegative();
    }

    @Test
    void givenABadSize_whenCreated_thenRefused() {
        assertThatThrownBy(() -> new FlowTable(100)).hasMessageContaining("power of two");
    }
}
