package io.anyhome.vi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.path.Path;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.OperState;
import io.anyhome.api.platform.PolicyRule;
import io.anyhome.api.platform.RouteEvent;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.testing.FakePlatform;
import io.anyhome.api.vi.ViCountersDTO;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HomeInterfaceTest {
    private static final String HOA = "2001:db8:1::10";
    private static final int ETH = 3;
    private final FakePlatform platform = new FakePlatform();
    private final AtomicReference<InterfaceSwitch> interfaceSwitch = new AtomicReference<>();
    private HomeInterface vi;

    @AfterEach
    void stop() {
        if (vi != null) {
            vi.close();
        }
    }

    private HomeInterface start(Map<String, Object> extra) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>(Map.of("role", "mn", "homeAddress", HOA,
                "homePrefix", "2001:db8:1::/64"));
        props.putAll(extra);
        vi = HomeInterface.start(platform, ViConfiguration.from(props), interfaceSwitch::get);
        return vi;
    }

    @Test
    void givenAHomeAddress_whenStarted_thenHome0HoldsItAsA128AndOwnsTheDefaultRouteWithMetricOne()
            throws Exception {
        start(Map.of());

        assertThat(platform.tunOptions.name()).isEqualTo("home0");
        assertThat(platform.tunOptions.mtu()).isEqualTo(1452);
        assertThat(platform.addresses).containsExactly("7 " + HOA + "/128 nodad");
        assertThat(platform.routes).containsExactly(
                RouteSpec.onLink(IpPrefix.parse("::/0"), 7, 1));
        assertThat(vi.describe().running).isTrue();
        assertThat(vi.describe().homeAddress).isEqualTo(HOA);
    }

    @Test
    void givenAnUplinkWithACareOfAddressAndAnRaDefault_thenTunnelTrafficHasItsOwnTableAndRule()
            throws Exception {
        start(Map.of());
        InetAddress coa = InetAddress.getByName("2001:db8:20::5");
        InetAddress router = InetAddress.getByName("fe80::1");

        emitLink(1, "lo", LinkEvent.IFF_LOOPBACK | LinkEvent.IFF_UP);
        emitLink(ETH, "eth0", LinkEvent.IFF_UP);
        emitAddress(Change.NEW, ETH, coa, AddressEvent.SCOPE_GLOBAL);
        emitAddress(Change.NEW, ETH, InetAddress.getByName("fe80::5"), AddressEvent.SCOPE_LINK);
        emitAddress(Change.NEW, 1, InetAddress.getByName("::1"), AddressEvent.SCOPE_HOST);
        emitAddress(Change.NEW, 7, InetAddress.getByName(HOA), AddressEvent.SCOPE_GLOBAL);
        emitDefaultRoute(Change.NEW, ETH, router);

        assertThat(platform.rules).containsExactly(new PolicyRule(IpPrefix.parse("2001:db8:20::5/128"), 1003, 1000));
        assertThat(platform.routes).contains(new RouteSpec(IpPrefix.parse("::/0"), router, ETH, 1003, 1024));

        emitAddress(Change.DELETED, ETH, coa, AddressEvent.SCOPE_GLOBAL);
        emitDefaultRoute(Change.DELETED, ETH, router);
        assertThat(platform.rules).isEmpty();
        assertThat(platform.routes).containsExactly(RouteSpec.onLink(IpPrefix.parse("::/0"), 7, 1));
    }

    @Test
    void givenRulesLeftByAKilledPredecessor_whenStarted_thenTheyAreClearedAndOtherRulesAreUntouched()
            throws Exception {
        PolicyRule gone = new PolicyRule(IpPrefix.parse("2001:db8:20::99/128"), 1003, 1000);
        PolicyRule stillThere = new PolicyRule(IpPrefix.parse("2001:db8:20::5/128"), 1003, 1000);
        PolicyRule someoneElses = new PolicyRule(IpPrefix.parse("2001:db8:77::1/128"), 77, 500);
        platform.rules.addAll(List.of(gone, stillThere, someoneElses));

        start(Map.of());
        assertThat(platform.rules).containsExactly(someoneElses);

        emitAddress(Change.NEW, ETH, InetAddress.getByName("2001:db8:20::5"), AddressEvent.SCOPE_GLOBAL);
        assertThat(platform.rules).containsExactlyInAnyOrder(someoneElses, stillThere);
        assertThat(vi.describe().failure).isNull();

        vi.close();
        vi = null;
        assertThat(platform.rules).containsExactly(someoneElses);
        assertThat(platform.tun.isOpen()).isFalse();
    }

    @Test
    void givenThePlatformRefusesARule_thenTheFailureIsShownAndNothingIsThrownOnTheMonitorThread()
            throws Exception {
        start(Map.of());
        platform.failRulesWithErrno = 22;

        emitAddress(Change.NEW, ETH, InetAddress.getByName("2001:db8:20::5"), AddressEvent.SCOPE_GLOBAL);

        assertThat(vi.describe().failure).contains("adding rule", "errno 22", "Invalid table");
    }

    @Test
    void givenPacketsFromHome0_thenTheSwitchsPathCarriesThemAndEveryDropHasItsReason() throws Exception {
        start(Map.of());
        List<byte[]> carried = new ArrayList<>();
        Path path = new RecordingPath(carried, true);

        platform.tun.fromKernel.add(Packets.ipv6(HOA, "2001:db8:99::1", 8)); // no switch yet
        await().atMost(Duration.ofSeconds(5)).until(() -> drops(ViCountersDTO.DROP_NO_PATH) == 1);

        interfaceSwitch.set(new FixedSwitch(path));
        byte[] good = Packets.ipv6(HOA, "2001:db8:99::1", 8);
        platform.tun.fromKernel.add(good);
        platform.tun.fromKernel.add(Packets.ipv6("2001:db8:1::99", "2001:db8:99::1", 8));
        platform.tun.fromKernel.add(new byte[] {0x45, 0, 0, 20});
        await().atMost(Duration.ofSeconds(5)).until(() -> vi.describe().counters.packetsOut == 1
                && drops(ViCountersDTO.DROP_WRONG_SOURCE) == 1 && drops(ViCountersDTO.DROP_MALFORMED) == 1);
        assertThat(carried).containsExactly(good);
        assertThat(vi.describe().counters.bytesOut).isEqualTo(good.length);

        interfaceSwitch.set(new FixedSwitch(new RecordingPath(carried, false)));
        platform.tun.fromKernel.add(Packets.ipv6(HOA, "2001:db8:99::1", 8));
        await().atMost(Duration.ofSeconds(5)).until(() -> drops(ViCountersDTO.DROP_PATH_SEND) == 1);
    }

    @Test
    void givenAPacketFromAPath_whenDelivered_thenHome0GetsItUnlessItIsTooBigOrNotIpv6() throws Exception {
        start(Map.of("mtu", "1280"));

        assertThat(vi.deliver(ByteBuffer.wrap(Packets.ipv6("2001:db8:99::1", HOA, 16)))).isTrue();
        assertThat(vi.deliver(ByteBuffer.wrap(Packets.ipv6("2001:db8:99::1", HOA, 1300)))).isFalse();
        assertThat(vi.deliver(ByteBuffer.wrap(new byte[] {0x45, 0, 0, 20}))).isFalse();

        assertThat(platform.tun.toKernel).hasSize(1);
        assertThat(vi.describe().counters.packetsIn).isEqualTo(1);
        assertThat(drops(ViCountersDTO.DROP_TOO_BIG)).isEqualTo(1);
        assertThat(drops(ViCountersDTO.DROP_MALFORMED)).isEqualTo(1);
    }

    @Test
    void givenAPlatformWithoutVnetHeaders_whenStarted_thenHome0IsOpenedWithoutThem() throws Exception {
        start(Map.of());

        assertThat(platform.tunOptions.vnetHeader()).isFalse();
        assertThat(vi.describe().vnetHeader).isFalse();
    }

    @Test
    void givenVnetHeaders_whenA64KiBTcpReadArrives_thenThePathGetsItsSegmentsInOrder() throws Exception {
        platform.tunVnetHeader = true;
        start(Map.of());
        assertThat(platform.tunOptions.vnetHeader()).as("offloads are the default where the platform has them").isTrue();
        List<byte[]> carried = new ArrayList<>();
        interfaceSwitch.set(new FixedSwitch(new RecordingPath(carried, true)));
        int payload = 60_000;
        int mss = 1380;
        ByteBuffer read = ByteBuffer.allocate(10 + 60 + payload);
        read.put(0, (byte) 1).put(1, (byte) 4).putShort(4, Short.reverseBytes((short) mss))
                .putShort(6, Short.reverseBytes((short) 40)).putShort(8, Short.reverseBytes((short) 16));
        read.put(10, Packets.ipv6(HOA, "2001:db8:99::1", 20 + payload));
        read.put(10 + 6, (byte) 6); // TCP
        read.put(10 + 40 + 12, (byte) 0x50).put(10 + 40 + 13, (byte) 0x18).putInt(10 + 40 + 4, 1000);

        platform.tun.fromKernel.add(read.array());

        int segments = (payload + mss - 1) / mss;
        await().atMost(Duration.ofSeconds(5)).until(() -> vi.describe().counters.packetsOut == segments);
        assertThat(carried).hasSize(segments);
        for (int i = 0; i < segments; i++) {
            ByteBuffer p = ByteBuffer.wrap(carried.get(i));
            assertThat(p.remaining()).isEqualTo(60 + Math.min(mss, payload - i * mss));
            assertThat(p.getInt(44)).isEqualTo(1000 + i * mss);
            assertThat(p.get(8 + 15)).as("from the home address").isEqualTo((byte) 0x10);
        }
        assertThat(vi.describe().counters.bytesOut).isEqualTo(segments * 60L + payload);
    }

    @Test
    void givenVnetHeaders_whenAPacketIsDelivered_thenHome0GetsItBehindAPlainHeader() throws Exception {
        platform.tunVnetHeader = true;
        start(Map.of());
        byte[] packet = Packets.ipv6("2001:db8:99::1", HOA, 16);

        assertThat(vi.deliver(ByteBuffer.wrap(packet))).isTrue();

        byte[] written = platform.tun.toKernel.get(0);
        assertThat(java.util.Arrays.copyOf(written, 10)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(written, 10, written.length)).isEqualTo(packet);
    }

    @Test
    void givenVnetHeaders_whenConsecutiveTcpSegmentsAreDeliveredInABatch_thenHome0GetsOneSuperPacketAtTheFlush()
            throws Exception {
        platform.tunVnetHeader = true;
        start(Map.of());
        ByteBuffer segments = ByteBuffer.allocate(4 * 1500);
        ByteBuffer big = ByteBuffer.allocate(60 + 3000);
        big.put(0, Packets.ipv6("2001:db8:99::1", HOA, 20 + 3000)).put(6, (byte) 6);
        big.put(40 + 12, (byte) 0x50).put(40 + 13, (byte) 0x10).putInt(40 + 4, 7);
        int size = io.anyhome.packet.offload.TcpSegmentation.segment(big, 0, big.capacity(), 40, 1000, segments);
        segments.flip();
        byte[] udp = Packets.ipv6("2001:db8:99::1", HOA, 8);

        for (int at = 0; at < segments.limit(); at += size) {
            assertThat(vi.deliverBatched(segments.duplicate().position(at).limit(at + size))).isTrue();
        }
        assertThat(platform.tun.toKernel).as("held until the flush").isEmpty();
        assertThat(vi.deliverBatched(ByteBuffer.wrap(udp))).isTrue();
        vi.flushBatch();

        assertThat(platform.tun.toKernel).hasSize(2);
        byte[] merged = platform.tun.toKernel.get(0);
        assertThat(merged[1]).as("TCPv6 segmentation").isEqualTo((byte) 4);
        assertThat(merged.length).isEqualTo(10 + 60 + 3000);
        assertThat(java.util.Arrays.copyOfRange(platform.tun.toKernel.get(1), 10, 10 + udp.length)).isEqualTo(udp);
        assertThat(vi.describe().counters.packetsIn).isEqualTo(4);
        assertThat(vi.describe().counters.bytesIn).isEqualTo(3 * 1060L + udp.length);
    }

    @Test
    void givenVnetHeaders_whenAReadAsksForUdpSegmentation_thenItIsCountedMalformed() throws Exception {
        platform.tunVnetHeader = true;
        start(Map.of());
        interfaceSwitch.set(new FixedSwitch(new RecordingPath(new ArrayList<>(), true)));
        ByteBuffer read = ByteBuffer.allocate(10 + 48 + 3000);
        read.put(1, (byte) 5).putShort(4, Short.reverseBytes((short) 1000));
        read.put(10, Packets.ipv6(HOA, "2001:db8:99::1", 8 + 3000));

        platform.tun.fromKernel.add(read.array());

        await().atMost(Duration.ofSeconds(5)).until(() -> drops(ViCountersDTO.DROP_MALFORMED) == 1);
        assertThat(vi.describe().counters.packetsOut).isZero();
    }

    @Test
    void givenBadConfiguration_thenItIsRefusedNamingFileAndKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> ViConfiguration.from(Map.of("role", "mn")))
                .withMessage("etc/io.anyhome.node.cfg: key homeAddress: missing: the virtual interface needs the node's home address");
        assertThatIllegalArgumentException().isThrownBy(() -> ViConfiguration.from(Map.of("homeAddress", "fe80::1")))
                .withMessageContaining("etc/io.anyhome.node.cfg: key homeAddress = fe80::1");
        assertThatIllegalArgumentException().isThrownBy(() -> ViConfiguration.from(Map.of("homeAddress", HOA, "homePrefix", "2001:db8:2::/64")))
                .withMessageContaining("key homePrefix = 2001:db8:2::/64: does not contain the home address");
        assertThatIllegalArgumentException().isThrownBy(() -> ViConfiguration.from(Map.of("homeAddress", HOA, "mtu", "1000")))
                .withMessage("etc/io.anyhome.vi.cfg: key mtu = 1000: outside 1280..65535");
        assertThatIllegalArgumentException().isThrownBy(() -> ViConfiguration.from(Map.of("homeAddress", HOA, "name", "has space")))
                .withMessageContaining("etc/io.anyhome.vi.cfg: key name = has space");
    }

    private long drops(String reason) {
        return vi.describe().counters.drops.get(reason);
    }

    private void emitLink(int index, String name, int flags) {
        LinkEvent e = new LinkEvent(Change.NEW, index, name, flags, true, OperState.UP, 1500, "", "", 0);
        platform.change(e);
    }

    private void emitAddress(Change change, int index, InetAddress address, int scope) {
        AddressEvent e = new AddressEvent(change, index, IpPrefix.of(address, 64), scope, false, false,
                false, false, true, -1, -1, 0);
        platform.push(e);
    }

    private void emitDefaultRoute(Change change, int index, InetAddress gateway) {
        RouteEvent e = new RouteEvent(change, IpPrefix.parse("::/0"), gateway, index, RouteSpec.MAIN_TABLE,
                1024, RouteEvent.PROTOCOL_RA, 0);
        platform.push(e);
    }
}
