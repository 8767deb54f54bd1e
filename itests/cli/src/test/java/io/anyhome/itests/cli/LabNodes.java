package io.anyhome.itests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The anyhome nodes of a mobility lab test: starts {@code anyhome node} processes of the built
 * distribution in the lab's namespaces and talks to them through {@code anyhome ctl}. Shared by
 * {@link MobilityLabIT} and {@link MobilityNatLabIT}.
 */
final class LabNodes {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final MobilityLab lab;
    private final Path scratch;

    /**
     * @param lab the lab the nodes run in
     * @param scratch where node outputs go and {@code anyhome ctl} runs
     */
    LabNodes(MobilityLab lab, Path scratch) {
        this.lab = lab;
        this.scratch = scratch;
    }

    /** The node identity and key every lab node uses. */
    static final String HOME_ADDRESS = "2001:db8:1::10";
    static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    /**
     * Writes a home agent's {@code etc/}: the home prefix, {@code homeagent.cfg} on the lab's home
     * link, and a key file for the lab's mobile node.
     *
     * @param state the node's state directory
     * @param extra further {@code homeagent.cfg} lines
     */
    static void writeHomeAgent(Path state, String... extra) throws Exception {
        MobilityLab.write(state.resolve("etc/io.anyhome.node.cfg"), "role=ha", "platform=linux",
                "homePrefix=2001:db8:1::/64");
        List<String> ha = new ArrayList<>(List.of("address=" + MobilityLab.HOME_AGENT, "homeLink=hlink",
                "keysDirectory=" + state.resolve("etc/homeagent-keys")));
        ha.addAll(List.of(extra));
        MobilityLab.write(state.resolve("etc/io.anyhome.homeagent.cfg"), ha.toArray(String[]::new));
        writeNodeKey(state, "mn1", HOME_ADDRESS);
    }

    /** Writes a key file for a home address into a home agent's keys directory (the lab's identity and key). */
    static void writeNodeKey(Path haState, String name, String homeAddress) throws Exception {
        MobilityLab.write(haState.resolve("etc/homeagent-keys/" + name + ".key"), "homeAddress=" + homeAddress,
                "identity=mn1@example.net", "spi=256", "algorithm=hmac-sha256-128", "key=" + KEY);
    }

    /**
     * Writes a mobile node's {@code etc/}: identity, {@code mobility.cfg} for the lab's home agent,
     * the lab drivers for the veths named {@code wlan*} and {@code wwan*}, and the priority policy.
     *
     * @param state the node's state directory
     * @param extra further {@code mobility.cfg} lines
     */
    static void writeMobileNode(Path state, String... extra) throws Exception {
        MobilityLab.write(state.resolve("etc/io.anyhome.node.cfg"), "role=mn", "platform=linux",
                "homeAddress=" + HOME_ADDRESS, "homePrefix=2001:db8:1::/64");
        List<String> mobility = new ArrayList<>(List.of("homeAgent=" + MobilityLab.HOME_AGENT));
        mobility.addAll(List.of(extra));
        mobility.addAll(List.of("identity=mn1@example.net", "spi=256", "algorithm=hmac-sha256-128", "key=" + KEY));
        MobilityLab.write(state.resolve("etc/io.anyhome.mobility.cfg"), mobility.toArray(String[]::new));
        // veths look like Ethernet to the system: the lab says which is which
        MobilityLab.write(state.resolve("etc/io.anyhome.nic.wlan-lab.cfg"), "interfaces=wlan*");
        MobilityLab.write(state.resolve("etc/io.anyhome.nic.cellular-lab.cfg"), "interfaces=wwan*");
        MobilityLab.write(state.resolve("etc/io.anyhome.ifs.cfg"), "policy=priority");
    }

    /** Stops node processes (SIGTERM, then SIGKILL after 20 s); nulls are skipped. */
    static void stop(Process... nodes) throws InterruptedException {
        for (Process p : nodes) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** Starts a node with a state directory in a role's namespace; returns once its control socket is there. */
    Process startNode(String role, Path state) throws Exception {
        Path out = Files.createDirectories(scratch.resolve(role + "-output-" + System.nanoTime()));
        Process p = lab.start(role, out.resolve("output"), AnyhomeCommand.home().resolve("bin/anyhome").toString(),
                "node", "--daemon", "--state", state.toString());
        await(role + " control socket").atMost(PATIENCE).until(() ->
                Files.exists(state.resolve("run/ctl.sock")) || !p.isAlive());
        assertThat(p.isAlive()).as("%s node running; output in %s", role, out).isTrue();
        return p;
    }

    /** Runs a shell command on a node and parses its {@code --json} output. */
    JsonElement json(Path state, String... command) throws Exception {
        return JsonParser.parseString(ctl(state, command));
    }

    /** Runs a shell command on a node; it must succeed. */
    String ctl(Path state, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("ctl", "--state", state.toString()));
        args.addAll(List.of(command));
        AnyhomeCommand.Result r = AnyhomeCommand.run(scratch, args.toArray(String[]::new));
        assertThat(r.exitStatus()).as(String.join(" ", command) + ": " + r.stdout() + r.stderr()).isZero();
        return r.stdout();
    }

    /** @return the home agent's binding for a home address ({@code ha:bc --json}), or null */
    JsonObject bindingOf(Path haState, String hoa) throws Exception {
        for (JsonElement e : json(haState, "ha:bc", "--json").getAsJsonArray()) {
            if (hoa.equals(string(e.getAsJsonObject(), "homeAddress"))) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    /** @return a string member of a JSON object, null when absent or JSON null */
    static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
