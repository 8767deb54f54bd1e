package io.anyhome.packet.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OffloadReaderTest {
    private final OffloadReader reader = OffloadReader.forTun();

    private static ByteBuffer read(ByteBuffer packet, int gsoType, int gsoSize) {
        ByteBuffer b = ByteBuffer.allocateDirect(VirtioNetHeader.LENGTH + packet.capacity());
        if (gsoType == VirtioNetHeader.GSO_NONE) {
            b.put(0, (byte) VirtioNetHeader.FLAG_NEEDS_CSUM);
            b.put(6, (byte) 40).put(8, (byte) 16);
        } else {
            VirtioNetHeader.writeTcpv6(b, 0, 72, gsoSize, 40);
            b.put(1, (byte) gsoType);
        }
        b.put(VirtioNetHeader.LENGTH, packet, 0, packet.capacity());
        return b;
    }

    @Test
    void givenAPlainReadWithAPartialChecksum_whenPrepared_thenTheCompletedPacketIsInPlace() throws Exception {
        ByteBuffer b = read(TcpSegmentationTest.superPacket(900, TcpSegmentationTest.ACK, 1), VirtioNetHeader.GSO_NONE, 0);

        assertThat(reader.prepare(b)).isEqualTo(OffloadReader.SINGLE);

        assertThat(b.position()).isEqualTo(VirtioNetHeader.LENGTH);
        assertThat(b.remaining()).isEqualTo(72 + 900);
        assertThat(TcpSegmentationTest.tcpChecksumValid(b, b.position(), b.remaining())).isTrue();
    }

    @Test
    void givenATcpv6SuperPacketWithEcn_whenPrepared_thenItsSegmentsAreReady() throws Exception {
        ByteBuffer b = read(TcpSegmentationTest.superPacket(30_000, TcpSegmentationTest.ACK, 2),
                VirtioNetHeader.GSO_TCPV6 | VirtioNetHeader.GSO_ECN, 1400);

        assertThat(reader.prepare(b)).isEqualTo(OffloadReader.SEGMENTS);

        assertThat(reader.segmentSize()).isEqualTo(1472);
        assertThat(reader.segments().remaining()).isEqualTo(22 * 72 + 30_000);
    }

    @Test
    void givenUdpSegmentation_whenPrepared_thenRefusedNamingTheType() {
        ByteBuffer b = read(TcpSegmentationTest.superPacket(3000, TcpSegmentationTest.ACK, 2), VirtioNetHeader.GSO_UDP_L4, 1000);

        assertThatThrownBy(() -> reader.prepare(b)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("segmentation type 5");
    }
}
