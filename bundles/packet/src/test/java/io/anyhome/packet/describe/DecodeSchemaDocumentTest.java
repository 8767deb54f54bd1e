package io.anyhome.packet.describe;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.GoldenVectors;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.capture.CaptureReader;
import io.anyhome.packet.capture.CapturedPacket;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.BindingRefreshAdvice;
import io.anyhome.packet.mh.BindingRefreshRequest;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.HomeTest;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.NatDetection;
import io.anyhome.packet.mh.NonceIndices;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's decode schema section matches what the describer prints. */
class DecodeSchemaDocumentTest {
    private static final String START = "<!-- decode-schema:start -->";
    private static final String END = "<!-- decode-schema:end -->";

    private static String document() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        if (from < 0 || to < from) {
            throw new IllegalStateException("README.md lacks the " + START + " ... " + END + " section");
        }
        return readme.substring(from + START.length(), to);
    }

    private static List<String> jsonBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static void collectKeys(Object node, TreeSet<String> keys) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                keys.add((String) e.getKey());
                collectKeys(e.getValue(), keys);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectKeys(v, keys));
        }
    }

    @Test
    void givenTheSchemaDocument_whenItsExamplesAreCompared_thenTheyAreTheDescribersOutput()
            throws IOException, MalformedPacketException {
        List<String> blocks = jsonBlocks(document());

        assertThat(blocks).containsExactly(
                JsonText.print(PacketDescriber.describe(
                        TestPackets.withHomeAddress(PacketDescriberTest.richBindingUpdate()))),
                JsonText.print(PacketDescriber.describe(TestPackets.capturedPackets().get(1))));
    }

    @Test
    void givenPacketsOfEveryKind_whenDescribed_thenEveryKeyTheyUseIsDocumented()
            throws IOException, MalformedPacketException {
        List<MobilityMessage> messages = List.of(
                new BindingRefreshRequest(List.of(new NonceIndices(1, 2))),
                new HomeTest(1, 2, 3, List.of()),
                new BindingError(1, TestPackets.HOME, List.of(new BindingRefreshAdvice(3))),
                new BindingUpdate(1, 0, 0, List.of(new NatDetection(true, 20))));
        TreeSet<String> keys = new TreeSet<>();
        for (MobilityMessage message : messages) {
            collectKeys(PacketDescriber.describe(TestPackets.plain(message)), keys);
        }
        for (String golden : List.of("ra-all-options.hex", "na-unsolicited.hex", "udp6-rh2.hex",
                "udp4.hex")) {
            collectKeys(PacketDescriber.describe(GoldenVectors.load(golden)), keys);
        }
        collectKeys(PacketDescriber.describe(TestPackets.udp4Tunnel(
                TestPackets.plain(PacketDescriberTest.richBindingUpdate()))), keys);
        List<CapturedPacket> frames = CaptureReader.read(
                ByteBuffer.wrap(TestPackets.resource("/capture/sll2.pcap")));
        for (CapturedPacket frame : frames) {
            collectKeys(PacketDescriber.describe(frame), keys);
        }
        String document = document();

        assertThat(keys).hasSizeGreaterThan(60)
                .allSatisfy(key -> assertThat(document).contains("`" + key + "`"));
    }
}
