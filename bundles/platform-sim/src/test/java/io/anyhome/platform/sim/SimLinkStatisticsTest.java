package io.anyhome.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The interface counters that {@code Platform.linkStatistics} reports on the emulator. */
class SimLinkStatisticsTest {
    private final SimNetwork net = new SimNetwork(11);

    private SimPlatform node(String name, SimLink link, String address) throws PlatformException {
        SimPlatform n = net.node(name);
        SimInterface i = n.addInterface("eth0", link);
        n.addAddress(i.index(), IpPrefix.parse(address), true);
        return n;
    }

    @Test
    void givenTwoNodes_whenDatagramsCrossTheLink_thenTheSenderCountsThemSentAndTheReceiverReceived()
            throws Exception {
        SimLink link = net.link("eth");
        SimPlatform a = node("a", link, "2001:db8:a::1/64");
        SimPlatform b = node("b", link, "2001:db8:a::2/64");
        net.clock().advance(Duration.ofMillis(1)); // the router solicitations sent on attach
        int a0 = a.interfaceIndex("eth0");
        int b0 = b.interfaceIndex("eth0");
        LinkStatistics aBefore = a.linkStatistics(a0);
        LinkStatistics bBefore = b.linkStatistics(b0);
        UdpEndpoint rx = b.openUdp(new UdpOptions(InetAddress.getByName("::"), 9, null, false));
        UdpEndpoint tx = a.openUdp(new UdpOptions(InetAddress.getByName("2001:db8:a::1"), 0, null, false));

        for (int k = 0; k < 10; k++) {
            // 952 bytes of data + 8 UDP + 40 IPv6 = 1000 bytes
            tx.send(ByteBuffer.allocate(952), new InetSocketAddress(InetAddress.getByName("2001:db8:a::2"), 9));
        }
        net.clock().advance(Duration.ofMillis(1));
        int received = 0;
        while (rx.tryReceive(ByteBuffer.allocate(2000), new ReceiveMetadata()) >= 0) {
            received++;
        }

        assertThat(received).isEqualTo(10);
        LinkStatistics aAfter = a.linkStatistics(a0);
        LinkStatistics bAfter = b.linkStatistics(b0);
        assertThat(aAfter.txBytes() - aBefore.txBytes()).isEqualTo(10_000);
        assertThat(aAfter.txPackets() - aBefore.txPackets()).isEqualTo(10);
        assertThat(bAfter.rxBytes() - bBefore.rxBytes()).isEqualTo(10_000);
        assertThat(bAfter.rxPackets() - bBefore.rxPackets()).isEqualTo(10);
        assertThat(aAfter.rxBytes()).isEqualTo(aBefore.rxBytes());
    }

    @Test
    void givenCountersThatGrew_whenTheInterfaceIsResetOrATunIsReopened_thenItCountsFromZero() throws Exception {
        SimPlatform mn = net.node("mn");
        TunDevice tun = mn.openTun(TunOptions.of("home0", 1400));
        mn.addAddress(tun.index(), IpPrefix.parse("2001:db8:1::10/128"), true);
        byte[] inner = Packets.udp(Addresses.bytes("2001:db8:1::99"), 1, Addresses.bytes("2001:db8:1::10"), 9, 64,
                ByteBuffer.allocate(52));

        tun.write(ByteBuffer.wrap(inner));
        assertThat(mn.linkStatistics(tun.index())).isEqualTo(new LinkStatistics(100, 0, 1, 0));

        mn.iface("home0").resetStatistics();
        assertThat(mn.linkStatistics(tun.index())).isEqualTo(new LinkStatistics(0, 0, 0, 0));
        tun.close();
        TunDevice again = mn.openTun(TunOptions.of("home0", 1400));
        assertThat(mn.linkStatistics(again.index()).totalBytes()).isZero();
    }

    @Test
    void givenAnUnknownIndex_whenItsCountersAreRead_thenNotFoundWithEnodev() {
        SimPlatform mn = net.node("mn");

        assertThatThrownBy(() -> mn.linkStatistics(42)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
            assertThat(e.errno()).isEqualTo(19);
        });
    }
}
