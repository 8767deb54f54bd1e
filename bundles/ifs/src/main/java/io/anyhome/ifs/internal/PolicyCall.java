package io.anyhome.ifs.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call of a policy by the {@link PolicyEngine}, held to its time budget: the budget is CPU
 * time on the policy's thread, plus a limit on the waiting in all ({@link #wallLimitMillis}). A
 * call that is slow only because its thread did not run (a busy machine, a collector's pause) is
 * waited for, so that load alone never disables a policy and moves traffic; one that computes or
 * blocks for too long is cancelled. Without CPU time measurement in this JVM the budget is wall
 * time, as it is for every call before its thread starts it.
 */
final class PolicyCall {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = cpuTimeSupported();

    private final FutureTask<Decision> task;
    private final long budgetMillis;
    private volatile long threadId = -1;
    private volatile long cpuAtStart;
    private String overrun;

    /**
     * @param policy the policy
     * @param context what it decides on
     * @param budgetMillis its budget
     */
    PolicyCall(InterfaceSelectionPolicy policy, SelectionContext context, long budgetMillis) {
        this.budgetMillis = budgetMillis;
        this.task = new FutureTask<>(() -> {
            if (CPU_TIME) {
                cpuAtStart = THREADS.getCurrentThreadCpuTime();
                threadId = Thread.currentThread().getId();
            }
            return policy.decide(context);
        });
    }

    /** @return the task to run on the policy executor */
    FutureTask<Decision> task() {
        return task;
    }

    /**
     * @param budgetMillis a policy time budget
     * @return how long a call may take in all, whatever CPU time it used: 20 budgets, at least 1 s
     */
    static long wallLimitMillis(long budgetMillis) {
        return Math.max(budgetMillis * 20, 1_000);
    }

    /**
     * Waits for the decision while the call stays within its budget.
     *
     * @param start when the call was handed to the executor, {@link System#nanoTime()}
     * @return the decision, or null with the call cancelled and {@link #overrun()} saying why
     * @throws ExecutionException if the policy threw
     * @throws InterruptedException if the waiting thread was interrupted
     */
    Decision await(long start) throws ExecutionException, InterruptedException {
        long budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        long wallDeadline = start + TimeUnit.MILLISECONDS.toNanos(wallLimitMillis(budgetMillis));
        while (true) {
            long wait = Math.min(budgetNanos, wallDeadline - System.nanoTime());
            try {
                return task.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long cpu = cpuNanos();
                if (cpu < 0 || cpu >= budgetNanos) {
                    overrun = "overran its time budget of " + budgetMillis + " ms"
                            + (cpu < 0 ? "" : " (" + TimeUnit.NANOSECONDS.toMillis(cpu) + " ms of CPU)");
                } else if (System.nanoTime() - wallDeadline >= 0) {
                    overrun = "overran its time budget of " + budgetMillis + " ms (no decision after "
                            + wallLimitMillis(budgetMillis) + " ms)";
                } else {
                    continue;
                }
                task.cancel(true);
                return null;
            }
        }
    }

    /** @return why the call was cancelled, or null */
    String overrun() {
        return overrun;
    }

    /** @return CPU time the call used so far; 0 before it started; -1 if not measurable */
    private long cpuNanos() {
        if (!CPU_TIME) {
            return -1;
        }
        long id = threadId;
        if (id < 0) {
            return 0;
        }
        long now = THREADS.getThreadCpuTime(id);
        return now < 0 ? -1 : now - cpuAtStart;
    }

    private static boolean cpuTimeSupported() {
        try {
            if (THREADS.isCurrentThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
