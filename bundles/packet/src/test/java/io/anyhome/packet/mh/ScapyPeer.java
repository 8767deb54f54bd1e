package io.anyhome.packet.mh;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the scapy peer script ({@code scapy/mh_peer.py}) once with a batch of JSON cases and
 * returns each case's {@code key=value} results. Without scapy the calling test fails when
 * {@code CI=true} and is skipped otherwise.
 */
final class ScapyPeer {
    private static final String PYTHON = "/usr/bin/python3";
    private static final int NO_SCAPY = 3;

    private ScapyPeer() {
    }

    static Map<String, Map<String, String>> run(List<String> jsonCases) throws Exception {
        Path script = script();
        Process process;
        try {
            process = new ProcessBuilder(PYTHON, script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            unavailable(PYTHON + " cannot be started: " + e.getMessage());
            return Map.of();
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(("[" + String.join(",\n", jsonCases) + "]")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("scapy peer did not finish");
        }
        if (process.exitValue() == NO_SCAPY) {
            unavailable("scapy is not installed for " + PYTHON);
        }
        if (process.exitValue() != 0) {
            fail("scapy peer exited with " + process.exitValue() + ":\n" + output);
        }
        Map<String, Map<String, String>> results = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
            results.put(parts[0], fields);
        }
        return results;
    }

    private static void unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (required when CI=true)");
        }
        Assumptions.abort(why);
    }

    private static Path script() throws URISyntaxException {
        Path p = Path.of(ScapyPeer.class.getResource("/scapy/mh_peer.py").toURI());
        if (!Files.isRegularFile(p)) {
            fail("missing " + p);
        }
        return p;
    }
}
