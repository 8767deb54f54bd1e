package io.anyhome.platform.linux.internal;

import static io.anyhome.platform.linux.internal.SocketLab.A6;
import static io.anyhome.platform.linux.internal.SocketLab.B6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.UdpOptions;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Interface counters read with rtnetlink in two namespaces joined by a veth pair. */
class LinkStatisticsLabTest {
    private static final int PORT = 4191;
    private static final int DATAGRAMS = 50;
    private static final int PAYLOAD = 1000;
    /** Ethernet + IPv6 + UDP headers below each datagram's payload. */
    private static final int HEADERS = 14 + 40 + 8;

    private final RtnetlinkPlatformOps ops = new RtnetlinkPlatformOps();

    @Test
    void givenAVeth_whenDatagramsCrossIt_thenTheSenderCountsThemSentAndTheReceiverReceived() throws Exception {
        try (SocketLab lab = SocketLab.create("stats")) {
            LinuxSockets sockets = new LinuxSockets();
            int a0 = SocketLab.index(lab.a, "a0");
            int b0 = SocketLab.index(lab.b, "b0");
            LinkStatistics aBefore = lab.a.inside(() -> ops.linkStatistics(a0));
            LinkStatistics bBefore = lab.b.inside(() -> ops.linkStatistics(b0));

            try (LinuxUdpEndpoint receiver = lab.b.inside(() -> sockets.openUdp(new UdpOptions(B6, PORT, null, false)));
                    LinuxUdpEndpoint sender = lab.a.inside(() -> sockets.openUdp(new UdpOptions(A6, 0, null, false)))) {
                ByteBuffer in = ByteBuffer.allocate(2048);
                ReceiveMetadata meta = new ReceiveMetadata();
                for (int i = 0; i < DATAGRAMS; i++) {
                    sender.send(ByteBuffer.allocate(PAYLOAD), new InetSocketAddress(B6, PORT));
                    in.clear();
                    assertThat(receiver.receive(in, meta, 5000)).isEqualTo(PAYLOAD);
                }
            }
            LinkStatistics aAfter = lab.a.inside(() -> ops.linkStatistics(a0));
            LinkStatistics bAfter = lab.b.inside(() -> ops.linkStatistics(b0));

            long wire = (long) DATAGRAMS * (PAYLOAD + HEADERS);
            assertThat(aAfter.txPackets() - aBefore.txPackets()).isGreaterThanOrEqualTo(DATAGRAMS);
            assertThat(aAfter.txBytes() - aBefore.txBytes()).isGreaterThanOrEqualTo(wire);
            assertThat(bAfter.rxPackets() - bBefore.rxPackets()).isGreaterThanOrEqualTo(DATAGRAMS);
            assertThat(bAfter.rxBytes() - bBefore.rxBytes()).isGreaterThanOrEqualTo(wire);
            // what a0 sent is what b0 received, counted by the kernel on each side
            assertThat(bAfter.rxBytes() - bBefore.rxBytes()).isLessThan(wire + 10_000);
        }
    }

    @Test
    void givenAnIndexWithoutInterface_whenItsCountersAreRead_thenNotFoundWithEnodev() throws Exception {
        try (LabNamespace ns = LabNamespace.create("statsno")) {
            assertThatThrownBy(() -> ns.inside(() -> ops.linkStatistics(9999)))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
                        assertThat(e.errno()).isEqualTo(Native.ENODEV);
                        assertThat(e.getMessage()).contains("#9999");
                    });
        }
    }
}
