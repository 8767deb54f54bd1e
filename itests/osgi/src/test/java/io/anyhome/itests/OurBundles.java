package io.anyhome.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ops4j.pax.exam.Option;

/**
 * Provisions exactly what the installation ships: every jar of the built
 * {@code distribution/target/anyhome/bundle} (system property {@code anyhome.home}) except the
 * framework's own, never anything from the local Maven repository, with the framework properties
 * a daemon node gets from the launcher. Everything the node writes (jffi's native library in
 * {@code run/native} included) goes to a fresh temporary directory; tests inside the framework
 * find the socket through the framework property {@code anyhome.ctl.socket} (this class is loaded again inside the framework, with other statics).
 */
final class OurBundles {
    private OurBundles() {
    }

    static Option all() {
        Path scratch = scratch();
        String home = home();
        File[] jars = new File(home, "bundle").listFiles(
                (d, n) -> n.endsWith(".jar") && !n.startsWith("org.apache.felix.framework-"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles in " + home + "/bundle: build the distribution module first");
        }
        Arrays.sort(jars);
        Option[] bundles = Arrays.stream(jars).map(j -> bundle(j.toURI().toString()).start())
                .toArray(Option[]::new);
        return composite(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("org.jline.terminal.dumb").value("true"),
                systemProperty("gosh.home").value(home),
                frameworkProperty("gosh.args").value("--nointeractive --noshutdown"),
                frameworkProperty("felix.fileinstall.dir").value(etc(scratch).toString()),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.enableConfigSave").value("false"),
                frameworkProperty("anyhome.ctl.socket").value(scratch.resolve("ctl.sock").toString()),
                frameworkProperty("anyhome.log.file").value(scratch.resolve("anyhome.log").toString()),
                frameworkProperty("jffi.extract.dir").value(scratch.resolve("run/native").toString()),
                composite(bundles));
    }

    private static String home() {
        String home = System.getProperty("anyhome.home");
        if (home == null) {
            throw new IllegalStateException("system property anyhome.home is not set: run the tests through Maven failsafe");
        }
        return home;
    }

    /** A copy of the installation's etc/ defaults. */
    private static Path etc(Path scratch) {
        try {
            Path etc = Files.createDirectories(scratch.resolve("etc"));
            Path defaults = Path.of(home(), "etc", "io.anyhome.node.cfg");
            Files.copy(defaults, etc.resolve(defaults.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return etc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static Path scratch() {
        try {
            // short, under /tmp: a Unix socket path must stay below about 100 bytes
            Path scratch = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "anyhome-itest-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(scratch)));
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
