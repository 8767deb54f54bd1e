package io.anyhome.itests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.platform.linux.internal.LabNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The mobility lab of {@code itests/lab/mobility-lab.sh} for a test: built under a prefix of its
 * own, commands run in its namespaces, uplinks taken down or blackholed, and removed at the end
 * (also when the test failed).
 */
final class MobilityLab implements AutoCloseable {
    static final String HOME_AGENT = "2001:db8:1::1";
    static final String CORRESPONDENT = "2001:db8:e::2";

    private final String prefix;
    private final Path script;

    private MobilityLab(String prefix, Path script) {
        this.prefix = prefix;
        this.script = script;
    }

    /**
     * @param prefix the namespace prefix, short and unique to the test
     * @return the lab, built
     */
    static MobilityLab up(String prefix) throws IOException, InterruptedException {
        LabNamespace.requireLab();
        Path script = AnyhomeCommand.home().getParent().getParent().getParent().resolve("itests/lab/mobility-lab.sh");
        assertThat(script).as("the lab script").exists();
        MobilityLab lab = new MobilityLab(prefix, script);
        lab.script("up");
        return lab;
    }

    /** @return the namespace of a role: mn, ar, ha, cn, home */
    String ns(String role) {
        return prefix + "-" + role;
    }

    /** Adds the IPv4-only uplink {@code eth1} behind the router's NAT ({@code mobility-lab.sh nat}). */
    void ipv4BehindNat() throws IOException, InterruptedException {
        script("nat");
    }

    void linkDown(String uplink) throws IOException, InterruptedException {
        script("linkdown", uplink);
    }

    void linkUp(String uplink) throws IOException, InterruptedException {
        script("linkup", uplink);
    }

    void blackhole(String uplink) throws IOException, InterruptedException {
        script("blackhole", uplink);
    }

    void unblackhole() throws IOException, InterruptedException {
        script("unblackhole");
    }

    /** Runs a command in a namespace and waits for it; returns its output (stdout and stderr). */
    String exec(String role, String... command) throws IOException, InterruptedException {
        Process p = start(role, null, command);
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Starts a command in a namespace; output to the file if given, else readable from the process. */
    Process start(String role, Path output, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns(role)));
        cmd.addAll(List.of(command));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (output != null) {
            b.redirectOutput(output.toFile());
        }
        return b.start();
    }

    private void script(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        cmd.add(prefix);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("mobility-lab.sh %s: %s", String.join(" ", args), out).isZero();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("down");
    }

    /** Writes a file, creating its directory. */
    static void write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
