package io.anyhome.perf.ifs;

import io.anyhome.api.ifs.FlowSnapshot;
import io.anyhome.api.ifs.HandoverDTO;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.ifs.internal.PolicyEngine;
import io.anyhome.policy.loadshare.internal.LoadsharePolicyComponent;
import io.anyhome.policy.priority.internal.PriorityPolicyComponent;
import io.anyhome.policy.redundant.internal.RedundantPolicyComponent;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of the selection engine with 8 uplinks and 10 000 active flows: the snapshot is
 * built ({@code SelectionContext}), the policy is called on the policy thread within its time
 * budget, the decision is validated and published. What the engine thread spends at least once a
 * second and on every uplink event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyEvaluationBenchmark {
    @Param({"priority", "loadshare", "redundant"})
    public String policy;

    private PolicyEngine engine;

    @Setup
    public void setUp() {
        List<String> ids = SwitchFixture.uplinkIds(8);
        List<UplinkSnapshot> uplinks = SwitchFixture.uplinks(ids);
        List<FlowSnapshot> flows = SwitchFixture.flows(10_000, ids);
        engine = PolicyEngine.builder().uplinks(() -> uplinks).flows(() -> flows).budgetMillis(1_000).build();
        engine.addPolicy(policy, 0, 1, "bench", policy(policy));
        engine.configureActive(policy);
    }

    static InterfaceSelectionPolicy policy(String name) {
        return switch (name) {
            case "priority" -> new PriorityPolicyComponent(Map.of());
            case "loadshare" -> new LoadsharePolicyComponent(Map.of("weights", "eth*:3,wla*:2,cel*:1"));
            case "redundant" -> new RedundantPolicyComponent(Map.of("duplicate", "udp:5060,dscp:46"));
            default -> throw new IllegalArgumentException("no policy " + name + " in this benchmark");
        };
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    /** One evaluation on the calling thread (the engine thread in the node). */
    @Benchmark
    public Object evaluate() {
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, 0);
        return engine.current();
    }
}
