package io.anyhome.platform.linux.internal;

import static io.anyhome.platform.linux.internal.SocketLab.A6;
import static io.anyhome.platform.linux.internal.SocketLab.B6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.PacketEndpoint;
import io.anyhome.api.platform.PacketOptions;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.packet.InternetChecksum;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.UpperLayerChecksum;
import io.anyhome.packet.offload.VirtioNetHeader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Test;

/**
 * Packet sockets: an IPv6 packet handed to {@code a0} for {@code b0}'s MAC address reaches the
 * other namespace's stack without routing or neighbour discovery, and a TCP super-packet sent in
 * one call with a virtio-net header arrives as the bytes that were sent: whole where the link takes
 * segmentation offload, cut into segments with valid checksums where it does not.
 */
class LinuxPacketEndpointLabTest {
    private static final int TCP = 6;
    private static final int TCP_HEADER = 20;
    private static final int SOURCE_PORT = 40000;
    private static final int DESTINATION_PORT = 5001;
    private static final int FIRST_SEQUENCE = 1_000_000;
    private static final int SEGMENT_SIZE = 1400;
    private static final byte[] PAYLOAD = payload(20_000);
    private static final long SIOCETHTOOL = 0x8946;
    private static final int ETHTOOL_STXCSUM = 0x17;
    private static final Pattern ETHER = Pattern.compile("link/ether ([0-9a-f:]{17})");

    @Test
    void givenAPlainPacketSocket_whenAnEchoRequestIsSentToThePeersMac_thenThePeerAnswersIt() throws Exception {
        try (SocketLab lab = SocketLab.create("pkt")) {
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxIcmpv6Endpoint replies = lab.a.inside(() -> sockets.openIcmpv6(
                    new Icmpv6Options(Set.of(Icmpv6Echo.ECHO_REPLY), null, null, 0)));
                    PacketEndpoint packets = lab.a.inside(() -> sockets.openPacket(new PacketOptions("a0", false)))) {
                assertThat(packets.interfaceName()).isEqualTo("a0");
                assertThat(packets.vnetHeader()).isFalse();
                byte[] data = "packet socket".getBytes(StandardCharsets.US_ASCII);
                ByteBuffer request = ByteBuffer.allocate(128);
                Icmpv6Echo.request(request, A6, B6, 0x4711, 9, data);
                request.flip();

                packets.send(request, mac(lab.b, "b0"));

                assertThat(request.hasRemaining()).isFalse();
                ByteBuffer in = ByteBuffer.allocate(1500);
                ReceiveMetadata meta = new ReceiveMetadata();
                assertThat(replies.receive(in, meta, 5000)).isEqualTo(8 + data.length);
                assertThat(meta.sourceAddress()).isEqualTo(B6);
                assertThat(in.getShort(4) & 0xffff).isEqualTo(0x4711);
                assertThat(in.getShort(6) & 0xffff).isEqualTo(9);
                assertThat(Arrays.copyOfRange(in.array(), 8, 8 + data.length)).isEqualTo(data);
            }
        }
    }

    @Test
    void givenAVnetHeaderSocket_whenATcpSuperPacketIsSentInOneCall_thenThePeerReceivesItWholeWithEveryPayloadByte()
            throws Exception {
        try (SocketLab lab = SocketLab.create("pktgso")) {
            // veth takes TCP segmentation offload: the super-packet crosses the pair unsegmented
            List<ByteBuffer> received = sendSuperPacket(lab);

            assertThat(received).hasSize(1);
            assertThat(received.get(0).remaining()).isEqualTo(TCP_HEADER + PAYLOAD.length);
            assertThat(payloadInOrder(received)).isEqualTo(PAYLOAD);
        }
    }

    @Test
    void givenAVnetHeaderSocketOnALinkWithoutChecksumOffload_whenATcpSuperPacketIsSent_thenTheKernelCutsItIntoSegmentsWithValidChecksums()
            throws Exception {
        try (SocketLab lab = SocketLab.create("pktseg")) {
            // without transmit checksumming the device has no TSO either: the kernel segments in
            // software, which finds the TCP header and the checksum field through the virtio-net header
            lab.a.inside(() -> {
                setTransmitChecksum("a0", false);
                return null;
            });

            List<ByteBuffer> received = sendSuperPacket(lab);

            assertThat(received).hasSize((PAYLOAD.length + SEGMENT_SIZE - 1) / SEGMENT_SIZE);
            for (ByteBuffer segment : received) {
                assertThat(segment.remaining()).isLessThanOrEqualTo(TCP_HEADER + SEGMENT_SIZE);
                assertThat(UpperLayerChecksum.ipv6(segment, 0, segment.remaining(), A6.getAddress(),
                        B6.getAddress(), TCP)).as("TCP checksum of the segment at sequence " + segment.getInt(4))
                        .isZero();
            }
            assertThat(payloadInOrder(received)).isEqualTo(PAYLOAD);
        }
    }

    /** Sends {@link #PAYLOAD} from a to b in one super-packet; returns the TCP packets b received. */
    private static List<ByteBuffer> sendSuperPacket(SocketLab lab) throws Exception {
        LinuxSockets sockets = new LinuxSockets();
        try (LinuxRawIpv6Endpoint tcp = lab.b.inside(() -> sockets.openRawIpv6(
                new RawIpv6Options(TCP, RawIpv6Options.CHECKSUM_OFF, null, "b0", 0)));
                PacketEndpoint packets = lab.a.inside(() -> sockets.openPacket(new PacketOptions("a0", true)))) {
            assertThat(packets.vnetHeader()).isTrue();
            ByteBuffer superPacket = superPacket(PAYLOAD, SEGMENT_SIZE);

            packets.send(superPacket, mac(lab.b, "b0"));

            assertThat(superPacket.hasRemaining()).isFalse();
            return receiveUntil(tcp, PAYLOAD.length);
        }
    }

    /** @return the payloads of the segments, by sequence number, after checking they follow each other */
    private static byte[] payloadInOrder(List<ByteBuffer> segments) {
        List<ByteBuffer> sorted = new ArrayList<>(segments);
        sorted.sort((x, y) -> Integer.compareUnsigned(x.getInt(4), y.getInt(4)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ByteBuffer s : sorted) {
            assertThat(s.getInt(4) - FIRST_SEQUENCE).as("sequence number").isEqualTo(bytes.size());
            int headerLength = ((s.get(12) & 0xf0) >>> 4) * 4;
            bytes.write(s.array(), headerLength, s.remaining() - headerLength);
        }
        return bytes.toByteArray();
    }

    /**
     * Turns transmit checksumming on or off ({@code SIOCETHTOOL} {@code ETHTOOL_STXCSUM}, what
     * {@code ethtool -K DEV tx off} does) in the calling thread's namespace.
     */
    private static void setTransmitChecksum(String device, boolean on) throws Exception {
        Native n = Native.get();
        Pointer value = n.allocate(8);
        value.putInt(0, ETHTOOL_STXCSUM);
        value.putInt(4, on ? 1 : 0);
        InterfaceRequest request = new InterfaceRequest(device);
        request.buffer().putLong(16, value.address());
        int socket = n.socket(Native.AF_INET6, Native.SOCK_DGRAM, 0);
        try {
            n.ioctl(socket, SIOCETHTOOL, request.buffer(), "SIOCETHTOOL ETHTOOL_STXCSUM " + device);
        } finally {
            n.close(socket);
        }
    }

    @Test
    void givenAnUnknownInterface_whenOpened_thenNotFoundNamingIt_andAPacketOverTheMtuIsRefused_andAfterCloseASendIsClosed() throws Exception {
        try (SocketLab lab = SocketLab.create("pktx")) {
            LinuxSockets sockets = new LinuxSockets();

            assertThatThrownBy(() -> lab.a.inside(() -> sockets.openPacket(new PacketOptions("nosuch0", false))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
                        assertThat(e.getMessage()).contains("nosuch0");
                    });

            PacketEndpoint packets = lab.a.inside(() -> sockets.openPacket(new PacketOptions("a0", false)));
            assertThat(packets.isOpen()).isTrue();
            ByteBuffer tooLong = ByteBuffer.allocate(2100);
            Icmpv6Echo.request(tooLong, A6, B6, 1, 1, new byte[2000]);
            assertThatThrownBy(() -> packets.send(tooLong.flip(), mac(lab.b, "b0")))
                    .as("a packet longer than the MTU of a0, 1500")
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Native.EMSGSIZE);
                        assertThat(e.getMessage()).contains("a0", "EMSGSIZE");
                    });
            assertThat(tooLong.position()).as("nothing was sent").isZero();
            packets.close();
            packets.close();
            assertThat(packets.isOpen()).isFalse();
            ByteBuffer request = ByteBuffer.allocate(128);
            Icmpv6Echo.request(request, A6, B6, 1, 1, new byte[8]);
            assertThatThrownBy(() -> packets.send(request.flip(), mac(lab.b, "b0")))
                    .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(Code.CLOSED));
        }
    }

    @Test
    void givenAThreadWithoutCapNetRaw_whenAPacketSocketIsOpened_thenPermissionDenied() throws Exception {
        LinuxSockets sockets = new LinuxSockets();
        FutureTask<Throwable> open = new FutureTask<>(() -> {
            dropEffectiveCapability(CapabilityProbe.CAP_NET_RAW);
            try {
                sockets.openPacket(new PacketOptions("lo", false)).close();
                return null;
            } catch (PlatformException e) {
                return e;
            }
        });
        // capabilities belong to the thread: only this one loses CAP_NET_RAW
        Thread unprivileged = new Thread(open, "without-cap-net-raw");
        unprivileged.start();

        Throwable thrown = open.get(30, TimeUnit.SECONDS);

        assertThat(thrown).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.PERMISSION_DENIED);
            assertThat(e.getMessage()).contains("packet socket on lo");
        });
    }

    /** The thread calls of {@code capget(2)} and {@code capset(2)}. */
    public interface Capabilities {
        int capget(Pointer header, Pointer data);

        int capset(Pointer header, Pointer data);
    }

    /** Clears one capability from the calling thread's effective set ({@code _LINUX_CAPABILITY_VERSION_3}). */
    private static void dropEffectiveCapability(int capability) throws Exception {
        Capabilities c = LibraryLoader.create(Capabilities.class).load("c");
        Native n = Native.get();
        Pointer header = n.allocate(8);
        header.putInt(0, 0x20080522);
        Pointer data = n.allocate(24);
        assertThat(c.capget(header, data)).as("capget").isZero();
        data.putInt(0, data.getInt(0) & ~(1 << capability));
        assertThat(c.capset(header, data)).as("capset").isZero();
    }

    /**
     * IPv6 + TCP header + payload behind a virtio-net header asking for TCPv6 segmentation, the
     * checksum field holding the pseudo-header sum as a TUN device hands it over.
     */
    private static ByteBuffer superPacket(byte[] payload, int segmentSize) {
        int tcpLength = TCP_HEADER + payload.length;
        ByteBuffer b = ByteBuffer.allocateDirect(VirtioNetHeader.LENGTH + Ipv6Header.LENGTH + tcpLength);
        VirtioNetHeader.writeTcpv6(b, 0, Ipv6Header.LENGTH + TCP_HEADER, segmentSize, Ipv6Header.LENGTH);
        b.position(VirtioNetHeader.LENGTH);
        Ipv6Header.encode(b, 0, 0, tcpLength, TCP, 64, A6.getAddress(), B6.getAddress());
        b.putShort((short) SOURCE_PORT).putShort((short) DESTINATION_PORT).putInt(FIRST_SEQUENCE).putInt(0)
                .put((byte) (5 << 4)).put((byte) 0x18).putShort((short) 65535);
        long pseudo = InternetChecksum.pseudoHeaderV6(A6.getAddress(), B6.getAddress(), tcpLength, TCP);
        while ((pseudo >> 16) != 0) {
            pseudo = (pseudo & 0xffff) + (pseudo >> 16);
        }
        b.putShort((short) pseudo).putShort((short) 0).put(payload);
        return b.flip();
    }

    private static byte[] payload(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (i * 7 + i / 251);
        }
        return payload;
    }

    /** Receives this test's TCP packets until their payloads add up to {@code total} bytes. */
    private static List<ByteBuffer> receiveUntil(LinuxRawIpv6Endpoint tcp, int total) throws PlatformException {
        List<ByteBuffer> segments = new ArrayList<>();
        ReceiveMetadata meta = new ReceiveMetadata();
        int bytes = 0;
        while (bytes < total) {
            ByteBuffer in = ByteBuffer.allocate(65536);
            int got = tcp.receive(in, meta, 5000);
            assertThat(got).as("a TCP packet after " + bytes + " of " + total + " bytes").isPositive();
            in.flip();
            if ((in.getShort(0) & 0xffff) != SOURCE_PORT || (in.getShort(2) & 0xffff) != DESTINATION_PORT) {
                continue;
            }
            segments.add(in);
            bytes += in.remaining() - ((in.get(12) & 0xf0) >>> 4) * 4;
        }
        return segments;
    }

    private static byte[] mac(LabNamespace ns, String device) {
        Matcher m = ETHER.matcher(ns.ip("link", "show", device));
        assertThat(m.find()).as("MAC address of " + device).isTrue();
        return HexFormat.ofDelimiter(":").parseHex(m.group(1));
    }
}
