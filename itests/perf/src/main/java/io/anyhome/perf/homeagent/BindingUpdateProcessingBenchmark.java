package io.anyhome.perf.homeagent;

import io.anyhome.homeagent.internal.BindingCache;
import io.anyhome.homeagent.internal.BindingUpdateProcessor;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Binding Updates the home agent processes per second on one thread: decode, MH checksum,
 * HMAC-SHA-256-128 check, RFC 6275 checks, binding cache update, and the signed acknowledgement,
 * for pre-encoded updates from {@code nodes} mobile nodes in turn. Four rounds of sequence numbers
 * a quarter of 2^16 apart make every update newer than the last (modulo 2^16), so each one is
 * accepted and replaces its node's binding, as refreshes do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BindingUpdateProcessingBenchmark {
    private static final int[] SEQUENCES = {0, 16384, 32768, 49152};
    /** Where the acknowledgement's status byte is in the answer: IPv6 header, then MH byte 6. */
    private static final int BA_STATUS = 40 + 6;

    @Param({"10000"})
    public int nodes;

    private BindingUpdateProcessor processor;
    private ByteBuffer[] updates;
    private InetSocketAddress[] outers;
    private final ByteBuffer answer = ByteBuffer.allocate(2048);
    private int next;

    @Setup
    public void setUp() {
        processor = HomeAgentFixture.processor(HomeAgentFixture.keys(nodes), new BindingCache());
        updates = new ByteBuffer[nodes * SEQUENCES.length];
        outers = new InetSocketAddress[nodes];
        for (int i = 0; i < nodes; i++) {
            outers[i] = HomeAgentFixture.outer(i);
        }
        for (int round = 0; round < SEQUENCES.length; round++) {
            for (int i = 0; i < nodes; i++) {
                ByteBuffer b = HomeAgentFixture.bindingUpdate(i, SEQUENCES[round], ByteBuffer.allocate(256));
                updates[round * nodes + i] = b;
            }
        }
    }

    @Benchmark
    public int bindingUpdate() {
        int k = next;
        next = k + 1 == updates.length ? 0 : k + 1;
        ByteBuffer bu = updates[k];
        bu.position(0);
        int n = processor.handle(bu, outers[k % nodes], answer);
        if (n == 0 || answer.get(BA_STATUS) != 0) {
            throw new IllegalStateException("update " + k + " was not accepted");
        }
        return n;
    }
}
