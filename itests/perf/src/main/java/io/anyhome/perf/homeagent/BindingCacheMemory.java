package io.anyhome.perf.homeagent;

import io.anyhome.homeagent.internal.BindingCache;
import io.anyhome.homeagent.internal.BindingUpdateProcessor;
import io.anyhome.homeagent.internal.NodeKeys;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;

/**
 * Memory per binding at the home agent: registers {@code N} mobile nodes (default 100 000)
 * through the Binding Update processor, as real updates do, and compares the heap in use after a
 * full collection before and after. Not a JMH benchmark (one measurement of retained size, not a
 * rate); run with {@code java -cp target/benchmarks.jar io.anyhome.perf.homeagent.BindingCacheMemory [N]}.
 * The keys table is built before the first measurement, so the figure is the binding cache alone.
 */
public final class BindingCacheMemory {
    private BindingCacheMemory() {
    }

    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        NodeKeys keys = HomeAgentFixture.keys(nodes);
        BindingCache cache = new BindingCache();
        BindingUpdateProcessor processor = HomeAgentFixture.processor(keys, cache);
        ByteBuffer bu = ByteBuffer.allocate(256);
        ByteBuffer answer = ByteBuffer.allocate(2048);
        long before = usedAfterGc();
        long start = System.nanoTime();
        for (int i = 0; i < nodes; i++) {
            if (processor.handle(HomeAgentFixture.bindingUpdate(i, 1, bu), HomeAgentFixture.outer(i), answer) == 0) {
                throw new IllegalStateException("node " + i + " was not registered");
            }
        }
        long elapsed = System.nanoTime() - start;
        long after = usedAfterGc();
        System.out.printf("%d bindings: %d bytes of heap, %.0f bytes per binding; registered in %.2f s (%.0f BUs/s,"
                + " encoding included)%n", cache.size(), after - before, (after - before) / (double) cache.size(),
                elapsed / 1e9, nodes / (elapsed / 1e9));
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
