package io.anyhome.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/**
 * {@code anyhome check}: starts the node's configuration headless on a throwaway framework cache
 * and control socket (so it runs beside a live node of the same state), waits until
 * {@code node:check} passes or the time is up, prints every bundle and the {@code node:check}
 * report, stops, and exits 0 only if everything the role needs is active.
 */
final class CheckCommand {
    static final String USAGE = String.join("\n",
            "usage: anyhome check [--etc DIR] [--state DIR] [--timeout SECONDS]",
            "",
            "Starts the node's configuration headless on a throwaway framework cache and control",
            "socket, prints every bundle and the report of node:check, and stops.",
            "Exit status: 0 everything this role needs is active, 1 something is not, 2 usage.",
            "  --state DIR        the node's directory (default: the installation); only read",
            "  --etc DIR          read configuration from DIR instead of STATE/etc",
            "  --timeout SECONDS  how long components may take to settle (default 20)",
            "");
    private static final long POLL_MILLIS = 200;

    private CheckCommand() {
    }

    static int run(Path home, List<String> words, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(words, Set.of("--etc", "--state", "--timeout"), Set.of("--help"), false);
        if (args.has("--help")) {
            out.print(USAGE);
            return 0;
        }
        long timeoutMillis = timeout(args.value("--timeout"));
        Path scratch = Files.createTempDirectory("anyhome-check-");
        try {
            NodeLayout layout = NodeLayout.of(home, args.value("--state"), args.value("--etc")).throwaway(scratch);
            NodeConfigFile.Identity identity = NodeConfigFile.read(layout.etc());
            out.println("anyhome check: role=" + identity.role() + " platform=" + identity.platform()
                    + " etc=" + layout.etc());
            System.setProperty("org.jline.terminal.dumb", "true");
            Framework framework = FrameworkLauncher.start(FrameworkLauncher.properties(layout, false, false),
                    home.resolve("bundle"), err);
            try {
                return check(framework, layout.socket(), timeoutMillis, out);
            } finally {
                framework.stop();
                framework.waitForStop(10_000);
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private static int check(Framework framework, Path socket, long timeoutMillis, PrintStream out)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String report = "node:check did not answer on the control socket within " + timeoutMillis + " ms";
        int status = 1;
        while (true) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                status = CtlClient.run(socket, "node:check", capture);
                report = buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                status = 1;
            }
            if (status == 0 || System.currentTimeMillis() >= deadline) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        out.println("bundles:");
        for (Bundle b : framework.getBundleContext().getBundles()) {
            out.printf("%4d  %-11s %s %s%n", b.getBundleId(), state(b.getState()), b.getSymbolicName(), b.getVersion());
        }
        out.println();
        out.println(report.stripTrailing());
        out.println(status == 0 ? "anyhome check: OK" : "anyhome check: FAILED");
        return status == 0 ? 0 : 1;
    }

    private static long timeout(String seconds) throws UsageException {
        if (seconds == null) {
            return 20_000;
        }
        try {
            long s = Long.parseLong(seconds);
            if (s <= 0) {
                throw new NumberFormatException();
            }
            return s * 1000;
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout: " + seconds + " is not a positive number of seconds");
        }
    }

    static String state(int state) {
        switch (state) {
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            default:
                return "UNINSTALLED";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
