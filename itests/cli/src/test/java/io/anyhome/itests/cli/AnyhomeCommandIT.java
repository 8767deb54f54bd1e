package io.anyhome.itests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/anyhome} as a user runs it, from the built installation. */
class AnyhomeCommandIT {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path scratch;

    @Test
    void givenAConfiguredMobileNode_whenChecked_thenEverythingIsActiveAndTheStatusIsZero() throws Exception {
        Path etc = emulatedMobileNode();
        Path state = scratch.resolve("n1");

        AnyhomeCommand.Result check = AnyhomeCommand.run(scratch, "check", "--etc", etc.toString(),
                "--state", state.toString());

        assertThat(check.exitStatus()).as(check.stdout() + check.stderr()).isZero();
        assertThat(check.stdout()).containsPattern("ACTIVE +io\\.anyhome\\.shell")
                .containsPattern("io\\.anyhome\\.vi\\.internal\\.VirtualInterfaceComponent +io\\.anyhome\\.vi +active")
                .contains("io.anyhome.shell.internal.CtlSocketServer", "anyhome check: OK");
        assertThat(state).as("check only reads the state").doesNotExist();
    }

    @Test
    void givenTheShippedDefaults_whenChecked_thenItNamesTheMissingHomeAddressAndTheStatusIsOne() throws Exception {
        AnyhomeCommand.Result check = AnyhomeCommand.run(scratch, "check", "--state", scratch.resolve("n0").toString());

        assertThat(check.exitStatus()).isEqualTo(1);
        assertThat(check.stdout()).contains("etc/io.anyhome.node.cfg: key homeAddress: missing", "anyhome check: FAILED");
    }

    /** etc/ of a mobile node with a home address, on the in-process network emulator. */
    private Path emulatedMobileNode() throws java.io.IOException {
        Path etc = Files.createDirectories(scratch.resolve("etc-mn"));
        Files.writeString(etc.resolve("io.anyhome.node.cfg"),
                "role=mn\nplatform=sim\nhomeAddress=2001:db8:1::10\nhomePrefix=2001:db8:1::/64\n");
        return etc;
    }

    @Test
    void givenADaemonNode_whenControlled_thenCommandsAnswer_andSigtermStopsItCleanly() throws Exception {
        Path state = scratch.resolve("n2");
        Path out = Files.createDirectories(scratch.resolve("node-output"));
        Process node = AnyhomeCommand.builder(out, "node", "--daemon", "--state", state.toString()).start();
        try {
            Path socket = state.resolve("run/ctl.sock");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(socket) || !node.isAlive());
            assertThat(node.isAlive()).as("node running; its stderr: %s", out.resolve("stderr")).isTrue();

            AnyhomeCommand.Result lb = AnyhomeCommand.run(scratch, "ctl", "--state", state.toString(), "lb");
            assertThat(lb.exitStatus()).as(lb.stderr()).isZero();
            assertThat(lb.stdout()).contains("anyhome shell", "Apache Felix Declarative Services").doesNotContain("%exit");

            AnyhomeCommand.Result unknown = AnyhomeCommand.run(scratch, "ctl", "--state", state.toString(), "nosuchcommand");
            assertThat(unknown.exitStatus()).isEqualTo(2);
            assertThat(unknown.stdout()).contains("nosuchcommand");

            AnyhomeCommand.Result status = AnyhomeCommand.run(scratch, "ctl", "--state", state.toString(),
                    "node:status", "--json");
            assertThat(status.exitStatus()).isZero();
            assertThat(status.stdout()).contains("\"role\":\"mn\"", "\"stateDir\":\"" + state + "\"");

            node.destroy(); // SIGTERM
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node stopped within 30 s").isTrue();
            assertThat(node.exitValue()).isZero();
            assertThat(socket).as("the control socket is removed on stop").doesNotExist();
            assertThat(state.resolve("log/anyhome.log")).exists();
            assertThat(Files.readString(state.resolve("log/anyhome.log"))).as("what the node did, at INFO")
                    .contains("INFO io.anyhome.platform.linux: Linux platform available");
        } finally {
            node.destroyForcibly();
        }
    }

    @Test
    void givenOneInstallation_whenAMobileNodeAndAHomeAgentRunAtOnce_thenEachAnswersWithItsOwnRole()
            throws Exception {
        Path haEtc = Files.createDirectories(scratch.resolve("ha-etc"));
        Files.writeString(haEtc.resolve("io.anyhome.node.cfg"), "role=ha\nplatform=linux\n");
        Path mnState = scratch.resolve("mn");
        Path haState = scratch.resolve("ha");
        Path mnOut = Files.createDirectories(scratch.resolve("mn-output"));
        Path haOut = Files.createDirectories(scratch.resolve("ha-output"));
        Process mn = AnyhomeCommand.builder(mnOut, "node", "--daemon", "--state", mnState.toString()).start();
        Process ha = AnyhomeCommand.builder(haOut, "node", "--daemon", "--etc", haEtc.toString(),
                "--state", haState.toString()).start();
        try {
            for (Path state : new Path[] {mnState, haState}) {
                Path socket = state.resolve("run/ctl.sock");
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(socket) || !mn.isAlive() || !ha.isAlive());
            }
            assertThat(mn.isAlive()).as("mobile node running; its stderr: %s", mnOut.resolve("stderr")).isTrue();
            assertThat(ha.isAlive()).as("home agent running; its stderr: %s", haOut.resolve("stderr")).isTrue();

            AnyhomeCommand.Result mnStatus = AnyhomeCommand.run(scratch, "ctl", "--state", mnState.toString(),
                    "node:status", "--json");
            AnyhomeCommand.Result haStatus = AnyhomeCommand.run(scratch, "ctl", "--state", haState.toString(),
                    "node:status", "--json");

            assertThat(mnStatus.exitStatus()).as(mnStatus.stderr()).isZero();
            assertThat(haStatus.exitStatus()).as(haStatus.stderr()).isZero();
            assertThat(mnStatus.stdout()).contains("\"role\":\"mn\"", "\"stateDir\":\"" + mnState + "\"");
            assertThat(haStatus.stdout()).contains("\"role\":\"ha\"", "\"stateDir\":\"" + haState + "\"");
        } finally {
            mn.destroy();
            ha.destroy();
            assertThat(mn.waitFor(30, TimeUnit.SECONDS) && ha.waitFor(30, TimeUnit.SECONDS))
                    .as("both nodes stop on SIGTERM").isTrue();
            mn.destroyForcibly();
            ha.destroyForcibly();
        }
    }

    @Test
    void givenNoRunningNode_whenControlled_thenItSaysSoAndTheStatusIsOne() throws Exception {
        AnyhomeCommand.Result ctl = AnyhomeCommand.run(scratch, "ctl", "--state", scratch.resolve("none").toString(), "lb");

        assertThat(ctl.exitStatus()).isEqualTo(1);
        assertThat(ctl.stderr()).contains("no node answers on");
    }

    @Test
    void givenAnUnknownSubcommand_thenUsageAndStatusTwo() throws Exception {
        AnyhomeCommand.Result result = AnyhomeCommand.run(scratch, "frobnicate");

        assertThat(result.exitStatus()).isEqualTo(2);
        assertThat(result.stderr()).contains("usage: anyhome");
    }

    @Test
    void givenABadRole_whenTheNodeStarts_thenItIsRefusedNamingFileAndKey() throws Exception {
        Path etc = Files.createDirectories(scratch.resolve("etc"));
        Files.writeString(etc.resolve("io.anyhome.node.cfg"), "role=router\n");

        AnyhomeCommand.Result result = AnyhomeCommand.run(scratch, "node", "--daemon", "--etc", etc.toString(),
                "--state", scratch.resolve("n3").toString());

        assertThat(result.exitStatus()).isEqualTo(2);
        assertThat(result.stderr()).contains("io.anyhome.node.cfg", "key role: router");
    }

    @Test
    void givenHelp_thenEachCommandDescribesItself() throws Exception {
        for (String command : new String[] {"node", "ctl", "check", "decode"}) {
            AnyhomeCommand.Result help = AnyhomeCommand.run(scratch, command, "--help");
            assertThat(help.exitStatus()).isZero();
            assertThat(help.stdout()).startsWith("usage: anyhome " + command);
        }
    }
}
