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
    void givenAFreshState_whenChecked_thenEverythingIsActiveAndTheStatusIsZero() throws Exception {
        Path state = scratch.resolve("n1");

        AnyhomeCommand.Result check = AnyhomeCommand.run(scratch, "check", "--state", state.toString());

        assertThat(check.exitStatus()).as(check.stdout() + check.stderr()).isZero();
        assertThat(check.stdout()).containsPattern("ACTIVE +io\\.anyhome\\.shell")
                .contains("io.anyhome.shell.internal.CtlSocketServer", "anyhome check: OK");
        assertThat(state).as("check only reads the state").doesNotExist();
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
        } finally {
            node.destroyForcibly();
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
        for (String command : new String[] {"node", "ctl", "check"}) {
            AnyhomeCommand.Result help = AnyhomeCommand.run(scratch, command, "--help");
            assertThat(help.exitStatus()).isZero();
            assertThat(help.stdout()).startsWith("usage: anyhome " + command);
        }
    }
}
