package io.anyhome.itests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code anyhome decode} against packets scapy built (python3-scapy, the independent peer): a
 * BU and a BA, as hex arguments and in pcap and pcapng files, field for field; malformed input
 * is refused with its offset and exit status 1.
 */
class DecodeCommandIT {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path scratch;

    @Test
    void givenScapyBuAndBa_whenDecodedFromHex_thenEveryFieldIsScapys() throws Exception {
        List<String> hex = scapy(null);

        AnyhomeCommand.Result r = AnyhomeCommand.run(scratch, "decode", hex.get(0), hex.get(1));

        assertThat(r.exitStatus()).as(r.stderr()).isZero();
        List<JsonObject> packets = jsonLines(r.stdout());
        assertThat(packets).hasSize(2);
        assertBindingUpdate(packets.get(0));
        assertBindingAck(packets.get(1));
    }

    @Test
    void givenScapyCaptures_whenDecodedWithPcap_thenFramesCarryTheSamePackets() throws Exception {
        scapy(scratch);
        for (String file : new String[] {"mip6.pcap", "mip6.pcapng"}) {
            AnyhomeCommand.Result r = AnyhomeCommand.run(scratch, "decode", "--pcap",
                    scratch.resolve(file).toString());

            assertThat(r.exitStatus()).as(file + ": " + r.stderr()).isZero();
            List<JsonObject> frames = jsonLines(r.stdout());
            assertThat(frames).as(file).hasSize(2);
            assertThat(frames.get(0).get("frame").getAsInt()).isEqualTo(1);
            assertThat(frames.get(0).get("linkType").getAsInt()).isEqualTo(1);
            assertBindingUpdate(frames.get(0));
            assertBindingAck(frames.get(1));
        }
    }

    @Test
    void givenATruncatedBu_whenDecoded_thenTheOffsetAndReasonAreShownAndTheStatusIsOne()
            throws Exception {
        String bu = scapy(null).get(0);
        String truncated = bu.substring(0, bu.length() - 16);

        AnyhomeCommand.Result r = AnyhomeCommand.run(scratch, "decode", truncated);

        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(r.stderr()).containsPattern("packet 1: malformed at offset \\d+: \\S+");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void givenOneGoodAndOneBadPacket_whenDecoded_thenTheGoodOneIsStillPrinted() throws Exception {
        String bu = scapy(null).get(0);

        AnyhomeCommand.Result r = AnyhomeCommand.run(scratch, "decode", bu, "60000000");

        assertThat(r.exitStatus()).isEqualTo(1);
        assertThat(jsonLines(r.stdout())).hasSize(1);
        assertThat(r.stderr()).contains("packet 2: malformed at offset");
    }

    @Test
    void givenNoHexOrOddDigits_whenDecoded_thenItIsAUsageError() throws Exception {
        assertThat(AnyhomeCommand.run(scratch, "decode").exitStatus()).isEqualTo(2);
        AnyhomeCommand.Result odd = AnyhomeCommand.run(scratch, "decode", "600");
        assertThat(odd.exitStatus()).isEqualTo(2);
        assertThat(odd.stderr()).contains("not an even number of hex digits");
        assertThat(AnyhomeCommand.run(scratch, "decode", "--pcap",
                scratch.resolve("missing.pcap").toString()).exitStatus()).isEqualTo(1);
    }

    private static void assertBindingUpdate(JsonObject packet) {
        JsonObject ipv6 = packet.getAsJsonObject("ipv6");
        assertThat(ipv6.get("source").getAsString()).isEqualTo("2001:db8:2::100");
        assertThat(ipv6.get("destination").getAsString()).isEqualTo("2001:db8:1::1");
        JsonArray ext = ipv6.getAsJsonArray("extensionHeaders");
        assertThat(ext.toString()).contains("\"homeAddress\":\"2001:db8:1::100\"");
        JsonObject mh = ipv6.getAsJsonObject("mobility");
        assertThat(mh.get("type").getAsString()).isEqualTo("BU");
        assertThat(mh.get("checksumValid").getAsBoolean()).isTrue();
        assertThat(mh.get("sequence").getAsInt()).isEqualTo(4242);
        assertThat(strings(mh.getAsJsonArray("flags"))).containsExactly("A", "H", "R");
        assertThat(mh.get("lifetimeUnits").getAsInt()).isEqualTo(150);
        assertThat(mh.get("lifetimeSeconds").getAsInt()).isEqualTo(600);
        String options = mh.getAsJsonArray("options").toString();
        assertThat(options).contains("2001:db8:2::100", "2001:db8:100::", "56");
    }

    private static void assertBindingAck(JsonObject packet) {
        JsonObject ipv6 = packet.getAsJsonObject("ipv6");
        assertThat(ipv6.getAsJsonArray("extensionHeaders").toString())
                .contains("\"homeAddress\":\"2001:db8:1::100\"");
        JsonObject mh = ipv6.getAsJsonObject("mobility");
        assertThat(mh.get("type").getAsString()).isEqualTo("BA");
        assertThat(mh.get("checksumValid").getAsBoolean()).isTrue();
        assertThat(mh.get("status").getAsInt()).isEqualTo(135);
        assertThat(mh.get("accepted").getAsBoolean()).isFalse();
        assertThat(mh.get("sequence").getAsInt()).isEqualTo(4241);
        assertThat(mh.get("lifetimeUnits").getAsInt()).isZero();
        assertThat(mh.getAsJsonArray("options").toString()).contains("30");
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static List<JsonObject> jsonLines(String stdout) {
        List<JsonObject> out = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                JsonElement e = JsonParser.parseString(line);
                out.add(e.getAsJsonObject());
            }
        }
        return out;
    }

    /** Runs the scapy script; returns its hex lines and, given a directory, writes captures there. */
    private List<String> scapy(Path captures) throws Exception {
        if (!new File(PYTHON).canExecute() || !hasScapy()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("python3-scapy is not installed (required when CI=true: .ci/run installs it)");
            }
            assumeTrue(false, "python3-scapy not installed");
        }
        Path script = Path.of(getClass().getResource("/scapy_mip6.py").toURI());
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString()));
        if (captures != null) {
            cmd.add(captures.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("scapy script exit status").isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static boolean hasScapy() throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", "import scapy.layers.inet6")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
