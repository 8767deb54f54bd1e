package io.anyhome.perf.ifs;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.path.Path;
import io.anyhome.ifs.internal.flow.FlowSwitch;
import io.anyhome.ifs.internal.flow.FlowTable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
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
 * The switch's per-packet work ({@code InterfaceSwitch.pathFor}): classify the packet's flow in
 * place, find it in the flow table, read the routing in force and return the path; must allocate
 * nothing (read {@code gc.alloc.rate.norm} with {@code -prof gc}). And the decision swap: compiling
 * a new decision for the data path and publishing it, with the flow table full of flows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SwitchBenchmark {
    @Param({"16", "10000"})
    public int flows;

    private FlowSwitch sw;
    private ByteBuffer[] packets;
    private int next;
    private List<String> ids;
    private Map<String, Path> paths;
    private Decision[] decisions;
    private Decision[] perFlowDecisions;
    private int swap;

    @Setup
    public void setUp() {
        ids = SwitchFixture.uplinkIds(8);
        paths = SwitchFixture.paths(ids);
        sw = new FlowSwitch(new FlowTable(Integer.highestOneBit(flows * 4 - 1) << 1 < 64 ? 64
                : Integer.highestOneBit(flows * 4 - 1) << 1), System::currentTimeMillis);
        decisions = new Decision[] {
            Decision.builder().defaultUplink(ids.get(0)).routeRule(FlowRule.port(6, 22), ids.get(1))
                    .routeRule(FlowRule.dscp(46), ids.get(2)).reason("a").build(),
            Decision.builder().defaultUplink(ids.get(3)).routeRule(FlowRule.port(6, 22), ids.get(1))
                    .routeRule(FlowRule.dscp(46), ids.get(2)).reason("b").build()};
        sw.publish(decisions[0], List.of(), ids, paths, null);
        packets = SwitchFixture.packets(flows);
        for (ByteBuffer p : packets) {
            sw.pathFor(p);
        }
        perFlowDecisions = new Decision[2];
        for (int d = 0; d < 2; d++) {
            Decision.Builder b = Decision.builder().defaultUplink(ids.get(0)).reason("per flow " + d);
            int i = d;
            for (io.anyhome.api.ifs.FlowSnapshot f : SwitchFixture.flows(flows, ids)) {
                if (f.key().protocol() == 6) {
                    b.routeFlow(f.key(), ids.get(i++ % ids.size()));
                }
            }
            perFlowDecisions[d] = b.build();
        }
    }

    /** One packet of an existing flow through the switch. */
    @Benchmark
    public Path classifyAndLookup() {
        ByteBuffer p = packets[next];
        next = next + 1 == packets.length ? 0 : next + 1;
        return sw.pathFor(p);
    }

    /**
     * A decision placing every flow on its own (loadshare's kind, one override per TCP flow)
     * compiled and published: each override is looked up in the flow table.
     */
    @Benchmark
    public Decision decisionSwapPerFlow() {
        swap ^= 1;
        sw.publish(perFlowDecisions[swap], List.of(), ids, paths, null);
        return sw.decision();
    }

    /** A new decision compiled and published (one volatile write), the table holding the flows. */
    @Benchmark
    public Decision decisionSwap() {
        swap ^= 1;
        sw.publish(decisions[swap], List.of(), ids, paths, null);
        return sw.decision();
    }
}
