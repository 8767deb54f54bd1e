package io.anyhome.launcher;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.capture.CaptureReader;
import io.anyhome.packet.capture.CapturedPacket;
import io.anyhome.packet.describe.PacketDescriber;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code anyhome decode HEX... | --pcap FILE}: prints each packet as one JSON object a line, its
 * layers nested in order (schema in README.md). Runs without the framework: the packet codecs
 * and Gson come from {@code bundle/} on the class path.
 *
 * <p>Exit 0 when every packet decoded; 1 when any was malformed (each reported on stderr with
 * its offset and reason, the others still printed); 2 for usage errors.
 */
final class DecodeCommand {
    static final String USAGE = String.join("\n",
            "usage: anyhome decode HEX...",
            "       anyhome decode --pcap FILE",
            "",
            "Decodes IP packets to JSON, one object a line. HEX starts at the IP header (the",
            "version nibble picks IPv4 or IPv6); spaces, colons and a 0x prefix are ignored.",
            "--pcap reads pcap or pcapng (Ethernet, raw IP, Linux SLL and SLL2 link types).",
            "A malformed packet is reported with its offset and reason; the exit status is then 1.",
            "");
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private DecodeCommand() {
    }

    static int run(List<String> words, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(words, Set.of("--pcap"), Set.of("--help"), true);
        if (args.has("--help")) {
            out.print(USAGE);
            return 0;
        }
        if (args.has("--pcap") == !args.rest().isEmpty()) {
            throw new UsageException(args.has("--pcap") ? "give either HEX arguments or --pcap, not both"
                    : "nothing to decode: give HEX arguments or --pcap FILE");
        }
        return args.has("--pcap") ? pcap(Path.of(args.value("--pcap")), out, err)
                : hex(args.rest(), out, err);
    }

    private static int hex(List<String> packets, PrintStream out, PrintStream err)
            throws UsageException {
        int failed = 0;
        for (int i = 0; i < packets.size(); i++) {
            byte[] bytes = parseHex(packets.get(i), i + 1);
            try {
                out.println(JSON.toJson(PacketDescriber.describe(ByteBuffer.wrap(bytes))));
            } catch (MalformedPacketException e) {
                failed++;
                err.println("anyhome decode: packet " + (i + 1) + ": malformed at offset "
                        + e.offset() + ": " + e.reason());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static int pcap(Path file, PrintStream out, PrintStream err) {
        List<CapturedPacket> frames;
        try {
            frames = CaptureReader.read(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            err.println("anyhome decode: no such file: " + file);
            return 1;
        } catch (IOException e) {
            err.println("anyhome decode: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (MalformedPacketException e) {
            err.println("anyhome decode: " + file + ": malformed at file offset " + e.offset()
                    + ": " + e.reason());
            return 1;
        }
        int failed = 0;
        for (CapturedPacket frame : frames) {
            try {
                Map<String, Object> tree = PacketDescriber.describe(frame);
                out.println(JSON.toJson(tree));
            } catch (MalformedPacketException e) {
                failed++;
                err.println("anyhome decode: " + file + ": malformed at offset " + e.offset()
                        + " of the IP packet: " + e.reason());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** Hex digits with optional spaces, colons and a leading 0x; anything else is a usage error. */
    static byte[] parseHex(String text, int number) throws UsageException {
        String digits = text.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        digits = digits.replaceAll("[\\s:]", "");
        if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.matches("[0-9A-Fa-f]+")) {
            throw new UsageException("packet " + number + " is not an even number of hex digits");
        }
        return HexFormat.of().parseHex(digits);
    }
}
