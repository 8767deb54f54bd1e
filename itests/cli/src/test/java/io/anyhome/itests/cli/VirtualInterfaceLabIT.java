package io.anyhome.itests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.anyhome.platform.linux.internal.LabNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mobile node as a user runs it, on real Linux in a lab of two network namespaces: an access
 * router (radvd) and the node, joined by a veth pair. The node, started with {@code ip netns exec},
 * must own {@code home0} with its home address and the default route, give its uplink's care-of
 * address a table and a rule of its own, count what home0 hands it, and remove it all on SIGTERM.
 *
 * <p>Needs root, iproute2 and radvd; skipped without them except when {@code CI=true}.
 */
class VirtualInterfaceLabIT {
    private static final String HOA = "2001:db8:1::10";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path scratch;

    @Test
    void givenAMobileNodeBehindAnAccessRouter_thenHome0CarriesItsTrafficAndTunnelPacketsKeepToTheUplink()
            throws Exception {
        LabNamespace.requireLab();
        try (LabNamespace router = LabNamespace.create("ar"); LabNamespace mn = LabNamespace.create("mn")) {
            router.ip("link", "add", "ar0", "type", "veth", "peer", "name", "wlan0", "netns", mn.name());
            router.ip("-6", "addr", "add", "2001:db8:a::1/64", "dev", "ar0");
            router.ip("link", "set", "ar0", "up");
            mn.ip("link", "set", "wlan0", "up");
            Process radvd = startRadvd(router, "ar0", "2001:db8:a::/64");
            Process node = null;
            try {
                // the uplink gets its care-of address and default route from the router's RAs
                await().ignoreExceptions().atMost(PATIENCE).until(() -> careOf(mn) != null
                        && mn.ip("-6", "route", "show", "default").contains("dev wlan0"));
                String coa = careOf(mn);

                Path etc = Files.createDirectories(scratch.resolve("etc"));
                Files.writeString(etc.resolve("io.anyhome.node.cfg"), String.join("\n", "role=mn",
                        "platform=linux", "homeAddress=" + HOA, "homePrefix=2001:db8:1::/64", ""));
                // a veth looks like Ethernet to the system; the lab says it is a WLAN uplink
                Files.writeString(etc.resolve("io.anyhome.nic.wlan-lab.cfg"), "interfaces=wlan*\n");
                Path state = scratch.resolve("state");
                node = startNode(mn, etc, state);
                Process running = node;

                await().ignoreExceptions().atMost(PATIENCE).until(() -> !running.isAlive()
                        || mn.ip("-6", "addr", "show", "dev", "home0").contains(HOA + "/128"));
                assertThat(node.isAlive()).as("node running; output in %s", scratch).isTrue();
                int wlanIndex = Integer.parseInt(mn.ip("-o", "link", "show", "wlan0").split(":")[0].trim());
                String table = String.valueOf(1000 + wlanIndex);

                await().ignoreExceptions().atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(mn.ip("-6", "route", "show", "default")).containsPattern("default dev home0 .*metric 1 ");
                    assertThat(mn.ip("-6", "rule", "show")).contains("from " + coa + " lookup " + table);
                    assertThat(mn.ip("-6", "route", "show", "table", table)).contains("default via fe80::")
                            .contains("dev wlan0");
                });

                // an application's packet from the home address goes into home0; the interface
                // switch has no path for it yet (paths come with mobility), so it is counted as a
                // no-path drop, not lost silently
                LabNamespace.Result app = mn.exec("ping", "-6", "-c", "3", "-i", "0.2", "-W", "1", "2001:db8:99::1");
                assertThat(app.output()).as("the application sends from home0").contains("3 packets transmitted");
                await().ignoreExceptions().atMost(PATIENCE).untilAsserted(() -> {
                    String vi = ctl(state, "vi:show", "--json");
                    assertThat(vi).contains("\"name\":\"home0\"", "\"homeAddress\":\"" + HOA + "\"",
                            "\"running\":true");
                    assertThat(noPathDrops(vi)).as(vi).isGreaterThanOrEqualTo(3);
                });

                // what leaves from the care-of address (as the tunnel will) takes the uplink
                LabNamespace.Result ping = mn.exec("ping", "-6", "-c", "2", "-W", "2", "-I", coa, "2001:db8:a::1");
                assertThat(ping.exitStatus()).as(ping.output()).isZero();

                // the uplink is claimed by the configured WLAN driver, and its loss reaches the
                // registry from rtnetlink
                await().ignoreExceptions().atMost(PATIENCE).untilAsserted(() ->
                        assertThat(ctl(state, "nic:show", "wlan0", "--json"))
                                .contains("\"technology\":\"wlan\"", "\"driver\":\"wlan-lab\"", "\"carrier\":true"));
                // the switch's Router Advertisement watch heard radvd on the uplink and took the
                // care-of address from its prefix; the switch knows the uplink (unusable: no path)
                await().ignoreExceptions().atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(ctl(state, "ra:list", "--json")).contains("\"interfaceName\":\"wlan0\"",
                            "\"address\":\"fe80::", "\"prefix\":\"2001:db8:a::/64\"",
                            "\"careOfAddress\":\"" + coa + "\"", "\"careOfAddressState\":\"usable\"");
                    assertThat(ctl(state, "ifs:status", "--json")).contains("\"id\":\"wlan0\"",
                            "\"careOfAddress\":\"" + coa + "\"", "\"usable\":false", "\"activePolicy\":\"priority\"");
                });
                router.ip("link", "set", "ar0", "down");
                await().ignoreExceptions().atMost(PATIENCE).untilAsserted(() ->
                        assertThat(ctl(state, "nic:show", "wlan0", "--json"))
                                .contains("\"carrier\":false", "\"state\":\"DOWN\""));

                node.destroy(); // SIGTERM
                assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node stops on SIGTERM").isTrue();
                assertThat(mn.ip("link", "show")).doesNotContain("home0");
                assertThat(mn.ip("-6", "rule", "show")).doesNotContain("lookup " + table);
                assertThat(mn.ip("-6", "route", "show", "table", "all")).doesNotContain("table " + table);
            } finally {
                if (node != null) {
                    node.destroyForcibly();
                }
                radvd.destroyForcibly();
                radvd.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private Process startNode(LabNamespace ns, Path etc, Path state) throws Exception {
        Path out = Files.createDirectories(scratch.resolve("node-output"));
        return new ProcessBuilder(List.of("ip", "netns", "exec", ns.name(),
                AnyhomeCommand.home().resolve("bin/anyhome").toString(), "node", "--daemon",
                "--etc", etc.toString(), "--state", state.toString()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.resolve("stdout").toFile())
                .redirectError(out.resolve("stderr").toFile()).start();
    }

    private Process startRadvd(LabNamespace ns, String ifname, String prefix) throws Exception {
        Path conf = scratch.resolve("radvd.conf");
        Files.writeString(conf, """
                interface %s {
                    AdvSendAdvert on;
                    MinRtrAdvInterval 3;
                    MaxRtrAdvInterval 4;
                    prefix %s {
                        AdvOnLink on;
                        AdvAutonomous on;
                    };
                };
                """.formatted(ifname, prefix));
        Process p = ns.start("radvd", "-n", "-m", "stderr", "-C", conf.toString(), "-p",
                scratch.resolve("radvd.pid").toString());
        assertThat(p.isAlive()).as("radvd started").isTrue();
        return p;
    }

    private String ctl(Path state, String... command) throws Exception {
        String[] args = new String[command.length + 3];
        args[0] = "ctl";
        args[1] = "--state";
        args[2] = state.toString();
        System.arraycopy(command, 0, args, 3, command.length);
        AnyhomeCommand.Result r = AnyhomeCommand.run(scratch, args);
        assertThat(r.exitStatus()).as(r.stdout() + r.stderr()).isZero();
        return r.stdout();
    }

    /** The node's global SLAAC address on wlan0, once DAD is done; null before. */
    private static String careOf(LabNamespace mn) {
        Matcher m = Pattern.compile("inet6 (2001:db8:a:[0-9a-f:]+)/64 scope global (?!tentative)")
                .matcher(mn.ip("-6", "addr", "show", "dev", "wlan0"));
        return m.find() ? m.group(1) : null;
    }

    private static long noPathDrops(String viJson) {
        Matcher m = Pattern.compile("\"no-path\":(\\d+)").matcher(viJson);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
