package io.anyhome.homeagent.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the scapy mobile node ({@code scapy/ha_peer.py}) with one JSON request and returns its
 * {@code key=value} lines. Without scapy the calling test fails when {@code CI=true} and is
 * skipped otherwise.
 */
final class ScapyMobileNode {
    private static final String PYTHON = "/usr/bin/python3";
    private static final int NO_SCAPY = 3;

    private ScapyMobileNode() {
    }

    static Map<String, String> run(String json) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(PYTHON, script().toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            unavailable(PYTHON + " cannot be started: " + e.getMessage());
            return Map.of();
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(json.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the scapy mobile node did not finish");
        }
        if (process.exitValue() == NO_SCAPY) {
            unavailable("scapy is not installed for " + PYTHON);
        }
        if (process.exitValue() != 0) {
            fail("the scapy mobile node exited with " + process.exitValue() + ":\n" + output);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return fields;
    }

    private static void unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (required when CI=true)");
        }
        Assumptions.abort(why);
    }

    private static Path script() throws URISyntaxException {
        return Path.of(ScapyMobileNode.class.getResource("/scapy/ha_peer.py").toURI());
    }
}
