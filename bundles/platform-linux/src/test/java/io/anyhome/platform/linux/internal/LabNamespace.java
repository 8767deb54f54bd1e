package io.anyhome.platform.linux.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * A network namespace made by a test and removed at its end, also on failure.
 *
 * <p>{@link #inside(Callable)} runs code on one dedicated thread that has entered the namespace
 * with {@code setns(2)}: the network namespace is per thread, so sockets, netlink, TUN devices and
 * {@code /proc/sys/net} opened there belong to the namespace while the rest of the test JVM stays
 * where it was. ({@code /proc/self/net} and so {@code java.net.NetworkInterface} still show the
 * process's namespace; {@code /proc/thread-self/net} shows the thread's.) {@link #ip(String...)} configures it with iproute2 ({@code ip -n NAME ...}).
 *
 * <p>Needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN) and iproute2. {@link #requireLab()} skips the test
 * without them, except when {@code CI=true}, where their absence is a failure.
 */
public final class LabNamespace implements AutoCloseable {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The few libc functions entering a namespace takes. */
    public interface NamespaceLibC {
        int open(String path, int flags);

        int setns(int fd, int nstype);

        int close(int fd);
    }

    private static NamespaceLibC libc;

    private final String name;
    private final ExecutorService thread;

    private LabNamespace(String name) {
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netns-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Skips (outside CI) or fails (CI=true) unless this process can make network namespaces. */
    public static void requireLab() {
        String why = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "network-namespace tests need root";
        } else if (run(List.of("ip", "-V")).exitStatus != 0) {
            why = "network-namespace tests need iproute2 (ip)";
        }
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (required when CI=true)");
            }
            assumeTrue(false, why);
        }
    }

    /**
     * Makes a new namespace named {@code ah-<prefix>-<pid>-<n>} with its loopback up.
     *
     * @param prefix a short word saying what the test is
     * @return the namespace; close it to remove it
     */
    public static LabNamespace create(String prefix) {
        requireLab();
        String name = "ah-" + prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Result r = run(List.of("ip", "netns", "add", name));
        if (r.exitStatus != 0) {
            throw new IllegalStateException("ip netns add " + name + " failed: " + r.output);
        }
        LabNamespace ns = new LabNamespace(name);
        ns.ip("link", "set", "lo", "up");
        return ns;
    }

    /** @return the namespace's name, as {@code ip netns} knows it */
    public String name() {
        return name;
    }

    /**
     * Runs {@code ip -n NAME ARGS...} and returns its output.
     *
     * @param args the arguments after {@code ip -n NAME}
     * @return standard output and error
     * @throws IllegalStateException if the command fails, with its output
     */
    public String ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        Result r = run(cmd);
        if (r.exitStatus != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.output);
        }
        return r.output;
    }

    /**
     * Runs a program inside the namespace ({@code ip netns exec NAME CMD...}).
     *
     * @param cmd the program and its arguments
     * @return its exit status and output
     */
    public Result exec(String... cmd) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(cmd));
        return run(full);
    }

    /**
     * Starts a long-running program inside the namespace (a router daemon, a traffic source);
     * the caller stops it.
     *
     * @param cmd the program and its arguments
     * @return the process
     * @throws IOException if it cannot be started
     */
    public Process start(String... cmd) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(cmd));
        return new ProcessBuilder(full).redirectErrorStream(true).start();
    }

    /**
     * Runs {@code work} on this namespace's own thread, which has entered the namespace.
     *
     * @param work what to do inside
     * @param <T> its result type
     * @return its result
     * @throws Exception what {@code work} threw
     */
    public <T> T inside(Callable<T> work) throws Exception {
        Future<T> f = thread.submit(() -> {
            enter();
            return work.call();
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private boolean entered;

    private void enter() {
        if (entered) {
            return;
        }
        NamespaceLibC c = libc();
        int fd = c.open("/var/run/netns/" + name, O_RDONLY);
        if (fd < 0) {
            throw new IllegalStateException("open /var/run/netns/" + name + ": errno " + errno());
        }
        try {
            if (c.setns(fd, CLONE_NEWNET) != 0) {
                throw new IllegalStateException("setns into " + name + ": errno " + errno());
            }
        } finally {
            c.close(fd);
        }
        entered = true;
    }

    private static synchronized NamespaceLibC libc() {
        if (libc == null) {
            libc = LibraryLoader.create(NamespaceLibC.class).load("c");
        }
        return libc;
    }

    private static int errno() {
        return LastError.getLastError(Runtime.getRuntime(libc));
    }

    /** Removes the namespace (its veth ends go with it) and stops its thread. */
    @Override
    public void close() {
        thread.shutdownNow();
        run(List.of("ip", "netns", "del", name));
    }

    /** How a command ended. */
    public record Result(int exitStatus, String output) {
    }

    static Result run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", cmd) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
