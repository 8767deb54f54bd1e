package io.anyhome.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.RouteEvent;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimNetworkTest {
    private static final IpPrefix PREFIX_A = IpPrefix.parse("2001:db8:a::/64");

    private final SimNetwork net = new SimNetwork(7);
    private final SimClock clock = net.clock();

    @Test
    void givenARouterAdvertisingEverySecond_whenTimePasses_thenEachRaArrivesOnTheIcmpEndpointWithHopLimit255()
            throws Exception {
        SimLink link = net.link("wlan");
        SimRouter router = net.router("ar1");
        SimInterface port = router.attach(link, RaConfig.of(PREFIX_A)
                .withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(1)).withHomeAgent(true));
        SimPlatform mn = net.node("mn");
        mn.addInterface("eth0", null);
        SimInterface wlan = mn.addInterface("wlan0", link);
        Icmpv6Endpoint icmp = mn.openIcmpv6(new Icmpv6Options(Set.of(134), null, null, 0));
        List<Long> arrivals = new ArrayList<>();
        ReceiveMetadata md = new ReceiveMetadata();
        ByteBuffer buf = ByteBuffer.allocate(1500);
        RouterAdvertisement last = null;

        for (int ms = 0; ms <= 5000; ms += 10) {
            clock.advanceTo(ms * 1_000_000L);
            buf.clear();
            while (icmp.tryReceive(buf, md) >= 0) {
                arrivals.add(clock.millis());
                assertThat(md.hopLimit()).isEqualTo(255);
                assertThat(md.interfaceIndex()).isEqualTo(wlan.index());
                assertThat(md.sourceAddress()).isEqualTo(router.linkLocalAddress(port));
                last = (RouterAdvertisement) Icmpv6.decode(buf.flip(), 0, buf.limit());
                buf.clear();
            }
        }

        // the RS sent on attach is answered at once, then unsolicited RAs at 0 s, 1 s, ... 5 s
        assertThat(arrivals).filteredOn(t -> t > 0).containsExactly(1000L, 2000L, 3000L, 4000L, 5000L);
        assertThat(last.homeAgent()).isTrue();
        assertThat(last.option(NdOption.PrefixInformation.class).orElseThrow().prefixLength()).isEqualTo(64);
        assertThat(last.option(NdOption.AdvertisementInterval.class).orElseThrow().intervalMillis()).isEqualTo(1000);
    }

    @Test
    void givenAMonitor_whenTheCarrierDrops_thenALinkEventArrivesAtThatInstant() throws Exception {
        SimLink link = net.link("wwan");
        SimPlatform mn = net.node("mn");
        SimInterface wwan = mn.addInterface("wwan0", link);
        Recorder rec = new Recorder(clock);
        mn.monitor(rec);
        assertThat(rec.dumped).isTrue();
        assertThat(rec.links).extracting(a -> a.event().canCarryTraffic()).containsExactly(true);

        clock.advance(Duration.ofMillis(1234));
        link.carrier(false);

        LinkEvent down = rec.links.get(rec.links.size() - 1).event();
        assertThat(rec.links.get(rec.links.size() - 1).millis()).isEqualTo(1234);
        assertThat(down.index()).isEqualTo(wwan.index());
        assertThat(down.carrier()).isFalse();
        assertThat(down.canCarryTraffic()).isFalse();
        assertThat(down.observedAt()).isEqualTo(SimClock.DEFAULT_EPOCH_MILLIS + 1234);
    }

    @Test
    void givenRateAndDelay_whenPacketsAreSentBackToBack_thenTheyArriveAfterSerialisationPlusPropagation()
            throws Exception {
        SimLink link = net.link("eth").rate(8_000_000).delay(Duration.ofMillis(10));
        SimPlatform a = node("a", link, "2001:db8:a::1/64");
        SimPlatform b = node("b", link, "2001:db8:a::2/64");
        UdpEndpoint rx = b.openUdp(new UdpOptions(InetAddress.getByName("::"), 4191, null, false));
        UdpEndpoint tx = a.openUdp(new UdpOptions(InetAddress.getByName("2001:db8:a::1"), 0, null, false));
        InetSocketAddress to = new InetSocketAddress(InetAddress.getByName("2001:db8:a::2"), 4191);

        // 952 bytes of data + 8 UDP + 40 IPv6 = 1000 bytes = 8000 bits = 1 ms at 8 Mbit/s
        tx.send(ByteBuffer.allocate(952), to);
        tx.send(ByteBuffer.allocate(952), to);

        assertThat(arrivalTimes(rx, 20)).containsExactly(11L, 12L);
    }

    @Test
    void givenLoss30PercentAndAFixedSeed_when10000PacketsAreSent_thenAbout30PercentAreDropped() throws Exception {
        SimLink link = net.link("lossy").loss(0.3);
        SimPlatform a = node("a", link, "2001:db8:a::1/64");
        SimPlatform b = node("b", link, "2001:db8:a::2/64");
        UdpEndpoint rx = b.openUdp(new UdpOptions(InetAddress.getByName("::"), 9, null, false));
        UdpEndpoint tx = a.openUdp(new UdpOptions(InetAddress.getByName("::"), 0, null, false));
        InetSocketAddress to = new InetSocketAddress(InetAddress.getByName("2001:db8:a::2"), 9);

        int received = 0;
        for (int k = 0; k < 10_000; k++) {
            tx.send(ByteBuffer.allocate(10), to);
            clock.advance(Duration.ofMillis(1));
            received += drain(rx);
        }

        assertThat(link.stats().lossDrops()).isBetween(2800L, 3200L);
        assertThat(received).isEqualTo(10_000 - (int) link.stats().lossDrops());
    }

    @Test
    void givenABlackhole_whenPacketsAreSent_thenNoneArriveAndTheCarrierStaysUp() throws Exception {
        SimLink link = net.link("silent");
        SimPlatform a = node("a", link, "2001:db8:a::1/64");
        SimPlatform b = node("b", link, "2001:db8:a::2/64");
        UdpEndpoint rx = b.openUdp(new UdpOptions(InetAddress.getByName("::"), 9, null, false));
        UdpEndpoint tx = a.openUdp(new UdpOptions(InetAddress.getByName("::"), 0, null, false));
        Recorder rec = new Recorder(clock);
        a.monitor(rec);
        int linkEventsBefore = rec.links.size();
        clock.advance(Duration.ofMillis(1)); // the router solicitations sent on attach are through

        link.blackhole(true);
        for (int k = 0; k < 100; k++) {
            tx.send(ByteBuffer.allocate(10), new InetSocketAddress(InetAddress.getByName("2001:db8:a::2"), 9));
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(drain(rx)).isZero();
        assertThat(link.stats().blackholeDrops()).isEqualTo(100);
        assertThat(a.iface("eth0").carrier()).isTrue();
        assertThat(rec.links).hasSize(linkEventsBefore);
    }

    @Test
    void givenAnAddressWithDad_whenTheDadTimePasses_thenItTurnsFromTentativeToUsable() throws Exception {
        SimPlatform mn = net.node("mn");
        SimInterface eth = mn.addInterface("eth0", net.link("l"));
        Recorder rec = new Recorder(clock);
        mn.monitor(rec);
        mn.dadTime(Duration.ofMillis(500)).setIpv6Setting("eth0", Ipv6Setting.DAD_TRANSMITS, 2);
        clock.advance(Duration.ofSeconds(5)); // the link-local address is through DAD
        rec.addresses.clear();

        mn.addAddress(eth.index(), IpPrefix.parse("2001:db8:a::5/64"), false);
        clock.advance(Duration.ofMillis(999));
        assertThat(rec.addresses).extracting(a -> a.event().tentative()).containsExactly(true);
        assertThat(rec.addresses.get(0).event().isUsableAsSource()).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(rec.addresses).hasSize(2);
        assertThat(rec.addresses.get(1).millis()).isEqualTo(6000);
        assertThat(rec.addresses.get(1).event().isUsableAsSource()).isTrue();
    }

    @Test
    void givenOptimisticDadAndADuplicateOnTheLink_whenSlaacRuns_thenOptimisticThenDadFailed() throws Exception {
        SimLink link = net.link("wlan");
        net.router("ar").attach(link, RaConfig.of(PREFIX_A));
        SimPlatform mn = net.node("mn");
        mn.setIpv6Setting("default", Ipv6Setting.OPTIMISTIC_DAD, 1);
        SimInterface wlan = mn.addInterface("wlan0", null);
        byte[] slaac = Addresses.withInterfaceId(PREFIX_A, wlan.interfaceId());
        SimPlatform twin = node("twin", link, Addresses.inet(slaac).getHostAddress() + "/64");
        clock.advance(Duration.ofSeconds(2)); // the twin's address is valid
        Recorder rec = new Recorder(clock);
        mn.monitor(rec);

        wlan.attach(link);
        clock.advance(Duration.ofSeconds(2));

        List<AddressEvent> global = rec.addresses.stream().map(Recorder.At::event)
                .filter(e -> e.scope() == AddressEvent.SCOPE_GLOBAL).toList();
        assertThat(global).hasSize(2);
        assertThat(global.get(0).optimistic()).isTrue();
        assertThat(global.get(0).isUsableAsSource()).isTrue();
        assertThat(global.get(1).dadFailed()).isTrue();
        assertThat(global.get(1).isUsableAsSource()).isFalse();
        assertThat(twin.iface("eth0").addresses()).isNotEmpty();
    }

    @Test
    void givenAListenerThatConfiguresTheNodeFromItsCallbacks_whenTheInitialDumpRuns_thenItCompletes()
            throws Exception {
        SimLink link = net.link("wlan");
        SimRouter router = net.router("ar");
        router.attach(link, RaConfig.of(PREFIX_A));
        SimPlatform mn = net.node("mn");
        mn.addInterface("wlan0", link);
        clock.advance(Duration.ofSeconds(4));
        java.util.List<RouteSpec> copies = new java.util.ArrayList<>();

        mn.monitor(new io.anyhome.api.platform.NetworkListener() {
            @Override
            public void route(RouteEvent e) {
                if (e.isDefault() && e.table() == RouteSpec.MAIN_TABLE) {
                    RouteSpec copy = new RouteSpec(e.destination(), e.gateway(), e.index(), 1000 + e.index(), e.metric());
                    try {
                        mn.addRoute(copy); // as the VI does on the monitor's thread
                        copies.add(copy);
                    } catch (PlatformException ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            }
        });

        assertThat(copies).hasSize(1);
    }

    @Test
    void givenAcceptRa_whenAnRaArrives_thenSlaacAddressAndDefaultRouteAppearAndGoWithTheRouterLifetime()
            throws Exception {
        SimLink link = net.link("wlan");
        SimRouter router = net.router("ar");
        SimInterface port = router.attach(link, RaConfig.of(PREFIX_A).withRouterLifetime(Duration.ofSeconds(9)));
        SimPlatform mn = net.node("mn");
        SimInterface wlan = mn.addInterface("wlan0", link);
        Recorder rec = new Recorder(clock);
        mn.monitor(rec);

        clock.advance(Duration.ofSeconds(2));

        byte[] expected = Addresses.withInterfaceId(PREFIX_A, Addresses.eui64(wlan.macBytes()));
        assertThat(wlan.addresses()).contains(IpPrefix.of(Addresses.inet(expected), 64));
        RouteEvent def = rec.routes.stream().map(Recorder.At::event).filter(RouteEvent::isDefault).findFirst()
                .orElseThrow();
        assertThat(def.protocol()).isEqualTo(RouteEvent.PROTOCOL_RA);
        assertThat(def.gateway()).isEqualTo(router.linkLocalAddress(port));
        assertThat(def.metric()).isEqualTo(RouteSpec.DEFAULT_METRIC);

        router.stop();
        clock.advance(Duration.ofSeconds(12));
        assertThat(rec.routes.get(rec.routes.size() - 1).event().isDefault()).isTrue();
        assertThat(rec.routes.get(rec.routes.size() - 1).event().change())
                .isEqualTo(io.anyhome.api.platform.Change.DELETED);
    }

    @Test
    void givenForwardingOn_whenAPacketIsWrittenToTheTun_thenItIsRoutedAcrossARouterToAUdpEndpoint()
            throws Exception {
        SimLink access = net.link("access");
        SimLink core = net.link("core").delay(Duration.ofMillis(3));
        SimRouter router = net.router("r");
        router.attach(access, RaConfig.of(PREFIX_A));
        SimInterface corePort = router.attach(core, RaConfig.of(IpPrefix.parse("2001:db8:c::/64")));
        SimPlatform ha = net.node("ha");
        ha.addInterface("eth0", access);
        ha.setIpv6Setting("all", Ipv6Setting.FORWARDING, 1);
        ha.setIpv6Setting("eth0", Ipv6Setting.ACCEPT_RA, 2);
        SimPlatform cn = net.node("cn");
        cn.addInterface("eth0", core);
        clock.advance(Duration.ofSeconds(3)); // SLAAC, DAD and default routes on both
        TunDevice tun = ha.openTun(TunOptions.of("ha0", 1400));
        UdpEndpoint rx = cn.openUdp(new UdpOptions(InetAddress.getByName("::"), 5000, null, false));
        byte[] cnAddress = Addresses.withInterfaceId(IpPrefix.parse("2001:db8:c::/64"),
                Addresses.eui64(cn.iface("eth0").macBytes()));
        byte[] inner = Packets.udp(Addresses.bytes("2001:db8:1::10"), 1234, cnAddress, 5000, 64,
                ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));

        tun.write(ByteBuffer.wrap(inner));
        clock.advance(Duration.ofMillis(10));

        ByteBuffer got = ByteBuffer.allocate(100);
        ReceiveMetadata md = new ReceiveMetadata();
        assertThat(rx.tryReceive(got, md)).isEqualTo(5);
        assertThat(new String(got.array(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(md.sourceAddress()).isEqualTo(InetAddress.getByName("2001:db8:1::10"));
        assertThat(md.sourcePort()).isEqualTo(1234);
        assertThat(md.hopLimit()).isEqualTo(62); // forwarded by the node and by the router
        assertThat(router.forwarded()).isEqualTo(1);
        assertThat(router.globalAddress(corePort)).isEqualTo(InetAddress.getByName("2001:db8:c::1"));
    }

    @Test
    void givenAnUnknownInterface_whenConfiguring_thenPlatformExceptionWithEnodev() {
        SimPlatform mn = net.node("mn");

        assertThatThrownBy(() -> mn.addAddress(42, IpPrefix.parse("2001:db8::1/64"), true))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.errno()).isEqualTo(19);
                    assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
                    assertThat(e.getMessage()).contains("index 42");
                });
        assertThatThrownBy(() -> mn.interfaceIndex("wlan9"))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.errno()).isEqualTo(19));
        assertThatThrownBy(() -> mn.ipv6Setting("wlan9", Ipv6Setting.ACCEPT_RA))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));
    }

    @Test
    void givenAnUnreachableGatewayOrUnassignedAddress_whenConfiguring_thenLinuxErrnos() throws Exception {
        SimPlatform mn = net.node("mn");
        SimInterface eth = mn.addInterface("eth0", net.link("l"));
        RouteSpec viaNowhere = new RouteSpec(IpPrefix.parse("::/0"), InetAddress.getByName("2001:db8:9::1"), 0, 100,
                1);

        assertThatThrownBy(() -> mn.addRoute(viaNowhere))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.errno()).isEqualTo(101));
        assertThatThrownBy(() -> mn.openUdp(new UdpOptions(InetAddress.getByName("2001:db8::77"), 0, null, false)))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.errno()).isEqualTo(99));
        mn.addAddress(eth.index(), IpPrefix.parse("2001:db8:9::5/64"), true);
        mn.addRoute(viaNowhere);
        assertThat(mn.linkDetails(eth.index()).devType()).isEmpty();
    }

    @Test
    void givenAWirelessInterface_whenTheTestChangesTheSignal_thenWirelessStationReportsIt() throws Exception {
        SimPlatform mn = net.node("mn");
        SimInterface wlan = mn.addInterface("wlan0", net.link("l")).details("wlan", true)
                .station("home", "02:11:22:33:44:55", -60, 5180);

        wlan.station("home", "02:11:22:33:44:55", -82, 5180);

        assertThat(mn.wirelessStation(wlan.index()).orElseThrow().signalDbm()).isEqualTo(-82);
        assertThat(mn.linkDetails(wlan.index()).wireless()).isTrue();
        assertThat(mn.capabilities().name).isEqualTo("sim");
    }

    private SimPlatform node(String name, SimLink link, String address) throws PlatformException {
        SimPlatform n = net.node(name);
        SimInterface i = n.addInterface("eth0", link);
        n.addAddress(i.index(), IpPrefix.parse(address), true);
        return n;
    }

    private List<Long> arrivalTimes(UdpEndpoint rx, int untilMillis) throws PlatformException {
        List<Long> out = new ArrayList<>();
        for (int ms = 0; ms <= untilMillis; ms++) {
            clock.advanceTo(ms * 1_000_000L);
            while (rx.tryReceive(ByteBuffer.allocate(2000), new ReceiveMetadata()) >= 0) {
                out.add(clock.millis());
            }
        }
        return out;
    }

    private static int drain(UdpEndpoint rx) throws PlatformException {
        int n = 0;
        while (rx.tryReceive(ByteBuffer.allocate(2000), new ReceiveMetadata()) >= 0) {
            n++;
        }
        return n;
    }

}
