package io.anyhome.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/anyhome}: dispatches to {@code node}, {@code ctl}, {@code check} and {@code decode}. Exit status 0
 * ok, 1 failure, 2 usage (unknown subcommand or option, bad configuration).
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: anyhome COMMAND [OPTIONS]",
            "",
            "commands:",
            "  node   run a node (Gogo console or daemon)",
            "  ctl    run a shell command on a running node through its control socket",
            "  check  start the node's configuration headless and report what does not run",
            "  decode decode IP packets (hex or a pcap/pcapng file) to JSON",
            "",
            "anyhome COMMAND --help tells more.",
            "");
    static final String CTL_USAGE = String.join("\n",
            "usage: anyhome ctl [--state DIR | --socket PATH] COMMAND [ARGS...]",
            "",
            "Runs one Gogo command (lb, node:status, node:check --json, ...) on the node whose",
            "control socket is DIR/run/ctl.sock (default: the installation's) or PATH, prints its",
            "output and exits with its status: 0 ok, 1 the command failed, 2 usage error.",
            "");

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String command = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        try {
            switch (command) {
                case "node":
                    return NodeCommand.run(home(), rest, out, err);
                case "ctl":
                    return ctl(home(), rest, out);
                case "check":
                    return CheckCommand.run(home(), rest, out, err);
                case "decode":
                    return DecodeCommand.run(rest, out, err);
                case "help":
                case "--help":
                case "-h":
                    out.print(USAGE);
                    return 0;
                default:
                    err.println("anyhome: unknown command: " + command);
                    err.print(USAGE);
                    return 2;
            }
        } catch (UsageException e) {
            err.println("anyhome " + command + ": " + e.getMessage());
            err.println("(anyhome " + command + " --help shows the usage)");
            return 2;
        } catch (CtlClient.NotListeningException e) {
            err.println("anyhome " + command + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("anyhome " + command + ": " + e);
            return 1;
        }
    }

    private static int ctl(Path home, List<String> words, PrintStream out) throws Exception {
        Args args = Args.parse(words, Set.of("--state", "--socket"), Set.of("--help"), true);
        if (args.has("--help") && args.rest().isEmpty()) {
            out.print(CTL_USAGE);
            return 0;
        }
        if (args.has("--state") && args.has("--socket")) {
            throw new UsageException("--state and --socket exclude each other");
        }
        if (args.rest().isEmpty()) {
            throw new UsageException("no command given");
        }
        Path socket = args.has("--socket") ? Path.of(args.value("--socket"))
                : NodeLayout.of(home, args.value("--state"), null).socket();
        return CtlClient.run(socket, CtlClient.commandLine(args.rest()), out);
    }

    private static Path home() throws UsageException {
        String home = System.getProperty("anyhome.home");
        if (home == null) {
            throw new UsageException("system property anyhome.home is not set: start anyhome through bin/anyhome");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }
}
