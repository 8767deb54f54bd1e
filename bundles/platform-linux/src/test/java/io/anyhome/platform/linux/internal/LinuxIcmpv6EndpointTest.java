package io.anyhome.platform.linux.internal;

import static io.anyhome.platform.linux.internal.SocketLab.B6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.ReceiveMetadata;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ICMPv6 endpoints: type filter, Router Advertisements from radvd, a Router Solicitation answered,
 * multicast not looped back to the sender's own stack.
 */
class LinuxIcmpv6EndpointTest {
    private static final int RS = 133;
    private static final int RA = 134;
    private static final int NA = 136;
    private static final int ECHO_REQUEST = 128;
    private static final InetAddress ALL_ROUTERS = SocketLab.address("ff02::2");
    private static final InetAddress ALL_NODES = SocketLab.address("ff02::1");

    @TempDir
    Path dir;

    @Test
    void givenATypeFilter_whenAnEchoRequestArrives_thenOnlyTheUnfilteredSocketSeesIt() throws Exception {
        try (SocketLab lab = SocketLab.create("icmpf")) {
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxIcmpv6Endpoint all = lab.b.inside(() -> sockets.openIcmpv6(new Icmpv6Options(Set.of(), null, null, 0)));
                    LinuxIcmpv6Endpoint raOnly = lab.b.inside(() -> sockets.openIcmpv6(new Icmpv6Options(Set.of(RA), null, null, 0)));
                    LinuxIcmpv6Endpoint sender = lab.a.inside(() -> sockets.openIcmpv6(new Icmpv6Options(Set.of(), null, null, 0)))) {
                byte[] echo = {(byte) ECHO_REQUEST, 0, 0, 0, 0x12, 0x34, 0, 1, 'a', 'n', 'y'};

                sender.send(ByteBuffer.wrap(echo), B6, 0, 64);

                ByteBuffer in = ByteBuffer.allocate(1500);
                ReceiveMetadata meta = new ReceiveMetadata();
                // the unfiltered socket also sees the node's own Neighbour Discovery and MLD
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                        .until(() -> all.tryReceive(in.clear(), meta) > 0 && (in.get(0) & 0xff) == ECHO_REQUEST);
                assertThat(in.position()).isEqualTo(echo.length);
                assertThat(in.getShort(2)).as("checksum filled in by the kernel").isNotZero();
                assertThat(meta.hopLimit()).isEqualTo(64);
                assertThat(meta.interfaceIndex()).isEqualTo(SocketLab.index(lab.b, "b0"));
                // raw sockets get their copies in one pass: had the filter let it through, it would be waiting
                assertThat(raOnly.tryReceive(ByteBuffer.allocate(1500), meta)).isEqualTo(-1);
            }
        }
    }

    @Test
    void givenRadvdOnThePeer_whenListeningForRouterAdvertisements_thenOneArrivesWithHopLimit255AndTheInterface()
            throws Exception {
        try (SocketLab lab = SocketLab.create("icmpra")) {
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxIcmpv6Endpoint ra = lab.b.inside(() -> sockets.openIcmpv6(new Icmpv6Options(Set.of(RA), null, null, 0)))) {
                Process radvd = startRadvd(lab.a, "a0");
                try {
                    ByteBuffer in = ByteBuffer.allocate(1500);
                    ReceiveMetadata meta = new ReceiveMetadata();
                    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                            .until(() -> ra.tryReceive(in.clear(), meta) > 0);

                    assertThat(in.get(0) & 0xff).isEqualTo(RA);
                    assertThat(meta.hopLimit()).isEqualTo(255);
                    assertThat(meta.interfaceIndex()).isEqualTo(SocketLab.index(lab.b, "b0"));
                    assertThat(meta.sourceAddress().isLinkLocalAddress()).isTrue();
                    assertThat(meta.destinationAddress()).isEqualTo(ALL_NODES);
                    assertThat(containsPrefix(in, SocketLab.address("2001:db8:10::").getAddress())).isTrue();
                } finally {
                    stop(radvd);
                }
            }
        }
    }

    @Test
    void givenRadvdOnThePeer_whenARouterSolicitationIsSent_thenAnAdvertisementComesBackToTheSolicitor() throws Exception {
        try (SocketLab lab = SocketLab.create("icmprs")) {
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxIcmpv6Endpoint host = lab.b.inside(() -> sockets.openIcmpv6(new Icmpv6Options(Set.of(RA), null, null, 0)));
                    LinuxIcmpv6Endpoint router = lab.a.inside(() -> sockets.openIcmpv6(new Icmpv6Options(Set.of(RS), null, null, 0)))) {
                int a0 = SocketLab.index(lab.a, "a0");
                int b0 = SocketLab.index(lab.b, "b0");
                // a router joins all-routers; this one listens beside radvd to see the solicitation too
                router.joinGroup(ALL_ROUTERS, a0);
                Process radvd = startRadvd(lab.a, "a0");
                try {
                    ByteBuffer in = ByteBuffer.allocate(1500);
                    ReceiveMetadata meta = new ReceiveMetadata();
                    // radvd is listening once it advertises
                    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                            .until(() -> host.tryReceive(in.clear(), meta) > 0);
                    ByteBuffer rs = ByteBuffer.allocateDirect(8);
                    rs.put(0, (byte) RS);

                    host.send(rs, ALL_ROUTERS, b0, 255);

                    assertThat(router.receive(in.clear(), meta, 5000)).isEqualTo(8);
                    assertThat(in.get(0) & 0xff).isEqualTo(RS);
                    assertThat(meta.hopLimit()).isEqualTo(255);
                    assertThat(meta.interfaceIndex()).isEqualTo(a0);
                    assertThat(meta.destinationAddress()).isEqualTo(ALL_ROUTERS);
                    InetAddress solicitor = meta.sourceAddress();

                    // radvd answers a solicitation by unicast to the solicitor (AdvRASolicitedUnicast);
                    // its periodic advertisements go to all-nodes
                    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                            .until(() -> host.tryReceive(in.clear(), meta) > 0
                                    && meta.destinationAddress().equals(solicitor));
                    assertThat(in.get(0) & 0xff).isEqualTo(RA);
                    assertThat(meta.hopLimit()).isEqualTo(255);
                    assertThat(meta.interfaceIndex()).isEqualTo(b0);
                } finally {
                    stop(radvd);
                }
            }
        }
    }

    @Test
    void givenANeighbourEntry_whenTheNodeAdvertisesThatAddressWithItsOwnLinkLayerAddressToAllNodes_thenItsOwnEntryStays()
            throws Exception {
        try (SocketLab lab = SocketLab.create("icmpna")) {
            LinuxSockets sockets = new LinuxSockets();
            String proxied = "2001:db8:1::10";
            String peerMac = mac(lab.b, "b0");
            String ownMac = mac(lab.a, "a0");
            // the node reached the address at the peer before (a home agent that saw the mobile node at home)
            lab.a.ip("-6", "neigh", "replace", proxied, "lladdr", peerMac, "dev", "a0", "nud", "stale");
            try (LinuxIcmpv6Endpoint advertiser = lab.a.inside(() -> sockets.openIcmpv6(new Icmpv6Options(Set.of(), null, "a0", 0)));
                    LinuxIcmpv6Endpoint peer = lab.b.inside(() -> sockets.openIcmpv6(new Icmpv6Options(Set.of(NA), null, null, 0)))) {
                ByteBuffer na = ByteBuffer.allocate(32);
                na.put((byte) NA).put((byte) 0).putShort((short) 0).put((byte) 0x20).put(new byte[3]); // override
                na.put(SocketLab.address(proxied).getAddress());
                na.put((byte) 2).put((byte) 1).put(HexFormat.ofDelimiter(":").parseHex(ownMac)); // target link-layer address
                na.flip();

                advertiser.send(na, ALL_NODES, SocketLab.index(lab.a, "a0"), 255);

                ByteBuffer in = ByteBuffer.allocate(1500);
                ReceiveMetadata meta = new ReceiveMetadata();
                assertThat(peer.receive(in, meta, 5000)).as("the advertisement left for the link").isEqualTo(32);
                // not looped back: the node's own stack would take its own address for the proxied one
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> lab.a.ip("-6", "neigh", "show", proxied, "dev", "a0").contains(peerMac));
            }
        }
    }

    private static String mac(LabNamespace ns, String device) {
        return ns.ip("link", "show", "dev", device).replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
    }

    private Process startRadvd(LabNamespace ns, String device) throws Exception {
        Path conf = dir.resolve("radvd-" + ns.name() + ".conf");
        Path pid = dir.resolve("radvd-" + ns.name() + ".pid");
        Files.writeString(conf, """
                interface %s {
                    AdvSendAdvert on;
                    AdvHomeAgentFlag on;
                    MinRtrAdvInterval 0.5;
                    MaxRtrAdvInterval 1.0;
                    prefix 2001:db8:10::/64 {
                    };
                };
                """.formatted(device), StandardCharsets.US_ASCII);
        return ns.start("radvd", "-n", "-m", "stderr", "-C", conf.toString(), "-p", pid.toString());
    }

    private static void stop(Process radvd) throws InterruptedException {
        radvd.destroy();
        if (!radvd.waitFor(5, TimeUnit.SECONDS)) {
            radvd.destroyForcibly();
        }
    }

    /** True if a Prefix Information option (type 3) of the RA in {@code ra} (0..position) carries the prefix. */
    private static boolean containsPrefix(ByteBuffer ra, byte[] prefix) {
        int end = ra.position();
        int at = 16;
        while (at + 2 <= end && ra.get(at + 1) != 0) {
            int length = (ra.get(at + 1) & 0xff) * 8;
            if (ra.get(at) == 3 && at + 32 <= end) {
                boolean same = true;
                for (int i = 0; i < 16; i++) {
                    same &= ra.get(at + 16 + i) == prefix[i];
                }
                if (same) {
                    return true;
                }
            }
            at += length;
        }
        return false;
    }
}
