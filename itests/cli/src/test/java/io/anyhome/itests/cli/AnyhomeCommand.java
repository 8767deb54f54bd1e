package io.anyhome.itests.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code bin/anyhome} (system property {@code anyhome.home}, set by failsafe to
 * {@code distribution/target/anyhome}) as a separate process, as a user would.
 */
final class AnyhomeCommand {
    /** What one finished run printed and how it ended. */
    record Result(int exitStatus, String stdout, String stderr) {
    }

    private AnyhomeCommand() {
    }

    static Path home() {
        String home = System.getProperty("anyhome.home");
        if (home == null) {
            throw new IllegalStateException("system property anyhome.home is not set: run the tests through Maven failsafe");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }

    static ProcessBuilder builder(Path outputDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home().resolve("bin/anyhome").toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(outputDir.resolve("stdout").toFile())
                .redirectError(outputDir.resolve("stderr").toFile());
    }

    /** Runs to completion (bounded) and returns what it printed. */
    static Result run(Path scratch, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(scratch, "run-");
        Process process = builder(out, args).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("anyhome " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(out.resolve("stderr"), StandardCharsets.UTF_8));
    }
}
