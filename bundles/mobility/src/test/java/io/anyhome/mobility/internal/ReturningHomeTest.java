package io.anyhome.mobility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.Decision;
import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.path.Encapsulation;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathState;
import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.PacketEndpoint;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.NeighborAdvertisement;
import io.anyhome.packet.icmp6.NeighborSolicitation;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingAckStatus;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import io.anyhome.packet.offload.TcpSegmentation;
import io.anyhome.packet.offload.VirtioNetHeader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mobile node returning home (RFC 6275 §11.5.5) and leaving again, with the home link's
 * sockets faked: detection, the native deregistration's bytes, the acknowledgement, Neighbour
 * Discovery for the home address, and what the node reports.
 */
class ReturningHomeTest {
    static final String KEY = "00112233445566778899aabbccddeeff";
    static final Inet6Address HOA = BindingUpdateListTest.v6("2001:db8:1::10");
    static final Inet6Address HA = BindingUpdateListTest.v6("2001:db8:1::1");
    static final Inet6Address ROUTER_ON_HOME_LINK = BindingUpdateListTest.v6("2001:db8:1::99");
    static final byte[] MAC = HexFormat.of().parseHex("020000000001");
    static final byte[] ROUTER_MAC = HexFormat.of().parseHex("0200000000fe");
    static final Inet6Address CORRESPONDENT = BindingUpdateListTest.v6("2001:db8:e::2");
    static final Inet6Address COA_WLAN = BindingUpdateListTest.v6("2001:db8:a::20");

    final ManualTimers timers = new ManualTimers();
    final FakeServices services = new FakeServices();
    final MobileNode node = new MobileNode(MobilityConfiguration.from(Map.of("role", "mn", "homeAddress",
            "2001:db8:1::10", "homePrefix", "2001:db8:1::/64", "homeAgent", "2001:db8:1::1", "key", KEY), null), 100,
            timers, services);

    @Test
    void givenTheHomePrefixAdvertisedOnAnUplink_whenMovementIsDetected_thenTheNodeDeregistersNativelyFromItsHomeAddress()
            throws Exception {
        arrive();

        assertThat(services.homeLinkOpened).containsExactly("eth1");
        assertThat(services.sockets.packets.sent).hasSize(1);
        Sent bu = services.sockets.packets.sent.get(0);
        assertThat(bu.to()).isEqualTo(HA);
        ByteBuffer p = ByteBuffer.wrap(bu.bytes());
        // plain IPv6 from the home address to the home agent, next header 135, hop limit 64
        assertThat(HexFormat.of().formatHex(bu.bytes(), 0, 8)).startsWith("60000000").endsWith("8740");
        assertThat(AddressFields.read(p, Ipv6Header.OFFSET_SOURCE)).isEqualTo(HOA);
        assertThat(AddressFields.read(p, Ipv6Header.OFFSET_DESTINATION)).isEqualTo(HA);
        assertThat(MobilityHeader.checksumValid(p, Ipv6Header.LENGTH, HOA, HA)).isTrue();
        BindingUpdate decoded = (BindingUpdate) MobilityHeader.decode(p, Ipv6Header.LENGTH);
        assertThat(decoded.lifetimeUnits()).as("lifetime 0: deregistration").isZero();
        assertThat(decoded.has(BindingUpdate.FLAG_A)).isTrue();
        assertThat(decoded.has(BindingUpdate.FLAG_H)).isTrue();
        assertThat(decoded.options().get(0)).isEqualTo(new AlternateCareOfAddress(HOA));
        assertThat(MobilityMessageAuthenticator.verify(p, Ipv6Header.LENGTH, HOA, HOA, Algorithm.HMAC_SHA256_128,
                HexFormat.of().parseHex(KEY))).as("authenticated with the home address as care-of address").isTrue();
        assertThat(services.published).singleElement().satisfies(path -> {
            assertThat(path.uplink()).isEqualTo("eth1");
            assertThat(path.state()).isEqualTo(PathState.CONNECTING);
            assertThat(path.describe().encapsulation).isEqualTo(Encapsulation.DIRECT);
        });
        assertThat(node.status().homeLink).isEqualTo("eth1");
        assertThat(node.status().atHome).as("not before the acknowledgement").isFalse();
    }

    @Test
    void givenTheDeregistrationSent_whenTheHomeAgentAcknowledges_thenAtHomeAndTheHomeAddressIsAdvertisedThreeTimes()
            throws Exception {
        arrive();

        acknowledge(0);

        assertThat(node.status().atHome).isTrue();
        assertThat(node.status().homeLink).isEqualTo("eth1");
        BindingDTO b = node.bindings().get(0);
        assertThat(b.state).isEqualTo(BindingState.AT_HOME);
        assertThat(b.uplink).isEqualTo("eth1");
        assertThat(b.encapsulation).isEqualTo(Encapsulation.DIRECT);
        assertThat(node.homeLink().state()).isEqualTo(PathState.UP);
        assertThat(services.changes).contains("eth1 CONNECTING->UP");
        timers.advance(3000);
        List<Sent> nas = services.sockets.neighbours.sent;
        assertThat(nas).hasSize(3).allSatisfy(na -> {
            assertThat(na.to()).isEqualTo(BindingUpdateListTest.v6("ff02::1"));
            NeighborAdvertisement a = (NeighborAdvertisement) Icmpv6.decode(ByteBuffer.wrap(na.bytes()), 0,
                    na.bytes().length);
            assertThat(a.target()).isEqualTo(HOA);
            assertThat(a.override()).isTrue();
            assertThat(a.solicited()).isFalse();
            assertThat(a.options()).contains(NdOption.LinkLayerAddress.target(MAC));
        });
    }

    @Test
    void givenAtHome_whenANodeOnTheHomeLinkSolicitsTheHomeAddress_thenTheNodeAnswersSolicitedWithItsLinkLayerAddress()
            throws Exception {
        arrive();
        HomeLink link = node.homeLink();

        link.solicited(solicitation(HOA), from(ROUTER_ON_HOME_LINK, 255));
        link.solicited(solicitation(BindingUpdateListTest.v6("2001:db8:1::77")), from(ROUTER_ON_HOME_LINK, 255));
        link.solicited(solicitation(HOA), from(ROUTER_ON_HOME_LINK, 64));

        assertThat(services.sockets.neighbours.sent).as("only the valid one for the home address")
                .singleElement().satisfies(na -> {
                    assertThat(na.to()).isEqualTo(ROUTER_ON_HOME_LINK);
                    NeighborAdvertisement a = (NeighborAdvertisement) Icmpv6.decode(ByteBuffer.wrap(na.bytes()), 0,
                            na.bytes().length);
                    assertThat(a.solicited()).isTrue();
                    assertThat(a.override()).isTrue();
                    assertThat(a.target()).isEqualTo(HOA);
                });
    }

    @Test
    void givenAtHome_whenTheHomeUplinkGoesDown_thenTheProxyEntryGoesAndTheNodeIsAwayAgain() throws Exception {
        arrive();
        acknowledge(0);

        node.uplinkDown("eth1", timers.epochMillis(), "carrier lost");

        assertThat(services.sockets.closed).as("sockets closed, proxy entry removed").isTrue();
        assertThat(node.status().atHome).isFalse();
        assertThat(node.status().homeLink).isNull();
        assertThat(node.bindings()).isEmpty();
        assertThat(services.withdrawn).extracting(Path::uplink).containsExactly("eth1");
    }

    @Test
    void givenAtHome_whenTheHomeUplinkLosesCarrierAndComesBackWithoutAMovement_thenTheNodeDeregistersFromHomeAgain()
            throws Exception {
        arrive();
        acknowledge(0);
        node.uplinkDown("eth1", timers.epochMillis(), "carrier lost");
        timers.advance(4_000);
        FakeSockets before = services.sockets;

        // movement detection kept the home prefix across the short loss of carrier: only the uplink event comes
        node.uplinkUp("eth1", timers.epochMillis());
        timers.advance(1);

        assertThat(services.homeLinkOpened).containsExactly("eth1", "eth1");
        assertThat(services.sockets).isNotSameAs(before);
        assertThat(services.sockets.packets.sent).singleElement().satisfies(bu -> {
            assertThat(bu.to()).isEqualTo(HA);
            BindingUpdate decoded = (BindingUpdate) MobilityHeader.decode(ByteBuffer.wrap(bu.bytes()),
                    Ipv6Header.LENGTH);
            assertThat(decoded.lifetimeUnits()).as("a deregistration").isZero();
        });
        acknowledge(0);
        assertThat(node.status().atHome).isTrue();
        assertThat(node.status().homeLink).isEqualTo("eth1");
    }

    @Test
    void givenAnUplinkAwayFromHome_whenItComesUp_thenTheNodeStaysAway() {
        services.prefixes = List.of(IpPrefix.parse("2001:db8:c::/64"));

        node.uplinkUp("eth0", timers.epochMillis());
        timers.advance(1);

        assertThat(services.homeLinkOpened).isEmpty();
        assertThat(node.status().homeLink).isNull();
    }

    @Test
    void givenAtHome_whenTheSwitchThatChoseTheHomeUplinkChoosesAnother_thenTheNodeLeavesHome() throws Exception {
        node.decisionChanged(null, Decision.useUplink("wlan0", "before"), timers.epochMillis());
        arrive();
        acknowledge(0);
        node.decisionChanged(null, Decision.useUplink("wwan0", "a decision from before the arrival"),
                timers.epochMillis());
        assertThat(node.status().atHome).as("a decision made before the switch chose home is not leaving").isTrue();

        node.decisionChanged(null, Decision.useUplink("eth1", "home"), timers.epochMillis());
        node.decisionChanged(null, Decision.useUplink("wlan0", "operator pin"), timers.epochMillis());

        assertThat(node.status().homeLink).isNull();
        assertThat(services.sockets.closed).isTrue();
    }

    @Test
    void givenAtHome_whenATunnelPathSends_thenItsPacketsGoDirectlyOverTheHomeLinkAndItsProbesPause()
            throws Exception {
        node.careOfAddressUp("wlan0", COA_WLAN, timers.epochMillis());
        timers.advance(1);
        arrive();
        acknowledge(0);
        services.sockets.packets.sent.clear();
        TunnelPath wlan0 = node.path("wlan0");
        long probes = node.statistics().probesSent;

        boolean sent = wlan0.send(MobileNodeSimTest.inner(HOA, ROUTER_ON_HOME_LINK, "to the correspondent"));
        timers.advance(1_000);

        assertThat(sent).isTrue();
        assertThat(wlan0.handOff()).isSameAs(node.homeLink());
        assertThat(services.sockets.packets.sent).singleElement().satisfies(p -> {
            assertThat(p.to()).as("routed by its own destination").isEqualTo(ROUTER_ON_HOME_LINK);
            assertThat(AddressFields.read(ByteBuffer.wrap(p.bytes()), Ipv6Header.OFFSET_SOURCE)).isEqualTo(HOA);
        });
        assertThat(node.statistics().probesSent).as("no probes at home").isEqualTo(probes);
    }

    /**
     * The segments of one TCP super-packet from the home address to a correspondent, back to back
     * as the virtual interface hands them to a path: {@code segments} of {@code mss} payload bytes
     * but the last, which is 100 bytes shorter.
     */
    private static ByteBuffer tcpSegments(int segments, int mss) throws Exception {
        int payload = segments * mss - 100;
        ByteBuffer in = ByteBuffer.allocate(Ipv6Header.LENGTH + 20 + payload);
        Ipv6Header.encode(in, 0, 0, 20 + payload, 6, 64, HOA.getAddress(), CORRESPONDENT.getAddress());
        in.position(Ipv6Header.LENGTH);
        in.putShort((short) 40000).putShort((short) 5201).putInt(1_000).putInt(1).put((byte) 0x50).put((byte) 0x10)
                .putShort((short) 512).putShort((short) 0).putShort((short) 0);
        for (int i = 0; i < payload; i++) {
            in.put((byte) i);
        }
        ByteBuffer out = ByteBuffer.allocate(segments * (Ipv6Header.LENGTH + 20) + payload);
        TcpSegmentation.segment(in, 0, in.capacity(), Ipv6Header.LENGTH, mss, out);
        return out.flip();
    }

    @Test
    void givenAtHomeWithAPacketSocketAndAKnownNextHop_whenASuperPacketsSegmentsAreSent_thenOneGsoFrameLeaves()
            throws Exception {
        services.superPackets = new RecordingPacket();
        services.nextHop = ROUTER_MAC;
        arrive();
        acknowledge(0);
        services.sockets.packets.sent.clear();
        HomeLink home = node.homeLink();

        int sent = home.sendSegments(tcpSegments(4, 1_000), Ipv6Header.LENGTH + 20 + 1_000);

        assertThat(sent).isEqualTo(4);
        assertThat(services.sockets.packets.sent).as("nothing packet by packet").isEmpty();
        assertThat(services.sockets.superPackets.frames).singleElement().satisfies(f -> {
            ByteBuffer b = ByteBuffer.wrap(f);
            assertThat(VirtioNetHeader.gsoType(b, 0)).isEqualTo(VirtioNetHeader.GSO_TCPV6);
            assertThat(VirtioNetHeader.gsoSize(b, 0)).isEqualTo(1_000);
            assertThat(f.length).isEqualTo(VirtioNetHeader.LENGTH + Ipv6Header.LENGTH + 20 + 3_900);
            assertThat(AddressFields.read(b, VirtioNetHeader.LENGTH + Ipv6Header.OFFSET_DESTINATION))
                    .isEqualTo(CORRESPONDENT);
        });
        assertThat(services.sockets.superPackets.nextHops).singleElement().isEqualTo(ROUTER_MAC);
        assertThat(home.superPacketsSent()).isEqualTo(1);
        assertThat(home.describe().packetsSent).as("segments count as packets").isEqualTo(4);
    }

    @Test
    void givenAtHomeWithoutAKnownNextHop_whenASuperPacketsSegmentsAreSent_thenTheyGoOneByOneThroughTheKernel()
            throws Exception {
        services.superPackets = new RecordingPacket();
        arrive();
        acknowledge(0);
        services.sockets.packets.sent.clear();

        int sent = node.homeLink().sendSegments(tcpSegments(4, 1_000), Ipv6Header.LENGTH + 20 + 1_000);

        assertThat(sent).isEqualTo(4);
        assertThat(services.sockets.packets.sent).hasSize(4);
        assertThat(services.sockets.superPackets.frames).isEmpty();
    }

    @Test
    void givenAPacketSocketThatRefusesASuperPacket_whenMoreFollow_thenItsSegmentsAreCountedAndTheRestGoOneByOne()
            throws Exception {
        services.superPackets = new RecordingPacket();
        services.superPackets.refusal = new PlatformException(io.anyhome.api.AnyhomeException.Code.IO_ERROR,
                "send on eth1: Invalid argument (errno 22)");
        services.nextHop = ROUTER_MAC;
        arrive();
        acknowledge(0);
        services.sockets.packets.sent.clear();
        HomeLink home = node.homeLink();

        assertThat(home.sendSegments(tcpSegments(4, 1_000), Ipv6Header.LENGTH + 20 + 1_000)).isZero();
        assertThat(home.describe().sendDrops).isEqualTo(4);
        assertThat(home.sendSegments(tcpSegments(4, 1_000), Ipv6Header.LENGTH + 20 + 1_000)).isEqualTo(4);
        assertThat(services.sockets.packets.sent).as("packet by packet after the refusal").hasSize(4);
    }

    @Test
    void givenAtHome_whenTheOperatorRegistersAnotherUplink_thenTheNodeLeavesHomeBeforeTheBindingUpdate()
            throws Exception {
        node.careOfAddressUp("wlan0", COA_WLAN, timers.epochMillis());
        timers.advance(1);
        arrive();
        acknowledge(0);

        node.register("wlan0");

        assertThat(services.sockets.closed).as("no longer answering for the home address").isTrue();
        assertThat(node.status().homeLink).isNull();
        assertThat(node.bindings()).singleElement().satisfies(b -> {
            assertThat(b.uplink).isEqualTo("wlan0");
            assertThat(b.state).isEqualTo(BindingState.REGISTERING);
        });
    }

    @Test
    void givenAnAddressOnTheHomePrefix_whenItComesUp_thenTheUplinkIsHomeAndNoTunnelIsOpened() throws Exception {
        node.careOfAddressUp("eth1", BindingUpdateListTest.v6("2001:db8:1::abcd"), timers.epochMillis());
        timers.advance(1);

        assertThat(services.tunnelSockets).isEmpty();
        assertThat(services.homeLinkOpened).containsExactly("eth1");
        assertThat(node.paths()).isEmpty();
    }

    @Test
    void givenOtherPrefixes_whenMovementIsDetected_thenTheNodeStaysAway() {
        services.prefixes = List.of(IpPrefix.parse("2001:db8:c::/64"));

        node.movementDetected("eth0", "new on-link prefix 2001:db8:c::/64", timers.epochMillis());
        timers.advance(1);

        assertThat(services.homeLinkOpened).isEmpty();
        assertThat(node.status().homeLink).isNull();
    }

    @Test
    void givenPrefixes_whenCheckedAgainstTheHomePrefix_thenOnlyItAndPrefixesInsideItAreHome() {
        IpPrefix home = IpPrefix.parse("2001:db8:1::/48");

        assertThat(HomeLinkDetection.advertisesHome(home, List.of(IpPrefix.parse("2001:db8:1::/64")))).isTrue();
        assertThat(HomeLinkDetection.advertisesHome(home, List.of(IpPrefix.parse("2001:db8:1::/48")))).isTrue();
        assertThat(HomeLinkDetection.advertisesHome(home, List.of(IpPrefix.parse("2001:db8::/32")))).isFalse();
        assertThat(HomeLinkDetection.advertisesHome(home, List.of(IpPrefix.parse("2001:db8:2::/64")))).isFalse();
        assertThat(HomeLinkDetection.advertisesHome(null, List.of(IpPrefix.parse("2001:db8:1::/64")))).isFalse();
        assertThat(HomeLinkDetection.onHomePrefix(home, BindingUpdateListTest.v6("2001:db8:1:5::1"))).isTrue();
        assertThat(HomeLinkDetection.onHomePrefix(home, BindingUpdateListTest.v6("2001:db8:2::1"))).isFalse();
    }

    // ---- helpers ----

    private void arrive() {
        services.prefixes = List.of(IpPrefix.parse("2001:db8:1::/64"));
        node.movementDetected("eth1", "new on-link prefix 2001:db8:1::/64", timers.epochMillis());
        timers.advance(1);
    }

    /** The home agent's signed acknowledgement of the last Binding Update, as its Mobility Header. */
    private void acknowledge(int status) throws Exception {
        Sent last = services.sockets.packets.sent.get(services.sockets.packets.sent.size() - 1);
        ByteBuffer p = ByteBuffer.wrap(last.bytes());
        BindingUpdate bu = (BindingUpdate) MobilityHeader.decode(p, Ipv6Header.LENGTH);
        long ts = 0;
        for (MobilityOption o : bu.options()) {
            if (o instanceof MobilityMessageReplayProtection rp) {
                ts = rp.timestamp();
            }
        }
        BindingAcknowledgement ba = new BindingAcknowledgement(BindingAckStatus.of(status), 0, bu.sequence(), 0,
                List.of(new MobilityMessageReplayProtection(ts), new MobilityMessageAuthentication(
                        MobilityMessageAuthentication.SUBTYPE_MN_HA, 256, new byte[16])));
        ByteBuffer out = ByteBuffer.allocate(MobilityHeader.encodedLength(ba));
        MobilityHeader.encodeWithoutChecksum(ba, out);
        MobilityMessageAuthenticator.sign(out, 0, HOA, HOA, Algorithm.HMAC_SHA256_128, HexFormat.of().parseHex(KEY),
                HA, HOA);
        node.homeSignalling(node.homeLink(), out.flip());
    }

    private static ByteBuffer solicitation(Inet6Address target) {
        ByteBuffer b = ByteBuffer.allocate(64);
        Icmpv6.encodeWithoutChecksum(b, new NeighborSolicitation(target, List.of()));
        return b.flip();
    }

    private static ReceiveMetadata from(Inet6Address source, int hopLimit) {
        ReceiveMetadata m = new ReceiveMetadata();
        m.setSource(source.getAddress(), 0);
        m.setArrival(4, hopLimit, 0);
        return m;
    }

    record Sent(byte[] bytes, InetAddress to) {
    }

    /** An endpoint that records what is sent and receives nothing. */
    static class RecordingEndpoint {
        final List<Sent> sent = new ArrayList<>();
        boolean open = true;

        void record(ByteBuffer src, InetAddress to) {
            byte[] b = new byte[src.remaining()];
            src.get(b);
            sent.add(new Sent(b, to));
        }

        public int receive(ByteBuffer dst, ReceiveMetadata metadata) throws PlatformException {
            throw new PlatformException(io.anyhome.api.AnyhomeException.Code.CLOSED, "nothing to receive in this test");
        }

        public int tryReceive(ByteBuffer dst, ReceiveMetadata metadata) {
            return -1;
        }

        public boolean isOpen() {
            return open;
        }

        public void close() {
            open = false;
        }
    }

    static final class RecordingRaw extends RecordingEndpoint implements RawIpv6Endpoint {
        @Override
        public int nextHeader() {
            return 255;
        }

        @Override
        public void send(ByteBuffer src, InetAddress destination) {
            record(src, destination);
        }
    }

    static final class RecordingIcmp extends RecordingEndpoint implements Icmpv6Endpoint {
        @Override
        public void send(ByteBuffer src, InetAddress destination, int interfaceIndex, int hopLimit) {
            record(src, destination);
        }
    }

    /** A tunnel socket that records the inner packets sent and receives nothing. */
    static final class RecordingUdp extends RecordingEndpoint implements UdpEndpoint {
        final InetAddress local;

        RecordingUdp(InetAddress local) {
            this.local = local;
        }

        @Override
        public java.net.InetSocketAddress localAddress() {
            return new java.net.InetSocketAddress(local, 40000);
        }

        @Override
        public void send(ByteBuffer src, java.net.InetSocketAddress destination) {
            record(src, destination.getAddress());
        }

        @Override
        public void sendSegmented(ByteBuffer src, java.net.InetSocketAddress destination, int segmentSize) {
            record(src, destination.getAddress());
        }
    }

    /** A packet socket that records the frames and their next hop, or refuses them. */
    static final class RecordingPacket implements PacketEndpoint {
        final List<byte[]> frames = new ArrayList<>();
        final List<byte[]> nextHops = new ArrayList<>();
        PlatformException refusal;

        @Override
        public String interfaceName() {
            return "eth1";
        }

        @Override
        public boolean vnetHeader() {
            return true;
        }

        @Override
        public void send(ByteBuffer packet, byte[] linkLayerAddress) throws PlatformException {
            if (refusal != null) {
                throw refusal;
            }
            byte[] b = new byte[packet.remaining()];
            packet.get(b);
            frames.add(b);
            nextHops.add(linkLayerAddress.clone());
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    static final class FakeSockets implements HomeLink.Sockets {
        final RecordingRaw packets = new RecordingRaw();
        final RecordingRaw mobility = new RecordingRaw();
        final RecordingIcmp neighbours = new RecordingIcmp();
        RecordingPacket superPackets;
        byte[] nextHop;
        boolean closed;

        @Override
        public PacketEndpoint superPackets() {
            return superPackets;
        }

        @Override
        public byte[] nextHop(ByteBuffer packet, int at) {
            return nextHop;
        }

        @Override
        public RawIpv6Endpoint packets() {
            return packets;
        }

        @Override
        public RawIpv6Endpoint mobility() {
            return mobility;
        }

        @Override
        public Icmpv6Endpoint neighbours() {
            return neighbours;
        }

        @Override
        public int index() {
            return 4;
        }

        @Override
        public byte[] linkLayerAddress() {
            return MAC;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class FakeServices implements NodeServices {
        final List<Path> published = new ArrayList<>();
        final List<Path> withdrawn = new ArrayList<>();
        final List<String> changes = new ArrayList<>();
        final List<String> homeLinkOpened = new ArrayList<>();
        /** What the next home link's sockets get: a packet socket and a next hop, or none. */
        RecordingPacket superPackets;
        byte[] nextHop;
        final List<String> tunnelSockets = new ArrayList<>();
        List<IpPrefix> prefixes = List.of();
        FakeSockets sockets;

        @Override
        public UdpEndpoint openTunnelSocket(String uplink, InetAddress careOf) {
            tunnelSockets.add(uplink);
            return new RecordingUdp(careOf);
        }

        @Override
        public void publish(Path path) {
            published.add(path);
        }

        @Override
        public void withdraw(Path path) {
            withdrawn.add(path);
        }

        @Override
        public HomeLink.Sockets openHomeLink(String uplink, Inet6Address homeAddress) {
            homeLinkOpened.add(uplink);
            sockets = new FakeSockets();
            sockets.superPackets = superPackets;
            sockets.nextHop = nextHop;
            return sockets;
        }

        @Override
        public void startHomeLink(HomeLink link) {
            // the test calls the link directly
        }

        @Override
        public List<IpPrefix> onLinkPrefixes(String uplink) {
            return prefixes;
        }

        @Override
        public void startReceiving(TunnelPath path) {
        }

        @Override
        public void pathStateChanged(Path path, PathState previous, PathState current, long atEpochMillis) {
            changes.add(path.uplink() + " " + previous + "->" + current);
        }

        @Override
        public void reportProbe(String uplink, Map<String, Double> metrics) {
        }

        @Override
        public String technology(String uplink) {
            return "ethernet";
        }

        @Override
        public boolean deliver(ByteBuffer packet) {
            return true;
        }
    }
}
