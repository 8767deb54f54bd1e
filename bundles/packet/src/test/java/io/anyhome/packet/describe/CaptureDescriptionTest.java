package io.anyhome.packet.describe;

import static io.anyhome.packet.describe.PacketDescriberTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.capture.CaptureReader;
import io.anyhome.packet.capture.CapturedPacket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptureDescriptionTest {
    private static List<CapturedPacket> read(String name) throws MalformedPacketException {
        return CaptureReader.read(ByteBuffer.wrap(TestPackets.resource("/capture/" + name)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ethernet.pcap, 1", "ethernet.pcapng, 1", "raw.pcap, 101", "sll.pcap, 113",
        "sll2.pcap, 276"})
    void givenACapture_whenEachFrameIsDescribed_thenFrameFieldsPrecedeTheSameIpLayersAsFromHex(
            String file, int linkType) throws MalformedPacketException {
        List<CapturedPacket> frames = read(file);
        List<ByteBuffer> packets = TestPackets.capturedPackets();

        for (int i = 0; i < frames.size(); i++) {
            CapturedPacket frame = frames.get(i);
            Map<String, Object> tree = PacketDescriber.describe(frame);

            assertThat(List.copyOf(tree.keySet()).subList(0, 5))
                    .containsExactly("frame", "timestamp", "timestampNanos", "linkType", "length");
            assertThat(tree.get("frame")).isEqualTo(i + 1);
            assertThat(tree.get("linkType")).isEqualTo(linkType);
            assertThat(tree.get("timestampNanos")).isEqualTo(frame.timestampNanos());
            assertThat(tree.get("timestamp")).isEqualTo(frame.timestampNanos() / 1_000_000L);
            assertThat(tree.get("length")).isEqualTo(frame.frame().length);
            Map<String, Object> fromHex = PacketDescriber.describe(packets.get(i));
            String layer = i < 2 ? "ipv6" : "ipv4";
            assertThat(tree.get(layer)).isEqualTo(fromHex.get(layer));
        }
        assertThat(at(PacketDescriber.describe(frames.get(0)), "ipv6", "mobility", "sequence"))
                .isEqualTo(7);
    }

    @Test
    void givenAFrameWithoutIp_whenDescribed_thenItIsSkippedWithTheReason()
            throws MalformedPacketException {
        byte[] file = TestPackets.resource("/capture/ethernet.pcap");
        file[24 + 16 + 12] = 0x08;
        file[24 + 16 + 13] = 0x06;
        CapturedPacket arp = CaptureReader.read(ByteBuffer.wrap(file)).get(0);

        Map<String, Object> tree = PacketDescriber.describe(arp);

        assertThat(tree.get("skipped")).isEqualTo("ethertype 0x0806 is not IP");
        assertThat(tree).doesNotContainKeys("ipv6", "ipv4");
    }

    @Test
    void givenAFrameWithAMalformedPacket_whenDescribed_thenTheReasonNamesTheFrame()
            throws MalformedPacketException {
        byte[] file = TestPackets.resource("/capture/raw.pcap");
        List<CapturedPacket> frames = CaptureReader.read(ByteBuffer.wrap(file));
        CapturedPacket second = frames.get(1);
        byte[] bytes = second.frame().clone();
        bytes[second.ipOffset() + 40 + 24] = 6;
        CapturedPacket broken = new CapturedPacket(2, second.timestampNanos(), second.linkType(),
                bytes, second.ipOffset(), "");

        assertThatThrownBy(() -> PacketDescriber.describe(broken))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).startsWith("frame 2: Payload Proto 6");
                    assertThat(e.offset()).isEqualTo(40 + 24);
                });
    }
}
