package io.anyhome.homeagent.internal;

import static io.anyhome.homeagent.internal.MobileNodeMessages.COA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HOA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.v6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.anyhome.api.AddressText;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.UdpHeader;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.platform.linux.internal.LabNamespace;
import io.anyhome.platform.linux.internal.LinuxPlatforms;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home agent on the real Linux platform in network namespaces: {@code ha} with a home link
 * {@code h0} to {@code home} (a correspondent, 2001:db8:1::20, on the home prefix) and an
 * "internet" link {@code i0} to {@code mn}, where a plain UDP socket plays the mobile node from
 * its care-of address 2001:db8:a::2; for a node back home, a raw socket in {@code home} plays it
 * on the home link. Needs root and iproute2; skipped without them except when {@code CI=true}.
 */
class HomeAgentLabTest {
    private static final Inet6Address CN = v6("2001:db8:1::20");
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** The link-layer address of the node's other interface when it comes home a second time. */
    private static final String OTHER_MAC = "02:00:5e:00:53:10";
    private static final long T = System.currentTimeMillis();

    @TempDir
    Path keys;

    @Test
    void givenAMobileNodeAway_whenItRegistersTalksAndDeregisters_thenTheHomeAgentRoutesProxiesTunnelsAndWithdraws()
            throws Exception {
        try (LabNamespace ha = LabNamespace.create("haa");
                LabNamespace home = LabNamespace.create("hah");
                LabNamespace mn = LabNamespace.create("ham")) {
            wire(ha, home, mn);
            HomeAgentService service = start(ha);
            // closed on the namespace's thread: it puts back the namespace's IPv6 settings
            try (AutoCloseable stop = () -> ha.inside(() -> {
                        service.close();
                        return null;
                    });
                    DatagramSocket client = mn.inside(() -> new DatagramSocket(new InetSocketAddress(COA, 0)));
                    DatagramSocket stranger = mn.inside(() -> new DatagramSocket(new InetSocketAddress(COA, 0)));
                    DatagramSocket correspondent = home.inside(() -> new DatagramSocket(new InetSocketAddress(CN, 7001)))) {
                client.setSoTimeout(500);
                correspondent.setSoTimeout(500);
                InetSocketAddress haPort = new InetSocketAddress(HA, 4191);

                // registration: the first one waits for the home agent's duplicate address detection
                MobileNodeMessages.Bu bu = new MobileNodeMessages.Bu(System.currentTimeMillis());
                client.setSoTimeout(2000);
                BindingAcknowledgement ba = exchange(client, haPort, bu.encode());
                client.setSoTimeout(500);
                assertThat(ba.status().code()).isZero();
                assertThat(ba.lifetimeUnits()).isEqualTo(150);
                assertThat(service.bindingCache()).singleElement().satisfies(e -> {
                    assertThat(e.homeAddress).isEqualTo("2001:db8:1::10");
                    assertThat(e.careOfAddress).isEqualTo("2001:db8:a::2");
                    assertThat(e.natAddress).isNull();
                });
                await().atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(ha.ip("-6", "route", "show", "2001:db8:1::10")).contains("2001:db8:1::10 dev ha0");
                    assertThat(ha.ip("-6", "neigh", "show", "proxy")).contains("2001:db8:1::10 dev h0 proxy");
                });

                // correspondent -> home address arrives encapsulated at the care-of address
                byte[] hello = "hello mobile node".getBytes(StandardCharsets.US_ASCII);
                ByteBuffer inner = null;
                for (int i = 0; i < 20 && inner == null; i++) {
                    correspondent.send(new DatagramPacket(hello, hello.length, new InetSocketAddress(HOA, 7000)));
                    inner = receive(client);
                }
                assertThat(inner).as("an encapsulated datagram from the correspondent").isNotNull();
                Ipv6Header ip = new Ipv6Header().wrap(inner, 0);
                assertThat(AddressFields.read(inner, ip.sourceOffset())).isEqualTo(CN);
                assertThat(AddressFields.read(inner, ip.destinationOffset())).isEqualTo(HOA);
                assertThat(ip.nextHeader()).isEqualTo(17);
                assertThat(inner.getShort(Ipv6Header.LENGTH + 2) & 0xffff).isEqualTo(7000);
                byte[] payload = new byte[hello.length];
                inner.get(Ipv6Header.LENGTH + 8, payload);
                assertThat(payload).isEqualTo(hello);
                await().atMost(PATIENCE).until(() -> service.statistics().packetsToMobileNodes > 0); // counted after the send

                // home address -> correspondent through the reverse tunnel
                ByteBuffer fromMn = udp(HOA, CN, 7002, 7001, "hello correspondent");
                DatagramPacket got = null;
                for (int i = 0; i < 20 && got == null; i++) {
                    client.send(datagram(fromMn, haPort));
                    got = receive(correspondent, 2048);
                }
                assertThat(got).as("the correspondent got the mobile node's datagram").isNotNull();
                assertThat(got.getAddress()).isEqualTo(HOA);
                assertThat(got.getPort()).isEqualTo(7002);
                assertThat(new String(got.getData(), 0, got.getLength(), StandardCharsets.US_ASCII))
                        .isEqualTo("hello correspondent");
                await().atMost(PATIENCE).until(() -> service.statistics().packetsFromMobileNodes > 0);

                // the same inner packet from another outer port is dropped and counted
                stranger.send(datagram(udp(HOA, CN, 7002, 7001, "from elsewhere"), haPort));
                await().atMost(PATIENCE).until(() -> service.statistics().drops.get("wrong-care-of-address") == 1);
                for (DatagramPacket p = receive(correspondent, 2048); p != null; p = receive(correspondent, 2048)) {
                    assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII))
                            .isEqualTo("hello correspondent"); // only retries of the first datagram
                }

                // deregistration withdraws the route and the proxy entry
                MobileNodeMessages.Bu dereg = new MobileNodeMessages.Bu(System.currentTimeMillis());
                dereg.sequence = 2;
                dereg.lifetimeUnits = 0;
                assertThat(exchange(client, haPort, dereg.encode()).status().code()).isZero();
                assertThat(service.bindingCache()).isEmpty();
                await().atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(ha.ip("-6", "route", "show", "2001:db8:1::10")).doesNotContain("ha0");
                    assertThat(ha.ip("-6", "neigh", "show", "proxy")).doesNotContain("2001:db8:1::10");
                });
                assertThat(service.failure()).isNull();
                assertThat(ha.inside(() -> java.nio.file.Files.readString(
                        java.nio.file.Path.of("/proc/sys/net/ipv6/conf/h0/proxy_ndp"))).strip()).isEqualTo("1");
            }
            // stopped: the settings the home agent found are back
            assertThat(ha.inside(() -> java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc/sys/net/ipv6/conf/h0/proxy_ndp"))).strip()).isEqualTo("0");
        }
    }

    @Test
    void givenANodeThatWasHomeBefore_whenItComesHomeAgainThroughAnotherInterface_thenTheNativeAcknowledgementReachesIt()
            throws Exception {
        try (LabNamespace ha = LabNamespace.create("hra");
                LabNamespace home = LabNamespace.create("hrh");
                LabNamespace mn = LabNamespace.create("hrm")) {
            wire(ha, home, mn);
            String hoa = AddressText.format(HOA);
            String nodeMac = home.ip("link", "show", "dev", "c0").replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
            // the first visit home: the home agent's host reaches the home address on the home link
            home.ip("addr", "add", hoa + "/64", "dev", "c0", "nodad");
            await().atMost(PATIENCE).until(() -> ha.exec("ping", "-6", "-c", "1", "-W", "1", hoa).exitStatus() == 0);
            assertThat(ha.ip("-6", "neigh", "show", hoa, "dev", "h0")).contains(nodeMac);
            home.ip("addr", "del", hoa + "/64", "dev", "c0");

            HomeAgentService service = start(ha);
            try (AutoCloseable stop = () -> ha.inside(() -> {
                        service.close();
                        return null;
                    });
                    DatagramSocket client = mn.inside(() -> new DatagramSocket(new InetSocketAddress(COA, 0)))) {
                // away: registered through a care-of address, the home agent proxies and advertises the home address
                client.setSoTimeout(2000);
                MobileNodeMessages.Bu bu = new MobileNodeMessages.Bu(System.currentTimeMillis());
                assertThat(exchange(client, new InetSocketAddress(HA, 4191), bu.encode()).status().code()).isZero();
                await().atMost(PATIENCE).untilAsserted(() ->
                        assertThat(ha.ip("-6", "neigh", "show", "proxy")).contains(hoa + " dev h0 proxy"));
                // its unsolicited advertisements, a second apart, are out
                await().pollDelay(Duration.ofMillis((HomeLinkPublisher.ADVERTISEMENTS - 1) * 1000L + 500))
                        .atMost(Duration.ofSeconds(HomeLinkPublisher.ADVERTISEMENTS + 1)).until(() -> true);

                // home again, through another interface (another link-layer address): the deregistration
                // arrives natively, the acknowledgement goes back on the home link
                home.ip("link", "set", "dev", "c0", "address", OTHER_MAC);
                home.ip("addr", "add", hoa + "/64", "dev", "c0", "nodad");
                // the node knows the home agent's link-layer address: no solicitation of it from the
                // home address tells the home agent the new one
                String haMac = ha.ip("link", "show", "dev", "h0").replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
                home.ip("-6", "neigh", "replace", AddressText.format(HA), "lladdr", haMac, "dev", "c0", "nud", "permanent");
                try (RawIpv6Endpoint mh = home.inside(() -> LinuxPlatforms.create().openRawIpv6(new RawIpv6Options(
                        MobilityHeader.NEXT_HEADER, RawIpv6Options.CHECKSUM_OFF, HOA, "c0", 0)))) {
                    MobileNodeMessages.Bu dereg = new MobileNodeMessages.Bu(System.currentTimeMillis());
                    dereg.sequence = 2;
                    dereg.lifetimeUnits = 0;
                    dereg.careOf = HOA;
                    mh.send(dereg.encode().position(Ipv6Header.LENGTH), HA);

                    ByteBuffer in = ByteBuffer.allocate(2048);
                    ReceiveMetadata from = new ReceiveMetadata();
                    // the home agent's entry from the first visit names the old address: kept, it would hold
                    // the acknowledgement for seconds (a minute in the lab with the node's retransmissions)
                    await("the acknowledgement on the home link").atMost(Duration.ofSeconds(2))
                            .pollInterval(Duration.ofMillis(20)).until(() -> mh.tryReceive(in.clear(), from) > 0);
                    in.flip();
                    BindingAcknowledgement ba = (BindingAcknowledgement) MobilityHeader.decode(in, 0);
                    assertThat(ba.status().code()).isZero();
                    assertThat(ba.sequence()).isEqualTo(2);
                    assertThat(from.sourceAddress()).isEqualTo(HA);
                }
                assertThat(service.bindingCache()).isEmpty();
                assertThat(ha.ip("-6", "neigh", "show", hoa, "dev", "h0")).contains(OTHER_MAC).doesNotContain(nodeMac);
            }
        }
    }

    /**
     * Links {@code ha} to {@code home} (the home link, h0–c0, with a correspondent 2001:db8:1::20)
     * and to {@code mn} (i0–m0, the mobile node's care-of address 2001:db8:a::2), and writes the
     * node's key.
     */
    private void wire(LabNamespace ha, LabNamespace home, LabNamespace mn) throws IOException {
        Files.writeString(keys.resolve("mn1.key"), """
                homeAddress=2001:db8:1::10
                identity=mn1@example.com
                spi=256
                algorithm=hmac-sha256-128
                key=00112233445566778899aabbccddeeff0011223344556677
                """);
        ha.ip("link", "add", "h0", "type", "veth", "peer", "name", "c0", "netns", home.name());
        ha.ip("link", "add", "i0", "type", "veth", "peer", "name", "m0", "netns", mn.name());
        ha.ip("addr", "add", "2001:db8:1::1/64", "dev", "h0", "nodad");
        ha.ip("addr", "add", "2001:db8:a::1/64", "dev", "i0", "nodad");
        home.ip("addr", "add", "2001:db8:1::20/64", "dev", "c0", "nodad");
        mn.ip("addr", "add", "2001:db8:a::2/64", "dev", "m0", "nodad");
        ha.ip("link", "set", "h0", "up");
        ha.ip("link", "set", "i0", "up");
        home.ip("link", "set", "c0", "up");
        mn.ip("link", "set", "m0", "up");
        mn.ip("-6", "route", "add", "2001:db8:1::/64", "via", "2001:db8:a::1", "dev", "m0");
    }

    /** Starts the home agent in {@code ha} with h0 as its home link. */
    private HomeAgentService start(LabNamespace ha) throws Exception {
        HomeAgentConfiguration config = new HomeAgentConfiguration(HA, null, IpPrefix.parse("2001:db8:1::/64"), "h0",
                4191, 3600, keys, 7, "ha0", 1452, 10);
        return ha.inside(() -> HomeAgentService.start(LinuxPlatforms.create(), config, System::currentTimeMillis));
    }

    private static BindingAcknowledgement exchange(DatagramSocket client, InetSocketAddress to, ByteBuffer bu)
            throws Exception {
        client.send(datagram(bu, to));
        ByteBuffer answer = receive(client);
        // tunnelled data still queued (a correspondent's retry) comes before the answer
        while (answer != null && (answer.get(Ipv6Header.OFFSET_NEXT_HEADER) & 0xff) != 135) {
            answer = receive(client);
        }
        assertThat(answer).as("an answer from the home agent").isNotNull();
        return (BindingAcknowledgement) MobileNodeMessages.decode(answer, HOA);
    }

    private static DatagramPacket datagram(ByteBuffer packet, InetSocketAddress to) {
        byte[] bytes = Arrays.copyOfRange(packet.array(), packet.position(), packet.limit());
        return new DatagramPacket(bytes, bytes.length, to);
    }

    private static ByteBuffer receive(DatagramSocket socket) throws IOException {
        DatagramPacket p = receive(socket, 65535);
        return p == null ? null : ByteBuffer.wrap(p.getData(), 0, p.getLength()).slice();
    }

    private static DatagramPacket receive(DatagramSocket socket, int size) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[size], size);
        try {
            socket.receive(p);
            return p;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** An IPv6/UDP packet with a right checksum. */
    static ByteBuffer udp(Inet6Address source, Inet6Address destination, int sourcePort, int destinationPort,
            String text) {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        int udpLength = UdpHeader.LENGTH + data.length;
        ByteBuffer b = ByteBuffer.allocate(Ipv6Header.LENGTH + udpLength);
        Ipv6Header.encode(b, 0, 0, udpLength, 17, 64, source.getAddress(), destination.getAddress());
        UdpHeader.encode(b, sourcePort, destinationPort, udpLength);
        b.put(data);
        UdpHeader.fillChecksumV6(b, Ipv6Header.LENGTH, udpLength, source.getAddress(), destination.getAddress());
        return b.flip();
    }
}
