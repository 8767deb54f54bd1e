package io.anyhome.mobility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathState;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.BindingAckStatus;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.Heartbeat;
import io.anyhome.packet.mh.Ipv4CareOfAddress;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import io.anyhome.packet.mh.NatDetection;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The mobile node over an IPv4 care-of address (RFC 5555): the Binding Update's IPv4 Care-of
 * Address option and its authenticator, the tunnel to the home agent's IPv4 address, the NAT
 * Detection option of the acknowledgement and the keepalive schedule behind a NAT.
 */
class Ipv4CareOfAddressTest {
    static final String KEY = "00112233445566778899aabbccddeeff";
    static final Inet6Address HOA = BindingUpdateListTest.v6("2001:db8:1::10");
    static final Inet6Address HA = BindingUpdateListTest.v6("2001:db8:1::1");
    static final Inet6Address CN = BindingUpdateListTest.v6("2001:db8:ff::1");
    static final Inet4Address COA = v4("192.0.2.10");
    static final Inet4Address HA4 = v4("198.51.100.2");
    static final InetSocketAddress HA4_PORT = new InetSocketAddress(HA4, 4191);
    static final Inet6Address COA6 = BindingUpdateListTest.v6("2001:db8:c::10");

    private final ManualTimers timers = new ManualTimers();
    private final Services services = new Services();

    static Inet4Address v4(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private MobileNode node(String... extra) {
        Map<String, Object> props = new HashMap<>(Map.of("role", "mn", "homeAddress", "2001:db8:1::10",
                "homePrefix", "2001:db8:1::/64", "homeAgent", "2001:db8:1::1", "key", KEY));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        return new MobileNode(MobilityConfiguration.from(props, null), 100, timers, services);
    }

    // ---- the Binding Update ----

    @Test
    void givenAnIpv4CareOfAddress_whenTheBindingUpdateIsBuilt_thenItCarriesTheIpv4OptionAndIsSignedOverTheMappedForm()
            throws Exception {
        byte[] key = HexFormat.of().parseHex(KEY);
        Signalling signalling = new Signalling(HOA, HA, "mn1@example.net", 256, Algorithm.HMAC_SHA256_128, key);

        ByteBuffer bu = signalling.bindingUpdate(COA, 7, 150, 0x1234_5678_0000_0000L);

        // MH at 40: 6 bytes of header, 6 of BU fields; the IPv4 CoA option (RFC 5555 §3.1.1) at 52, 4n-aligned
        byte[] option = new byte[8];
        bu.get(52, option);
        assertThat(HexFormat.of().formatHex(option)).isEqualTo("20060000c000020a");
        BindingUpdate decoded = (BindingUpdate) MobilityHeader.decode(bu, Ipv6Header.LENGTH);
        assertThat(decoded.has(BindingUpdate.FLAG_F)).as("F: UDP encapsulation").isTrue();
        assertThat(decoded.options().get(0)).isEqualTo(new Ipv4CareOfAddress(COA));
        Inet6Address mapped = (Inet6Address) Inet6Address.getByAddress(null,
                HexFormat.of().parseHex("00000000000000000000ffffc000020a"), -1);
        assertThat(MobilityMessageAuthenticator.verify(bu, Ipv6Header.LENGTH, mapped, HOA, Algorithm.HMAC_SHA256_128,
                key)).as("authenticator over ::ffff:192.0.2.10").isTrue();
        assertThat(MobilityMessageAuthenticator.verify(bu, Ipv6Header.LENGTH,
                BindingUpdateListTest.v6("::c000:20a"), HOA, Algorithm.HMAC_SHA256_128, key))
                .as("not over the IPv4-compatible form").isFalse();
    }

    // ---- which address a path uses ----

    @Test
    void givenAnUplinkWithOnlyAnIpv4Address_whenTheHomeAgentsIpv4AddressIsKnown_thenItsPathTunnelsToIt() {
        MobileNode node = node("homeAgentIpv4", "198.51.100.2");

        node.careOfAddressUp("eth1", COA, timers.epochMillis());

        FakeTunnelSocket socket = services.sockets.get("eth1");
        assertThat(socket.bound).isEqualTo(COA);
        assertThat(socket.device).isEqualTo("eth1");
        assertThat(socket.sent).isNotEmpty().allSatisfy(s -> assertThat(s.to()).isEqualTo(HA4_PORT));
        BindingUpdate bu = bindingUpdates(socket).get(0);
        assertThat(bu.options().get(0)).isEqualTo(new Ipv4CareOfAddress(COA));
        assertThat(node.path("eth1").describe().careOfAddress).isEqualTo("192.0.2.10");
        assertThat(node.path("eth1").describe().homeAgentAddress).isEqualTo("198.51.100.2");
    }

    @Test
    void givenNoIpv4AddressOfTheHomeAgent_whenAnUplinkHasOnlyAnIpv4Address_thenItGetsNoPath() {
        MobileNode node = node();

        node.careOfAddressUp("eth1", COA, timers.epochMillis());

        assertThat(node.paths()).isEmpty();
        assertThat(services.sockets).isEmpty();
    }

    @Test
    void givenAnUplinkWithBothFamilies_whenTheIpv6AddressComesAndGoes_thenIpv6IsPreferredAndIpv4TakesOver() {
        MobileNode node = node("homeAgentIpv4", "198.51.100.2");
        node.careOfAddressUp("eth1", COA, timers.epochMillis());
        TunnelPath ipv4 = node.path("eth1");

        node.careOfAddressUp("eth1", COA6, timers.epochMillis());
        assertThat(node.path("eth1").careOf()).isEqualTo(COA6);
        assertThat(ipv4.isClosed()).isTrue();
        assertThat(services.withdrawn).containsExactly(ipv4);

        node.careOfAddressDown("eth1", COA6, timers.epochMillis(), "prefix expired");
        assertThat(node.path("eth1").careOf()).isEqualTo(COA);
        assertThat(node.path("eth1").homeAgent()).isEqualTo(HA4_PORT);

        node.careOfAddressDown("eth1", COA, timers.epochMillis(), "address removed");
        assertThat(node.paths()).isEmpty();
    }

    @Test
    void givenAnInterfaceNoDriverClaims_whenItHasAnIpv4Address_thenItGetsAPathOnlyOnceItIsAnUplinkThatComesUp() {
        MobileNode node = node("homeAgentIpv4", "198.51.100.2");
        services.uplinks.remove("docker0");

        node.careOfAddressUp("docker0", v4("192.0.2.99"), timers.epochMillis());
        assertThat(node.paths()).isEmpty();

        services.uplinks.add("docker0");
        node.uplinkUp("docker0", timers.epochMillis());
        assertThat(node.path("docker0")).isNotNull();
    }

    @Test
    void givenTheKernelsAddresses_whenTheWatchSeesThem_thenOnlyGlobalIpv4AddressesOfNamedLinksAreReported() {
        List<String> told = new ArrayList<>();
        CareOfAddressChoice choice = new CareOfAddressChoice(true, u -> true, new CareOfAddressChoice.Sink() {
            @Override
            public void use(String uplink, InetAddress careOf) {
                told.add("use " + uplink + " " + careOf.getHostAddress());
            }

            @Override
            public void lose(String uplink, InetAddress careOf, String cause) {
                told.add("lose " + uplink + " " + careOf.getHostAddress() + " (" + cause + ")");
            }
        });
        Ipv4AddressWatch watch = new Ipv4AddressWatch(choice);

        watch.address(address(io.anyhome.api.platform.Change.NEW, 3, "192.0.2.10/24", 0));
        watch.link(link(io.anyhome.api.platform.Change.NEW, 3, "eth1"));
        watch.link(link(io.anyhome.api.platform.Change.NEW, 1, "lo"));
        watch.address(address(io.anyhome.api.platform.Change.NEW, 1, "127.0.0.1/8", 254));
        watch.address(address(io.anyhome.api.platform.Change.NEW, 3, "169.254.7.7/16", 253));
        watch.address(address(io.anyhome.api.platform.Change.NEW, 3, "2001:db8:c::10/64", 0));
        watch.address(address(io.anyhome.api.platform.Change.DELETED, 3, "192.0.2.10/24", 0));

        assertThat(told).containsExactly("use eth1 192.0.2.10", "lose eth1 192.0.2.10 (address removed)");
    }

    private static io.anyhome.api.platform.AddressEvent address(io.anyhome.api.platform.Change change, int index,
            String prefix, int scope) {
        return new io.anyhome.api.platform.AddressEvent(change, index, io.anyhome.api.IpPrefix.parse(prefix), scope,
                false, false, false, false, true, -1, -1, 0);
    }

    private static io.anyhome.api.platform.LinkEvent link(io.anyhome.api.platform.Change change, int index,
            String name) {
        return new io.anyhome.api.platform.LinkEvent(change, index, name, 0x1, true,
                io.anyhome.api.platform.OperState.UP, 1500, "veth", "02:00:00:00:00:01", 0);
    }

    // ---- registration, data and the NAT ----

    @Test
    void givenAnIpv4Path_whenTheHomeAgentAcknowledgesWithNatDetection_thenItIsRegisteredAndUpAndDataGoesOverIpv4()
            throws Exception {
        MobileNode node = node("homeAgentIpv4", "198.51.100.2");
        node.careOfAddressUp("eth1", COA, timers.epochMillis());
        FakeTunnelSocket socket = services.sockets.get("eth1");
        TunnelPath path = node.path("eth1");

        acknowledge(socket, bindingUpdates(socket).get(0), 20);
        path.pollReceived();

        assertThat(node.bindingUpdateList().registeredUplink()).as("drops %s", node.statistics().drops).isEqualTo("eth1");
        assertThat(path.state()).isEqualTo(PathState.UP);
        assertThat(node.bindings().get(0).careOfAddress).isEqualTo("192.0.2.10");
        assertThat(node.nat().keepalive(path)).isNotNull();
        assertThat(node.nat().keepalive(path).refreshMillis()).isEqualTo(20_000);
        assertThat(node.nat().keepalive(path).checking()).as("the 50 ms probes keep the mapping").isFalse();
        assertThat(node.bindings().get(0)).satisfies(b -> {
            assertThat(b.behindNat).as("mip:bul says the node is behind a NAT").isTrue();
            assertThat(b.natRefreshMs).isEqualTo(20_000);
            assertThat(b.natKeepalivesSent).isZero();
        });

        socket.sent.clear();
        ByteBuffer data = MobileNodeSimTest.inner(HOA, CN, "over IPv4");
        assertThat(path.send(data)).isTrue();
        assertThat(socket.sent).singleElement().extracting(FakeTunnelSocket.Sent::to).isEqualTo(HA4_PORT);
    }

    @Test
    void givenAnIpv4Path_whenADatagramComesFromAnotherAddressThanTheHomeAgents_thenItIsDropped() throws Exception {
        MobileNode node = node("homeAgentIpv4", "198.51.100.2");
        node.careOfAddressUp("eth1", COA, timers.epochMillis());
        FakeTunnelSocket socket = services.sockets.get("eth1");

        socket.arrive(MobileNodeSimTest.inner(CN, HOA, "forged"), new InetSocketAddress(v4("203.0.113.9"), 4191));
        node.path("eth1").pollReceived();

        assertThat(services.delivered).isEmpty();
        assertThat(node.statistics().drops).containsEntry("not-from-home-agent", 1L);
    }

    @Test
    void givenAPathBehindANatWithSlowProbes_whenIdle_thenAKeepaliveLeavesAtLeastEveryRefreshTimeAndNoMoreOften()
            throws Exception {
        MobileNode node = node("homeAgentIpv4", "198.51.100.2", "probeIntervalMs", "60000");
        node.careOfAddressUp("eth1", COA, timers.epochMillis());
        FakeTunnelSocket socket = services.sockets.get("eth1");
        TunnelPath path = node.path("eth1");
        acknowledge(socket, bindingUpdates(socket).get(0), 20);
        path.pollReceived();
        assertThat(node.nat().keepalive(path).checking()).isTrue();
        socket.sent.clear();

        timers.advance(200_000);

        List<Long> times = socket.sent.stream().map(FakeTunnelSocket.Sent::atMillis).toList();
        assertThat(gaps(times)).as("gaps between datagrams at %s", times).allSatisfy(g ->
                assertThat(g).isLessThanOrEqualTo(20_000L));
        // idle: a keepalive per refresh time (20 s) besides the 60 s probes, not one per 10 s check
        assertThat(times).as("datagrams in 200 s").hasSizeBetween(200 / 20, 200 / 10 - 5);
        assertThat(heartbeats(socket)).isEqualTo(times.size());
        assertThat(node.nat().keepalive(path).keepalivesSent()).isPositive();
    }

    @Test
    void givenAPathBehindANatWithSlowProbes_whenDataFlows_thenNoKeepaliveIsSent() throws Exception {
        MobileNode node = node("homeAgentIpv4", "198.51.100.2", "probeIntervalMs", "60000");
        node.careOfAddressUp("eth1", COA, timers.epochMillis());
        FakeTunnelSocket socket = services.sockets.get("eth1");
        TunnelPath path = node.path("eth1");
        acknowledge(socket, bindingUpdates(socket).get(0), 20);
        path.pollReceived();
        timers.advance(10_000); // the first check, right after the registration, may send one

        long before = node.nat().keepalive(path).keepalivesSent();
        for (int i = 0; i < 40; i++) {
            path.send(MobileNodeSimTest.inner(HOA, CN, "busy"));
            timers.advance(4_000);
        }

        assertThat(node.nat().keepalive(path).keepalivesSent()).isEqualTo(before);
    }

    @Test
    void givenProbeIntervalsAndRefreshTimes_whenCompared_thenProbesSufficeUpToHalfTheRefreshTime() {
        assertThat(NatKeepalive.probesSuffice(50, 20_000)).isTrue();
        assertThat(NatKeepalive.probesSuffice(10_000, 20_000)).isTrue();
        assertThat(NatKeepalive.probesSuffice(10_001, 20_000)).isFalse();
        assertThat(NatKeepalive.refreshMillis(new NatDetection(true, 0))).as("0: NATKATIMEOUT").isEqualTo(110_000);
        assertThat(NatKeepalive.refreshMillis(new NatDetection(true, 0xffff_ffffL))).as("no keepalives").isEqualTo(-1);
    }

    private static List<Long> gaps(List<Long> times) {
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            out.add(times.get(i) - times.get(i - 1));
        }
        return out;
    }

    private static long heartbeats(FakeTunnelSocket socket) throws Exception {
        long n = 0;
        for (FakeTunnelSocket.Sent s : socket.sent) {
            ByteBuffer b = ByteBuffer.wrap(s.inner());
            if ((b.get(Ipv6Header.OFFSET_NEXT_HEADER) & 0xff) == MobilityHeader.NEXT_HEADER
                    && MobilityHeader.decode(b, Ipv6Header.LENGTH) instanceof Heartbeat) {
                n++;
            }
        }
        return n;
    }

    private static List<BindingUpdate> bindingUpdates(FakeTunnelSocket socket) {
        List<BindingUpdate> out = new ArrayList<>();
        for (FakeTunnelSocket.Sent s : socket.sent) {
            ByteBuffer b = ByteBuffer.wrap(s.inner());
            try {
                MobilityMessage m = MobilityHeader.decode(b, Ipv6Header.LENGTH);
                if (m instanceof BindingUpdate bu) {
                    out.add(bu);
                }
            } catch (Exception notMobility) {
                // data
            }
        }
        return out;
    }

    /** Queues the home agent's signed acknowledgement with a NAT Detection option, from its IPv4 address. */
    private static void acknowledge(FakeTunnelSocket socket, BindingUpdate bu, long refreshSeconds) throws Exception {
        long ts = 0;
        for (MobilityOption o : bu.options()) {
            if (o instanceof MobilityMessageReplayProtection rp) {
                ts = rp.timestamp();
            }
        }
        BindingAcknowledgement ba = new BindingAcknowledgement(BindingAckStatus.ACCEPTED, 0, bu.sequence(),
                bu.lifetimeUnits(), List.of(new NatDetection(true, refreshSeconds),
                        new MobilityMessageReplayProtection(ts), new MobilityMessageAuthentication(
                                MobilityMessageAuthentication.SUBTYPE_MN_HA, 256, new byte[16])));
        ByteBuffer out = ByteBuffer.allocate(Ipv6Header.LENGTH + MobilityHeader.encodedLength(ba));
        Ipv6Header.encode(out, 0, 0, out.capacity() - Ipv6Header.LENGTH, MobilityHeader.NEXT_HEADER, 64,
                HA.getAddress(), HOA.getAddress());
        MobilityHeader.encodeWithoutChecksum(ba, out);
        MobilityMessageAuthenticator.sign(out, Ipv6Header.LENGTH, Signalling.authenticationForm(COA), HOA,
                Algorithm.HMAC_SHA256_128, HexFormat.of().parseHex(KEY), HA, HOA);
        socket.arrive(out.flip(), HA4_PORT);
    }

    /** The node's surroundings: in-memory sockets, everything else recorded. */
    private final class Services implements NodeServices {
        final Map<String, FakeTunnelSocket> sockets = new ConcurrentHashMap<>();
        final Set<String> uplinks = ConcurrentHashMap.newKeySet();
        final List<Path> withdrawn = new ArrayList<>();
        final List<byte[]> delivered = new ArrayList<>();

        Services() {
            uplinks.addAll(List.of("eth0", "eth1", "wlan0"));
        }

        @Override
        public FakeTunnelSocket openTunnelSocket(String uplink, InetAddress careOf) {
            FakeTunnelSocket s = new FakeTunnelSocket(careOf, uplink, timers::millis);
            sockets.put(uplink, s);
            return s;
        }

        @Override
        public void publish(Path path) {
        }

        @Override
        public void withdraw(Path path) {
            withdrawn.add(path);
        }

        @Override
        public HomeLink.Sockets openHomeLink(String uplink, java.net.Inet6Address homeAddress) {
            throw new UnsupportedOperationException("no home link in these tests");
        }

        @Override
        public void startHomeLink(HomeLink link) {
        }

        @Override
        public List<io.anyhome.api.IpPrefix> onLinkPrefixes(String uplink) {
            return List.of(); // an IPv4-only uplink hears no Router Advertisements
        }

        @Override
        public void startReceiving(TunnelPath path) {
        }

        @Override
        public void pathStateChanged(Path path, PathState previous, PathState current, long atEpochMillis) {
        }

        @Override
        public void reportProbe(String uplink, Map<String, Double> metrics) {
        }

        @Override
        public String technology(String uplink) {
            return uplinks.contains(uplink) ? "ethernet" : null;
        }

        @Override
        public boolean deliver(ByteBuffer packet) {
            byte[] b = new byte[packet.remaining()];
            packet.duplicate().get(b);
            delivered.add(b);
            return true;
        }
    }
}
