package io.anyhome.platform.linux.internal;

import static io.anyhome.platform.linux.internal.SocketLab.A6;
import static io.anyhome.platform.linux.internal.SocketLab.B6;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw IPv6 endpoints: Mobility Header packets between two namespaces. */
class LinuxRawIpv6EndpointTest {
    private static final MobilityMessage BU = new BindingUpdate(4711, BindingUpdate.FLAG_A | BindingUpdate.FLAG_H, 100,
            List.of());

    @Test
    void givenAnMhSocketWithChecksumOff_whenAPacketBuiltByHandIsSentOverIpprotoRaw_thenItArrivesIntactWithInterfaceAndHopLimit()
            throws Exception {
        try (SocketLab lab = SocketLab.create("rawmh")) {
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxRawIpv6Endpoint mh = lab.b.inside(() -> sockets.openRawIpv6(
                    new RawIpv6Options(135, RawIpv6Options.CHECKSUM_OFF, null, null, 0)));
                    LinuxRawIpv6Endpoint raw = lab.a.inside(() -> sockets.openRawIpv6(
                            new RawIpv6Options(RawIpv6Options.HEADER_INCLUDED, RawIpv6Options.CHECKSUM_OFF, null, null, 0)))) {
                ByteBuffer body = ByteBuffer.allocate(256);
                // A checksum over another source (a home address) than the packet's: the kernel must not touch or judge it.
                int mhLength = MobilityHeader.encode(BU, body, (Inet6Address) SocketLab.address("2001:db8:77::1"),
                        (Inet6Address) B6);
                byte[] expected = Arrays.copyOf(body.array(), mhLength);
                ByteBuffer packet = ByteBuffer.allocate(Ipv6Header.LENGTH + mhLength);
                Ipv6Header.encode(packet, 0, 0, mhLength, MobilityHeader.NEXT_HEADER, 64, A6.getAddress(), B6.getAddress());
                packet.put(expected).flip();

                raw.send(packet, B6);

                assertThat(packet.hasRemaining()).isFalse();
                ByteBuffer in = ByteBuffer.allocate(2048);
                ReceiveMetadata meta = new ReceiveMetadata();
                assertThat(mh.receive(in, meta, 5000)).isEqualTo(mhLength);
                assertThat(Arrays.copyOf(in.array(), in.position())).isEqualTo(expected);
                assertThat(meta.sourceAddress()).isEqualTo(A6);
                assertThat(meta.destinationAddress()).isEqualTo(B6);
                assertThat(meta.interfaceIndex()).isEqualTo(SocketLab.index(lab.b, "b0"));
                assertThat(meta.hopLimit()).isEqualTo(64);
                assertThat(meta.sourcePort()).isZero();
                assertThat(MobilityHeader.decode(in.flip())).isEqualTo(BU);
            }
        }
    }

    @Test
    void givenAnMhSocketWithChecksumOffset4_whenAMessageWithAZeroChecksumIsSent_thenTheKernelFillsInAValidOne()
            throws Exception {
        try (SocketLab lab = SocketLab.create("rawsum")) {
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxRawIpv6Endpoint receiver = lab.b.inside(() -> sockets.openRawIpv6(
                    new RawIpv6Options(135, RawIpv6Options.CHECKSUM_OFF, B6, "b0", 0)));
                    LinuxRawIpv6Endpoint sender = lab.a.inside(() -> sockets.openRawIpv6(
                            new RawIpv6Options(135, 4, A6, null, 0x42)))) {
                assertThat(sender.nextHeader()).isEqualTo(135);
                ByteBuffer out = ByteBuffer.allocateDirect(256);
                MobilityHeader.encodeWithoutChecksum(BU, out);
                out.flip();

                sender.send(out, B6);

                ByteBuffer in = ByteBuffer.allocate(2048);
                ReceiveMetadata meta = new ReceiveMetadata();
                assertThat(receiver.receive(in, meta, 5000)).isEqualTo(out.limit());
                in.flip();
                assertThat(in.getShort(MobilityHeader.OFFSET_CHECKSUM)).isNotZero();
                assertThat(MobilityHeader.checksumValid(in, 0, (Inet6Address) A6, (Inet6Address) B6)).isTrue();
            }
        }
    }
}
