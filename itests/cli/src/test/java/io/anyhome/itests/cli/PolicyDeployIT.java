package io.anyhome.itests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot deploy as an operator does it: a vendor's policy jar (itests/vendor-policy, built against
 * the api jar alone) copied into a running node's {@code deploy/} shows in {@code ifs:policies}
 * within seconds, {@code ifs:policy NAME} makes it the active one, and deleting the jar removes
 * it again, the switch falling back to the highest-ranked remaining policy and saying why.
 */
class PolicyDeployIT {
    private static final String VENDOR_POLICY = "vendor-first-usable";
    private static final String VENDOR_BUNDLE = "com.example.firstusable";
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path scratch;

    @Test
    void givenARunningNode_whenAVendorPolicyJarIsDroppedIntoDeployAndDeletedAgain_thenItIsListedActivatedAndRemoved()
            throws Exception {
        Path state = scratch.resolve("node");
        emulatedMobileNodeWithTheShippedDefaults(state.resolve("etc"));
        Path out = Files.createDirectories(scratch.resolve("node-output"));
        Process node = AnyhomeCommand.builder(out, "node", "--daemon", "--state", state.toString()).start();
        try {
            await("the control socket").atMost(GENEROUS)
                    .until(() -> Files.exists(state.resolve("run/ctl.sock")) || !node.isAlive());
            assertThat(node.isAlive()).as("node running; its stderr: %s", out.resolve("stderr")).isTrue();
            await("the shipped priority policy active").atMost(GENEROUS)
                    .until(() -> "priority".equals(string(status(state), "activePolicy")));
            assertRouterAdvertisementsAndUplinksSeen(state);
            long ctlStart = System.nanoTime();
            assertThat(policyNames(state)).doesNotContain(VENDOR_POLICY);
            long ctlMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ctlStart);

            Path jar = Path.of(System.getProperty("anyhome.vendor.policy"));
            Path staged = Files.copy(jar, state.resolve("deploy").resolve(VENDOR_POLICY + ".part"));
            long dropped = System.nanoTime();
            Path deployed = Files.move(staged, state.resolve("deploy").resolve(VENDOR_POLICY + ".jar"),
                    StandardCopyOption.ATOMIC_MOVE);
            await("the vendor policy listed").atMost(GENEROUS).pollInterval(Duration.ofMillis(100))
                    .until(() -> policyNames(state).contains(VENDOR_POLICY));
            long pickUpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped);
            System.out.printf("PolicyDeployIT: %s listed by ifs:policies %d ms after the jar was dropped into deploy/"
                    + " (one anyhome ctl call takes about %d ms)%n", VENDOR_POLICY, pickUpMillis, ctlMillis);
            assertThat(pickUpMillis).as("available within seconds").isLessThan(10_000);
            JsonObject listed = policy(state, VENDOR_POLICY);
            assertThat(string(listed, "bundle")).isEqualTo(VENDOR_BUNDLE);
            assertThat(listed.get("active").getAsBoolean()).as("not active before it is selected").isFalse();

            AnyhomeCommand.Result select = ctl(state, "ifs:policy", VENDOR_POLICY);
            assertThat(select.exitStatus()).as(select.stdout() + select.stderr()).isZero();
            JsonObject selected = status(state);
            assertThat(string(selected, "activePolicy")).isEqualTo(VENDOR_POLICY);
            assertThat(string(selected, "policyFallback")).as("no fallback while it is registered").isNull();

            Files.delete(deployed);
            long deleted = System.nanoTime();
            await("the vendor policy gone").atMost(GENEROUS).pollInterval(Duration.ofMillis(100))
                    .until(() -> !policyNames(state).contains(VENDOR_POLICY));
            System.out.printf("PolicyDeployIT: %s gone from ifs:policies %d ms after the jar was deleted%n",
                    VENDOR_POLICY, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deleted));
            JsonObject fallen = status(state);
            assertThat(string(fallen, "activePolicy")).as("the highest-ranked remaining policy").isEqualTo("priority");
            assertThat(string(fallen, "policyFallback")).contains("'" + VENDOR_POLICY + "'", "priority");

            node.destroy(); // SIGTERM
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node stopped within 30 s").isTrue();
            assertThat(node.exitValue()).isZero();
        } finally {
            node.destroyForcibly();
        }
    }

    /**
     * The emulator's three access routers are heard on their uplinks ({@code ra:list}: router,
     * advertised prefix, care-of address from it after DAD), and the switch knows the three
     * claimed uplinks ({@code ifs:status}); without paths (mobility) none is usable, and the
     * status says so.
     */
    private void assertRouterAdvertisementsAndUplinksSeen(Path state) throws Exception {
        await("routers and care-of addresses on the three uplinks").atMost(GENEROUS).untilAsserted(() -> {
            List<String> usable = new ArrayList<>();
            for (JsonElement e : json(state, "ra:list", "--json").getAsJsonArray()) {
                JsonObject link = e.getAsJsonObject();
                if (link.getAsJsonArray("routers").size() > 0 && "usable".equals(string(link, "careOfAddressState"))) {
                    String prefix = string(link.getAsJsonArray("prefixes").get(0).getAsJsonObject(), "prefix");
                    assertThat(prefix).endsWith("::/64");
                    assertThat(string(link, "careOfAddress")).startsWith(prefix.substring(0, prefix.length() - 4));
                    usable.add(string(link, "interfaceName"));
                }
            }
            assertThat(usable).containsExactlyInAnyOrder("eth0", "wlan0", "wwan0");
        });
        JsonObject status = status(state);
        List<String> uplinks = new ArrayList<>();
        status.getAsJsonArray("uplinks").forEach(u -> {
            uplinks.add(string(u.getAsJsonObject(), "id"));
            assertThat(u.getAsJsonObject().get("usable").getAsBoolean()).as("usable without a path").isFalse();
            assertThat(string(u.getAsJsonObject(), "pathState")).isEqualTo("DOWN");
            assertThat(string(u.getAsJsonObject(), "careOfAddress")).as("care-of address from ra").isNotNull();
        });
        assertThat(uplinks).containsExactlyInAnyOrder("eth0", "wlan0", "wwan0");
        assertThat(string(status, "failure")).startsWith("no usable uplink");
    }

    /** DIR/etc: the installation's defaults (policy=priority among them), as a mobile node on the emulator. */
    private static void emulatedMobileNodeWithTheShippedDefaults(Path etc) throws IOException {
        Files.createDirectories(etc);
        try (Stream<Path> defaults = Files.list(AnyhomeCommand.home().resolve("etc"))) {
            for (Path f : defaults.filter(Files::isRegularFile).toList()) {
                Files.copy(f, etc.resolve(f.getFileName()));
            }
        }
        assertThat(Files.readString(etc.resolve("io.anyhome.ifs.cfg"))).containsPattern("(?m)^policy=priority$");
        Files.writeString(etc.resolve("io.anyhome.node.cfg"),
                "role=mn\nplatform=sim\nhomeAddress=2001:db8:1::10\nhomePrefix=2001:db8:1::/64\n");
    }

    private AnyhomeCommand.Result ctl(Path state, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("ctl", "--state", state.toString()));
        args.addAll(List.of(command));
        return AnyhomeCommand.run(scratch, args.toArray(String[]::new));
    }

    private JsonElement json(Path state, String... command) throws IOException, InterruptedException {
        AnyhomeCommand.Result r = ctl(state, command);
        assertThat(r.exitStatus()).as(String.join(" ", command) + ": " + r.stdout() + r.stderr()).isZero();
        return JsonParser.parseString(r.stdout());
    }

    private JsonObject status(Path state) throws IOException, InterruptedException {
        return json(state, "ifs:status", "--json").getAsJsonObject();
    }

    private List<String> policyNames(Path state) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        json(state, "ifs:policies", "--json").getAsJsonArray().forEach(p -> names.add(string(p.getAsJsonObject(), "name")));
        return names;
    }

    private JsonObject policy(Path state, String name) throws IOException, InterruptedException {
        for (JsonElement p : json(state, "ifs:policies", "--json").getAsJsonArray()) {
            if (name.equals(string(p.getAsJsonObject(), "name"))) {
                return p.getAsJsonObject();
            }
        }
        throw new AssertionError("no policy " + name);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
