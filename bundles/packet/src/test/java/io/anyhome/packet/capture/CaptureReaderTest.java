package io.anyhome.packet.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.packet.MalformedPacketException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The capture files under test/resources/capture were written by scapy (wrpcap / wrpcapng) and
 * read back by tshark; packets.hex holds the IP packets they carry.
 */
class CaptureReaderTest {
    private static final String[] FILES = {"ethernet.pcap", "raw.pcap", "sll.pcap", "sll2.pcap",
        "ethernet.pcapng"};

    @ParameterizedTest
    @ValueSource(strings = {"ethernet.pcap", "raw.pcap", "sll.pcap", "sll2.pcap", "ethernet.pcapng"})
    void givenACaptureFromAnotherTool_whenRead_thenEveryIpPacketComesOutByteForByte(String name)
            throws Exception {
        List<CapturedPacket> frames = CaptureReader.read(ByteBuffer.wrap(resource(name)));

        List<String> expected = new String(resource("packets.hex"), StandardCharsets.US_ASCII)
                .lines().toList();
        assertThat(frames).hasSize(expected.size());
        for (int i = 0; i < frames.size(); i++) {
            CapturedPacket f = frames.get(i);
            assertThat(f.number()).isEqualTo(i + 1);
            assertThat(f.note()).isEmpty();
            ByteBuffer ip = f.ip().orElseThrow();
            byte[] bytes = new byte[ip.remaining()];
            ip.get(bytes);
            assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected.get(i));
        }
        assertThat(frames.get(1).timestampNanos()).isGreaterThanOrEqualTo(frames.get(0).timestampNanos());
        assertThat(frames.get(0).timestampNanos()).isGreaterThan(1_000_000_000L * 1_600_000_000L);
    }

    @org.junit.jupiter.api.Test
    void givenATruncatedRecord_whenRead_thenTheErrorNamesTheOffsetOfItsLength() throws Exception {
        byte[] file = resource("ethernet.pcap");
        byte[] cut = java.util.Arrays.copyOf(file, file.length - 5);

        assertThatThrownBy(() -> CaptureReader.read(ByteBuffer.wrap(cut)))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("exceeds the file")
                .satisfies(e -> assertThat(((MalformedPacketException) e).offset()).isGreaterThan(24));
    }

    @org.junit.jupiter.api.Test
    void givenSomethingElse_whenRead_thenItIsRefusedAsNotACapture() {
        assertThatThrownBy(() -> CaptureReader.read(ByteBuffer.wrap("GIF89a....".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("not a pcap or pcapng file");
    }

    @org.junit.jupiter.api.Test
    void givenAnArpFrame_whenRead_thenItIsListedWithoutAnIpPacketAndSaysWhy() throws Exception {
        byte[] file = resource("ethernet.pcap");
        // first record's ethertype sits at 24 (global) + 16 (record) + 12
        file[24 + 16 + 12] = 0x08;
        file[24 + 16 + 13] = 0x06;
        CapturedPacket first = CaptureReader.read(ByteBuffer.wrap(file)).get(0);
        assertThat(first.ip()).isEmpty();
        assertThat(first.note()).contains("0x0806");
    }

    @Property(tries = 300)
    void mutatedCapturesNeverRaiseAnythingButMalformedPacket(@ForAll("mutations") byte[] file) {
        try {
            CaptureReader.read(ByteBuffer.wrap(file));
        } catch (MalformedPacketException expected) {
            assertThat(expected.reason()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void randomBytesNeverRaiseAnythingButMalformedPacket(@ForAll @Size(max = 200) byte[] file) {
        try {
            CaptureReader.read(ByteBuffer.wrap(file));
        } catch (MalformedPacketException expected) {
            assertThat(expected.offset()).isBetween(0, Math.max(0, file.length));
        }
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        return Arbitraries.of(FILES).flatMap(name -> {
            byte[] original = resource(name);
            Arbitrary<Integer> index = Arbitraries.integers().between(0, original.length - 1);
            Arbitrary<Byte> value = Arbitraries.bytes();
            Arbitrary<byte[]> flipped = index.list().ofMaxSize(4).flatMap(idx -> value.list()
                    .ofSize(idx.size()).map(vals -> {
                        byte[] copy = original.clone();
                        for (int i = 0; i < idx.size(); i++) {
                            copy[idx.get(i)] = vals.get(i);
                        }
                        return copy;
                    }));
            Arbitrary<byte[]> truncated = index.map(n -> java.util.Arrays.copyOf(original, n));
            return Arbitraries.oneOf(flipped, truncated);
        });
    }

    private static byte[] resource(String name) {
        try (InputStream in = CaptureReaderTest.class.getResourceAsStream("/capture/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource capture/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
