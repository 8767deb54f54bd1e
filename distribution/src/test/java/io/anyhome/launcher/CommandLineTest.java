package io.anyhome.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @Test
    void givenCtlWords_thenPlainWordsStayAndOthersAreQuotedForGogo() {
        assertThat(CtlClient.commandLine(List.of("node:check", "--json"))).isEqualTo("node:check --json");
        assertThat(CtlClient.commandLine(List.of("echo", "two words"))).isEqualTo("echo 'two words'");
        assertThat(CtlClient.commandLine(List.of("echo", "it's $x"))).isEqualTo("echo \"it's \\$x\"");
    }

    @Test
    void givenOptionsThenACommand_thenTheCommandWordsAreKeptWhole() throws Exception {
        Args args = Args.parse(List.of("--state", "/tmp/n1", "lb", "--json"), Set.of("--state"), Set.of(), true);

        assertThat(args.value("--state")).isEqualTo("/tmp/n1");
        assertThat(args.rest()).containsExactly("lb", "--json");
    }

    @Test
    void givenAnUnknownOptionOrAMissingValue_thenItIsAUsageError() {
        assertThatThrownBy(() -> Args.parse(List.of("--bogus"), Set.of("--state"), Set.of(), false))
                .isInstanceOf(UsageException.class).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> Args.parse(List.of("--state"), Set.of("--state"), Set.of(), false))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
    }

    @Test
    void givenAStateDir_thenTheNodeKeepsEverythingBelowIt() {
        NodeLayout layout = NodeLayout.of(Path.of("/opt/anyhome"), "/var/lib/anyhome/n1", null);

        assertThat(layout.etc()).isEqualTo(Path.of("/var/lib/anyhome/n1/etc"));
        assertThat(layout.socket()).isEqualTo(Path.of("/var/lib/anyhome/n1/run/ctl.sock"));
        assertThat(layout.logFile()).isEqualTo(Path.of("/var/lib/anyhome/n1/log/anyhome.log"));
        assertThat(layout.nativeDir()).isEqualTo(Path.of("/var/lib/anyhome/n1/run/native"));
        assertThat(layout.data()).isEqualTo(Path.of("/var/lib/anyhome/n1/data"));
        assertThat(layout.throwaway(Path.of("/tmp/check")).data()).isEqualTo(Path.of("/tmp/check/data"));
    }

    @Test
    void givenANewStateDir_whenPrepared_thenTheDataDirectoryForWhatOutlivesARestartExists(@TempDir Path dir)
            throws Exception {
        NodeLayout layout = NodeLayout.of(dir.resolve("home"), dir.resolve("n1").toString(), null);

        layout.prepare();

        assertThat(dir.resolve("n1/data")).isDirectory();
    }

    @Test
    void givenAnUnknownSubcommand_thenUsageGoesToStderrAndTheStatusIsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(List.of("frobnicate"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: frobnicate", "usage: anyhome");
    }
}
