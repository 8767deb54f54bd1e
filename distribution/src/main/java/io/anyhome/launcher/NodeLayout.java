package io.anyhome.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Where one node keeps its things (DESIGN.md, "Names and places"): with {@code --state DIR}
 * (default: the installation) the node reads {@code DIR/etc} (or {@code --etc}) and
 * {@code DIR/deploy}, and writes {@code DIR/cache}, {@code DIR/run/ctl.sock},
 * {@code DIR/run/native}, {@code DIR/log/anyhome.log} and {@code DIR/data} (what the node keeps
 * across restarts: {@code ifs-usage.json}, the uplinks' usage in the accounting period).
 */
record NodeLayout(Path home, Path state, Path etc, boolean etcGiven, Path deploy, Path cache, Path socket,
        Path nativeDir, Path logFile, Path data) {

    static NodeLayout of(Path home, String state, String etc) {
        Path stateDir = state == null ? home : Path.of(state).toAbsolutePath().normalize();
        Path etcDir = etc == null ? stateDir.resolve("etc") : Path.of(etc).toAbsolutePath().normalize();
        Path run = stateDir.resolve("run");
        return new NodeLayout(home, stateDir, etcDir, etc != null, stateDir.resolve("deploy"),
                stateDir.resolve("cache"), run.resolve("ctl.sock"), run.resolve("native"),
                stateDir.resolve("log").resolve("anyhome.log"), stateDir.resolve("data"));
    }

    /**
     * The same node's configuration, but everything it would write goes below {@code scratch}
     * (its data too, so that a check never overwrites a running node's usage).
     */
    NodeLayout throwaway(Path scratch) {
        Path readEtc = etcGiven || Files.isDirectory(etc) ? etc : home.resolve("etc");
        return new NodeLayout(home, state, readEtc, true, deploy, scratch.resolve("cache"),
                scratch.resolve("ctl.sock"), scratch.resolve("native"), scratch.resolve("anyhome.log"),
                scratch.resolve("data"));
    }

    /**
     * Creates the state directories; a new state without {@code etc/} gets a copy of the
     * installation's {@code etc/} defaults, so nodes sharing one installation keep their own.
     */
    void prepare() throws IOException {
        if (!etcGiven && !Files.exists(etc)) {
            copyDefaults(home.resolve("etc"), etc);
        }
        Files.createDirectories(deploy);
        Files.createDirectories(socket.getParent());
        Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(nativeDir);
        Files.createDirectories(logFile.getParent());
        Files.createDirectories(data);
    }

    private static void copyDefaults(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    Files.copy(f, to.resolve(f.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
