package io.anyhome.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import sun.misc.Signal;

/**
 * {@code anyhome node}: runs one node in the foreground until the framework stops: with the Gogo
 * prompt ({@code --console}, the default on a terminal) or without ({@code --daemon}). SIGTERM
 * (and, without a console, SIGINT) stops the framework cleanly and the process exits 0.
 */
final class NodeCommand {
    static final String USAGE = String.join("\n",
            "usage: anyhome node [--etc DIR] [--state DIR] [--console|--daemon]",
            "",
            "Runs a node in the foreground.",
            "  --state DIR  the node's own directory (default: the installation): DIR/etc, DIR/deploy,",
            "               DIR/cache, DIR/run/ctl.sock, DIR/run/native, DIR/log/anyhome.log;",
            "               a new DIR gets a copy of the installation's etc/",
            "  --etc DIR    read configuration from DIR instead of STATE/etc",
            "  --console    give the Gogo shell prompt (default when standard input is a terminal)",
            "  --daemon     no prompt; stop on SIGTERM or SIGINT",
            "");

    private NodeCommand() {
    }

    static int run(Path home, List<String> words, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(words, Set.of("--etc", "--state"), Set.of("--console", "--daemon", "--help"), false);
        if (args.has("--help")) {
            out.print(USAGE);
            return 0;
        }
        if (args.has("--console") && args.has("--daemon")) {
            throw new UsageException("--console and --daemon exclude each other");
        }
        boolean console = args.has("--console") || !args.has("--daemon") && System.console() != null;
        NodeLayout layout = NodeLayout.of(home, args.value("--state"), args.value("--etc"));
        layout.prepare();
        NodeConfigFile.Identity identity = NodeConfigFile.read(layout.etc());
        if (Files.exists(layout.socket()) && answers(layout.socket())) {
            err.println("anyhome node: a node is already running with state " + layout.state());
            return 1;
        }
        if (!console) {
            System.setProperty("org.jline.terminal.dumb", "true");
        }
        out.println("anyhome node: role=" + identity.role() + " platform=" + identity.platform()
                + " state=" + layout.state() + " etc=" + layout.etc() + " ctl=" + layout.socket()
                + " log=" + layout.logFile());
        Framework framework = FrameworkLauncher.start(FrameworkLauncher.properties(layout, console, true),
                home.resolve("bundle"), err);
        Runnable stop = () -> stopQuietly(framework);
        Signal.handle(new Signal("TERM"), s -> new Thread(stop, "anyhome-stop").start());
        if (!console) {
            Signal.handle(new Signal("INT"), s -> new Thread(stop, "anyhome-stop").start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopQuietly(framework);
            awaitStop(framework);
        }, "anyhome-shutdown"));
        FrameworkEvent end = framework.waitForStop(0);
        out.println("anyhome node: stopped");
        return end.getType() == FrameworkEvent.ERROR ? 1 : 0;
    }

    private static boolean answers(Path socket) {
        try (var channel = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))) {
            return channel.isConnected();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
        } catch (Exception e) {
            System.err.println("anyhome node: stopping the framework failed: " + e);
        }
    }

    private static void awaitStop(Framework framework) {
        try {
            framework.waitForStop(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
