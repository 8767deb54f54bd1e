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

    /** A mobile node configured with a home address, on the in-process network emulator. */
    static final String EMULATED_MOBILE_NODE = String.join("\n", "role=mn", "platform=sim",
            "homeAddress=2001:db8:1::10", "homePrefix=2001:db8:1::/64", "");
    /** A home agent on the Linux platform: it opens nothing, so the host's network is untouched. */
    static final String LINUX_HOME_AGENT = String.join("\n", "role=ha", "platform=linux", "");

    /** Every bundle the distribution ships, as an emulated mobile node. */
    static Option all() {
        return node(EMULATED_MOBILE_NODE);
    }

    /**
     * Every bundle the distribution ships, with this node configuration.
     *
     * @param nodeConfiguration the content of {@code etc/io.anyhome.node.cfg}
     * @return the options
     */
    static Option node(String nodeConfiguration) {
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
                frameworkProperty("felix.fileinstall.dir").value(etc(scratch, nodeConfiguration).toString()),
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

    /** An etc/ with this node identity. */
    private static Path etc(Path scratch, String nodeConfiguration) {
        try {
            Path etc = Files.createDirectories(scratch.resolve("etc"));
            Files.writeString(etc.resolve("io.anyhome.node.cfg"), nodeConfiguration);
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
