package io.anyhome.nic.cellular.internal;

import io.anyhome.api.testing.RecordingRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against a bus: none at all, and a private {@code dbus-daemon} with the fake
 * ModemManager of {@code fake_modemmanager.py}. The latter skips outside CI when dbus-daemon or
 * python3 with the dbus and gi modules is missing, and fails when CI=true.
 */
class ModemManagerWatcherTest {
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    private final RecordingRegistry registry = new RecordingRegistry();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final CellularSettings configured = new CellularSettings(InterfacePatterns.none(), true, 10, true,
            OptionalDouble.empty(), OptionalDouble.of(15), "umts", "Configured Operator", ModemRegistration.SEARCHING);
    private final CellularDriver driver = new CellularDriver("cellular", configured, registry, logged::add);

    @TempDir
    Path dir;

    @Test
    void givenNoBus_whenTheDriverPolls_thenItKeepsTheConfiguredValuesAndSaysSoOnce() {
        driver.offered(new NicCandidate("wwan0", 4, "", "wwan", false, ""));
        try (ModemManagerWatcher w = new ModemManagerWatcher("unix:path=" + dir.resolve("no-bus"), 100,
                driver::modemsChanged, logged::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !logged.isEmpty());
        }

        assertThat(logged).singleElement().asString().contains("ModemManager not reachable");
        assertThat(info()).containsOnly(entry("registration", "searching"), entry("access.technology", "umts"),
                entry("operator", "Configured Operator"));
        assertThat(metrics()).containsEntry("signal.quality.percent", 15.0);
    }

    @Test
    void givenModemManagerOnTheBus_whenItsModemChanges_thenTheDriverReportsWhatItSays() throws Exception {
        String python = pythonWithDbus();
        Process daemon = null;
        Process fake = null;
        try {
            daemon = new ProcessBuilder("dbus-daemon", "--session", "--address=unix:path=" + dir.resolve("bus"),
                    "--print-address", "--nofork").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String address = firstLine(daemon.getInputStream());
            Path script = dir.resolve("fake_modemmanager.py");
            try (InputStream in = getClass().getResourceAsStream("/fake_modemmanager.py")) {
                Files.copy(in, script);
            }
            fake = new ProcessBuilder(python, script.toString(), address)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader fakeOut = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
            assertThat(line(fakeOut)).isEqualTo("ready");
            driver.offered(new NicCandidate("wwan0", 4, "", "wwan", false, ""));
            driver.offered(new NicCandidate("wwan1", 5, "", "wwan", false, ""));

            try (ModemManagerWatcher w = new ModemManagerWatcher(address, 100, driver::modemsChanged, logged::add)) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(info()).containsOnly(entry("registration", "roaming"), entry("access.technology", "lte"),
                            entry("operator", "Example Mobile"));
                    assertThat(metrics()).contains(entry("signal.quality.percent", 70.0), entry("roaming", 1.0));
                });
                assertThat(registry.claims.get("wwan1").info).containsEntry("operator", "Configured Operator");

                Writer toFake = new OutputStreamWriter(fake.getOutputStream(), StandardCharsets.UTF_8);
                toFake.write("change\n");
                toFake.flush();
                assertThat(line(fakeOut)).isEqualTo("changed");

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(info()).containsEntry("registration", "home");
                    assertThat(metrics()).contains(entry("signal.quality.percent", 40.0), entry("roaming", 0.0));
                });
            }
            assertThat(logged).anySatisfy(m -> assertThat(m).contains("ModemManager answers"));
        } finally {
            stop(fake);
            stop(daemon);
        }
    }

    private Map<String, String> info() {
        synchronized (driver) {
            return new TreeMap<>(registry.claims.get("wwan0").info);
        }
    }

    private Map<String, Double> metrics() {
        synchronized (driver) {
            return new TreeMap<>(registry.claims.get("wwan0").metrics);
        }
    }

    private static String pythonWithDbus() throws InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!runs("dbus-daemon", "--version")) {
            missing(ci, "dbus-daemon (Debian package dbus)");
        }
        for (String python : PYTHONS) {
            if (runs(python, "-c", "import dbus, dbus.service, dbus.mainloop.glib; from gi.repository import GLib")) {
                return python;
            }
        }
        missing(ci, "python3 with the dbus and gi modules (python3-dbus, python3-gi)");
        return null;
    }

    private static void missing(boolean ci, String what) {
        if (ci) {
            fail(what + " is missing");
        }
        assumeTrue(false, what + " is missing");
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(InputStream in) throws Exception {
        return line(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    /** The next line, or a failure if none comes within 20 s. */
    private static String line(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(20, TimeUnit.SECONDS);
    }

    private static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
