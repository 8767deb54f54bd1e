package io.anyhome.mobility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.Decision;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathState;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RouteSpec;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import io.anyhome.platform.sim.SimClock;
import io.anyhome.platform.sim.SimInterface;
import io.anyhome.platform.sim.SimLink;
import io.anyhome.platform.sim.SimNetwork;
import io.anyhome.platform.sim.SimPlatform;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mobile node's paths on the emulator against a fake home agent: registration, probes, path
 * state, data both ways, make-before-break.
 */
class MobileNodeSimTest {
    static final String KEY = "00112233445566778899aabbccddeeff";
    static final Inet6Address HOA = BindingUpdateListTest.v6("2001:db8:1::10");
    static final Inet6Address HA = BindingUpdateListTest.v6("2001:db8:a::1");
    static final Inet6Address CN = BindingUpdateListTest.v6("2001:db8:ff::1");
    static final Inet6Address COA_ETH = BindingUpdateListTest.v6("2001:db8:a::10");
    static final Inet6Address COA_WLAN = BindingUpdateListTest.v6("2001:db8:b::20");

    private final SimNetwork net = new SimNetwork(1);
    private final SimClock clock = net.clock();
    private final SimLink lan = net.link("lan");
    private final SimPlatform mn = net.node("mn");
    private final SimPlatform haNode = net.node("ha");
    private final TestServices services = new TestServices();
    private FakeHomeAgent ha;
    private MobileNode node;

    @BeforeEach
    void setUp() throws Exception {
        address(mn, mn.addInterface("eth0", lan), "2001:db8:a::10/64");
        SimInterface wlan0 = mn.addInterface("wlan0", lan);
        address(mn, wlan0, "2001:db8:b::20/64");
        // both uplinks reach the home agent's address on the one emulated link
        mn.addRoute(RouteSpec.onLink(IpPrefix.parse("2001:db8:a::1/128"), wlan0.index(), 1024));
        SimInterface haPort = haNode.addInterface("eth0", lan);
        address(haNode, haPort, "2001:db8:a::1/64");
        address(haNode, haPort, "2001:db8:b::1/64");
        lan.delay(Duration.ofMillis(2));
        ha = new FakeHomeAgent(haNode, HA, Algorithm.HMAC_SHA256_128, HexFormat.of().parseHex(KEY));
        MobilityConfiguration config = MobilityConfiguration.from(Map.of("role", "mn", "homeAddress",
                "2001:db8:1::10", "homePrefix", "2001:db8:1::/64", "homeAgent", "2001:db8:a::1", "key", KEY), null);
        node = new MobileNode(config, 100, new SimTimers(clock), services);
    }

    private static void address(SimPlatform p, SimInterface i, String prefix) throws PlatformException {
        p.addAddress(i.index(), IpPrefix.parse(prefix), true);
    }

    /** Lets virtual time pass in 1 ms steps; the fake home agent and the paths handle what arrived. */
    private void step(long millis) throws Exception {
        for (long i = 0; i < millis; i++) {
            clock.advance(Duration.ofMillis(1));
            ha.poll();
            for (TunnelPath p : node.paths()) {
                p.pollReceived();
            }
        }
    }

    private void registerEth0() throws Exception {
        node.careOfAddressUp("eth0", COA_ETH, clock.epochMillis());
        step(20);
        assertThat(node.bindingUpdateList().registeredUplink()).isEqualTo("eth0");
    }

    static ByteBuffer inner(Inet6Address src, Inet6Address dst, String payload) {
        byte[] data = payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(Ipv6Header.LENGTH + data.length);
        Ipv6Header.encode(b, 0, 0, data.length, 253, 64, src.getAddress(), dst.getAddress());
        return b.put(data).flip();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void givenAnUplinkWithACareOfAddress_whenTimePasses_thenTheFirstRegistrationCompletesAndProbesMakeThePathUp()
            throws Exception {
        node.careOfAddressUp("eth0", COA_ETH, clock.epochMillis());
        assertThat(services.published).extracting(Path::uplink).containsExactly("eth0");
        assertThat(node.path("eth0").state()).isEqualTo(PathState.CONNECTING);

        step(20);

        assertThat(node.bindings()).singleElement().satisfies(b -> {
            assertThat(b.state).isEqualTo(BindingState.REGISTERED);
            assertThat(b.careOfAddress).isEqualTo("2001:db8:a::10");
            assertThat(b.lastAckStatus).isZero();
        });
        assertThat(ha.binding.getAddress()).isEqualTo(COA_ETH);
        assertThat(node.path("eth0").state()).isEqualTo(PathState.UP);
        assertThat(services.changes).containsExactly("eth0 CONNECTING->UP");

        step(1_100);
        assertThat(services.metrics.get("eth0")).containsEntry(NicMetrics.LOSS_RATIO, 0.0)
                .containsKeys(NicMetrics.RTT_MS, NicMetrics.JITTER_MS);
        assertThat(services.metrics.get("eth0").get(NicMetrics.RTT_MS)).isBetween(3.0, 6.0);
        assertThat(node.statistics().probesSent).isGreaterThan(20);
        assertThat(node.statistics().probesLost).isZero();
    }

    @Test
    void givenAnUpPath_whenTheHomeAgentGoesSilent_thenThreeMissedProbesMakeItDownWithin200Ms() throws Exception {
        registerEth0();
        step(100);
        lan.blackhole(true);
        long start = clock.millis();

        while (node.path("eth0").state() != PathState.DOWN && clock.millis() - start < 1_000) {
            step(1);
        }

        assertThat(clock.millis() - start).isBetween(100L, 200L);
        assertThat(services.changes.get(services.changes.size() - 1)).endsWith("->DOWN");
        assertThat(node.path("eth0").describe().failure).contains("probes unanswered");
        assertThat(node.statistics().probesLost).isGreaterThanOrEqualTo(3);
    }

    @Test
    void givenPausedProbes_whenTheHomeAgentIsSilent_thenThePathKeepsItsStateAndSendsNoProbesUntilResumed()
            throws Exception {
        registerEth0();
        step(100);
        long sent = node.statistics().probesSent;
        node.path("eth0").pauseProbes(true);
        lan.blackhole(true);

        step(1_000);

        assertThat(node.path("eth0").state()).isEqualTo(PathState.UP);
        assertThat(node.statistics().probesSent).isEqualTo(sent);
        node.path("eth0").pauseProbes(false);
        step(300);
        assertThat(node.path("eth0").state()).as("probing again finds the silence").isEqualTo(PathState.DOWN);
    }

    @Test
    void givenADownPath_whenTheHomeAgentAnswersAgain_thenItIsUpAgain() throws Exception {
        registerEth0();
        lan.blackhole(true);
        step(300);
        assertThat(node.path("eth0").state()).isEqualTo(PathState.DOWN);

        lan.blackhole(false);
        step(120);
        assertThat(node.path("eth0").state().isUsable()).isTrue();

        step(ProbeStatistics.WINDOW * 50L); // the losses leave the 32-probe window
        assertThat(node.path("eth0").state()).isEqualTo(PathState.UP);
    }

    @Test
    void givenARegisteredPath_whenADataPacketIsSent_thenItArrivesInnerIntactAtTheHomeAgentFromTheCareOfAddress()
            throws Exception {
        registerEth0();
        ByteBuffer packet = inner(HOA, CN, "hello home");
        byte[] expected = bytes(packet);

        assertThat(node.path("eth0").send(packet)).isTrue();
        step(5);

        assertThat(ha.data).singleElement().satisfies(r -> {
            assertThat(r.inner()).isEqualTo(expected);
            assertThat(r.outerSource()).isEqualTo(COA_ETH);
        });
        assertThat(node.path("eth0").describe().packetsSent).isEqualTo(1);
        assertThat(node.path("eth0").describe().bytesSent).isEqualTo(expected.length);
    }

    @Test
    void givenARegisteredPath_whenTheHomeAgentSendsData_thenTheVirtualInterfaceGetsTheInnerPacket() throws Exception {
        registerEth0();
        ByteBuffer packet = inner(CN, HOA, "hello mobile");
        byte[] expected = bytes(packet);

        ha.send(packet);
        ha.send(inner(CN, CN, "not for us"));
        step(5);

        assertThat(services.delivered).containsExactly(expected);
        assertThat(node.statistics().drops).containsEntry("not-for-home-address", 1L);
    }

    @Test
    void givenTheSegmentsOfASuperPacket_whenSentInOneCall_thenEachArrivesAsItsOwnDatagram() throws Exception {
        registerEth0();
        byte[] a = bytes(inner(HOA, CN, "first segment..."));
        byte[] b = bytes(inner(HOA, CN, "second segment.."));
        byte[] c = bytes(inner(HOA, CN, "last"));
        ByteBuffer packets = ByteBuffer.allocateDirect(a.length * 2 + c.length).put(a).put(b).put(c).flip();

        assertThat(node.path("eth0").sendSegments(packets, a.length)).isEqualTo(3);
        step(5);

        assertThat(ha.data).extracting(HomeAgentData -> HomeAgentData.inner()).containsExactly(a, b, c);
        assertThat(node.path("eth0").describe().packetsSent).isEqualTo(3);
        assertThat(node.path("eth0").describe().bytesSent).isEqualTo(a.length * 2L + c.length);
    }

    @Test
    void givenACoalescedReceive_whenHandled_thenEveryDatagramInItIsDeliveredInOrder() throws Exception {
        registerEth0();
        byte[] a = bytes(inner(CN, HOA, "coalesced one..."));
        byte[] b = bytes(inner(CN, HOA, "coalesced two..."));
        byte[] c = bytes(inner(CN, HOA, "end"));
        ByteBuffer received = ByteBuffer.allocateDirect(a.length * 2 + c.length).put(a).put(b).put(c).flip();
        io.anyhome.api.platform.ReceiveMetadata from = new io.anyhome.api.platform.ReceiveMetadata();
        from.setSource(HA.getAddress(), 4191);
        from.setArrival(2, 64, a.length);

        node.path("eth0").handleEach(received, from);

        assertThat(services.delivered).containsExactly(a, b, c);
    }

    @Test
    void givenAPendingMove_whenTheNewPathSends_thenItsPacketsGoThroughTheRegisteredPathUntilTheAckArrives()
            throws Exception {
        registerEth0();
        node.careOfAddressUp("wlan0", COA_WLAN, clock.epochMillis());
        ha.answerBindingUpdates = false;
        node.decisionChanged(null, Decision.useUplink("wlan0", "test"), clock.epochMillis());
        step(5);
        assertThat(node.bindingUpdateList().pendingUplink()).isEqualTo("wlan0");

        node.path("wlan0").send(inner(HOA, CN, "during the move"));
        step(5);
        assertThat(ha.data).singleElement().extracting(FakeHomeAgent.Received::outerSource).isEqualTo(COA_ETH);

        ha.answerBindingUpdates = true;
        step(1_000); // the retransmission after 1 s is answered
        assertThat(node.bindingUpdateList().registeredUplink()).isEqualTo("wlan0");
        node.path("wlan0").send(inner(HOA, CN, "after the move"));
        step(5);
        assertThat(ha.data).extracting(FakeHomeAgent.Received::outerSource).containsExactly(COA_ETH, COA_WLAN);
        assertThat(node.path("eth0").handOff()).isSameAs(node.path("wlan0"));
    }

    @Test
    void givenAPendingMove_whenTheOldUplinkIsAlreadyDead_thenTheNewPathSendsDirectly() throws Exception {
        registerEth0();
        node.careOfAddressUp("wlan0", COA_WLAN, clock.epochMillis());
        ha.answerBindingUpdates = false;
        node.uplinkDown("eth0", clock.epochMillis(), "carrier lost");
        step(5);
        assertThat(node.path("eth0").state()).isEqualTo(PathState.DOWN);
        assertThat(node.bindingUpdateList().pendingUplink()).isEqualTo("wlan0");

        node.path("wlan0").send(inner(HOA, CN, "after eth0 died"));
        step(5);

        assertThat(ha.data).singleElement().extracting(FakeHomeAgent.Received::outerSource).isEqualTo(COA_WLAN);
    }

    @Test
    void givenTheRegisteredUplinkLosesItsCareOfAddress_whenAnotherPathExists_thenTheNodeRegistersThroughItAtOnce()
            throws Exception {
        registerEth0();
        node.careOfAddressUp("wlan0", COA_WLAN, clock.epochMillis());
        step(60);

        node.careOfAddressDown("eth0", COA_ETH, clock.epochMillis(), "address removed");
        step(10);

        assertThat(services.withdrawn).extracting(Path::uplink).containsExactly("eth0");
        assertThat(node.bindingUpdateList().registeredUplink()).isEqualTo("wlan0");
        assertThat(ha.binding.getAddress()).isEqualTo(COA_WLAN);
    }

    @Test
    void givenAHomeAgentWithAnotherKey_whenItAcknowledges_thenTheNodeIgnoresTheAckAndKeepsTrying() throws Exception {
        ha.key = new byte[16];
        node.careOfAddressUp("eth0", COA_ETH, clock.epochMillis());
        step(1_600);

        assertThat(ha.bindingUpdates).hasSize(2);
        assertThat(node.bindingUpdateList().registeredUplink()).isNull();
        assertThat(node.statistics().drops).containsEntry("ack-authentication", 2L);
        assertThat(node.bindings()).singleElement().extracting(b -> b.state).isEqualTo(BindingState.REGISTERING);
    }

    /** The node's surroundings: sockets from the emulated node, everything else recorded. */
    private final class TestServices implements NodeServices {
        final List<Path> published = new ArrayList<>();
        final List<Path> withdrawn = new ArrayList<>();
        final List<String> changes = new ArrayList<>();
        final Map<String, Map<String, Double>> metrics = new ConcurrentHashMap<>();
        final List<byte[]> delivered = new ArrayList<>();

        @Override
        public UdpEndpoint openTunnelSocket(String uplink, InetAddress careOf) throws PlatformException {
            return mn.openUdp(new UdpOptions(careOf, 0, uplink, false));
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
        public HomeLink.Sockets openHomeLink(String uplink, Inet6Address homeAddress) throws PlatformException {
            throw new PlatformException(io.anyhome.api.AnyhomeException.Code.UNAVAILABLE, "the emulated node is never home");
        }

        @Override
        public void startHomeLink(HomeLink link) {
        }

        @Override
        public List<IpPrefix> onLinkPrefixes(String uplink) {
            return List.of();
        }

        @Override
        public void startReceiving(TunnelPath path) {
            // the test polls
        }

        @Override
        public void pathStateChanged(Path path, PathState previous, PathState current, long atEpochMillis) {
            changes.add(path.uplink() + " " + previous + "->" + current);
        }

        @Override
        public void reportProbe(String uplink, Map<String, Double> m) {
            metrics.put(uplink, m);
        }

        @Override
        public String technology(String uplink) {
            return "ethernet";
        }

        @Override
        public boolean deliver(ByteBuffer packet) {
            delivered.add(bytes(packet));
            return true;
        }
    }
}
