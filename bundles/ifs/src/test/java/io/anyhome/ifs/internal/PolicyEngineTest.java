package io.anyhome.ifs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.DecisionListener;
import io.anyhome.api.ifs.HandoverDTO;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.PolicyDTO;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.PathState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<UplinkSnapshot> uplinks = new ArrayList<>();
    private final List<Decision[]> changes = new ArrayList<>();
    private final DecisionListener recorder = (previous, current, at) -> changes.add(new Decision[] {previous, current});

    private PolicyEngine.Builder engineBuilder() {
        return PolicyEngine.builder().engineExecutor(Runnable::run).policyExecutor(Runnable::run)
                .uplinks(() -> List.copyOf(uplinks)).flows(List::of).listeners(() -> List.of(recorder))
                .clock(clock::get);
    }

    private PolicyEngine engine() {
        return engineBuilder().build();
    }

    private static UplinkSnapshot uplink(String id, boolean usable) {
        return new UplinkSnapshot(id, Technology.ETHERNET, usable ? NicState.UP : NicState.DOWN, Map.of(), 0, false, 0,
                Optional.empty(), BindingState.REGISTERED, PathState.UP, 0);
    }

    private void setUplinks(UplinkSnapshot... u) {
        uplinks.clear();
        uplinks.addAll(List.of(u));
    }

    private static InterfaceSelectionPolicy always(String uplink) {
        return c -> Decision.useUplink(uplink, "always " + uplink);
    }

    private static PolicyDTO dto(PolicyEngine engine, String name) {
        return engine.policies().stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void givenNoEvaluationYet_whenCurrentIsRead_thenItIsNoUplinkWithNoDecisionYet() {
        PolicyEngine engine = engine();

        assertThat(engine.current().defaultUplink()).isEmpty();
        assertThat(engine.current().reason()).isEqualTo("no decision yet");
        assertThat(engine.decidedAt()).isZero();
    }

    @Test
    void givenAConfiguredActivePolicy_whenEvaluated_thenItDecidesEvenIfRankedLower() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        PolicyEngine engine = engine();
        engine.addPolicy("priority", 100, 1, "b", always("eth0"));
        engine.addPolicy("signal", 10, 2, "b", always("wlan0"));
        engine.configureActive("signal");

        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        assertThat(engine.current()).isEqualTo(Decision.useUplink("wlan0", "always wlan0"));
        assertThat(dto(engine, "signal").active).isTrue();
        assertThat(dto(engine, "signal").evaluations).isEqualTo(1);
        assertThat(dto(engine, "priority").active).isFalse();
        assertThat(dto(engine, "priority").evaluations).isZero();
    }

    @Test
    void givenANameConfiguredBeforeItsPolicyArrives_whenItArrives_thenItIsUsed() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        PolicyEngine engine = engine();
        engine.configureActive("signal");
        engine.addPolicy("priority", 100, 1, "b", always("eth0"));
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(engine.current().defaultUplink()).contains("eth0");
        assertThat(engine.current().reason()).contains("policy 'signal' is not registered");

        engine.addPolicy("signal", 10, 2, "b", always("wlan0"));
        engine.evaluate(HandoverDTO.TRIGGER_POLICY, clock.get());

        assertThat(engine.current()).isEqualTo(Decision.useUplink("wlan0", "always wlan0"));
    }

    @Test
    void givenTwoPolicies_whenTheActiveOneIsSwitchedByName_thenTheOtherDecidesAndAHandoverIsLogged() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        PolicyEngine engine = engine();
        engine.addPolicy("priority", 100, 1, "b", always("eth0"));
        engine.addPolicy("signal", 10, 2, "b", always("wlan0"));
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(engine.current().defaultUplink()).contains("eth0");

        engine.setActive("signal");
        clock.addAndGet(5);
        engine.evaluate(HandoverDTO.TRIGGER_POLICY, 1_000_002);

        assertThat(engine.current().defaultUplink()).contains("wlan0");
        HandoverDTO h = engine.handovers(1).get(0);
        assertThat(h.from).isEqualTo("eth0");
        assertThat(h.to).isEqualTo("wlan0");
        assertThat(h.trigger).isEqualTo(HandoverDTO.TRIGGER_POLICY);
        assertThat(h.triggerTime).isEqualTo(1_000_002);
        assertThat(h.time).isEqualTo(1_000_005);
        assertThat(h.policy).isEqualTo("signal");
        assertThat(h.reason).isEqualTo("always wlan0");
    }

    @Test
    void givenAnUnknownName_whenSetActive_thenItIsRefusedNamingTheKnownPolicies() {
        PolicyEngine engine = engine();
        engine.addPolicy("priority", 100, 1, "b", always("eth0"));

        assertThatIllegalArgumentException().isThrownBy(() -> engine.setActive("fastest"))
                .withMessageContaining("'fastest'").withMessageContaining("priority");
        assertThat(engine.configuredActive()).isEmpty();
    }

    @Test
    void givenAThrowingActivePolicy_whenEvaluated_thenItIsDisabledAndTheNextRankedDecides() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        PolicyEngine engine = engine();
        engine.addPolicy("broken", 5, 1, "b", c -> {
            throw new IllegalStateException("table is empty");
        });
        engine.addPolicy("priority", 100, 2, "b", always("eth0"));
        engine.addPolicy("signal", 10, 3, "b", always("wlan0"));
        engine.configureActive("broken");

        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        assertThat(engine.current().defaultUplink()).contains("eth0");
        assertThat(engine.current().reason()).contains("broken").contains("table is empty").contains("'priority'");
        PolicyDTO broken = dto(engine, "broken");
        assertThat(broken.failures).isEqualTo(1);
        assertThat(broken.lastFailure).contains("table is empty");
        assertThat(broken.active).isFalse();
        assertThat(dto(engine, "priority").active).isTrue();

        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(dto(engine, "broken").evaluations).as("a disabled policy is not called again").isEqualTo(1);

        engine.setActive("broken");
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(dto(engine, "broken").evaluations).as("selecting it again enables it").isEqualTo(2);
    }

    @Test
    void givenAPolicyThatFailedOnce_whenItsBackOffHasPassed_thenItIsTriedAgainAndDecidesWhenItWorks() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        PolicyEngine engine = engine();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        engine.addPolicy("flaky", 100, 1, "b", c -> calls.incrementAndGet() == 1 ? null : Decision.useUplink("wlan0", "wlan"));
        engine.addPolicy("other", 10, 2, "b", always("eth0"));
        engine.configureActive("flaky");

        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(engine.current().defaultUplink()).contains("eth0");
        assertThat(dto(engine, "flaky").disabledUntil).isEqualTo(clock.get() + PolicyRegistry.FIRST_BACKOFF_MS);

        clock.addAndGet(PolicyRegistry.FIRST_BACKOFF_MS - 1);
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(calls).as("still backing off").hasValue(1);

        clock.addAndGet(1);
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(calls).hasValue(2);
        assertThat(engine.current().defaultUplink()).contains("wlan0");
        assertThat(dto(engine, "flaky").active).isTrue();
        assertThat(dto(engine, "flaky").disabledUntil).isZero();
    }

    @Test
    void givenAPolicyThatKeepsFailing_whenRetried_thenTheBackOffDoublesUpToItsCap() {
        setUplinks(uplink("eth0", true));
        PolicyEngine engine = engine();
        engine.addPolicy("broken", 100, 1, "b", c -> null);
        long[] backoffs = new long[9];
        for (int i = 0; i < backoffs.length; i++) {
            engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
            backoffs[i] = dto(engine, "broken").disabledUntil - clock.get();
            clock.addAndGet(backoffs[i]);
        }
        assertThat(backoffs).containsExactly(5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000);
        assertThat(dto(engine, "broken").failures).isEqualTo(9);
    }

    @Test
    void givenADisabledPolicy_whenItIsRegisteredAgain_thenItIsCalledAgain() {
        setUplinks(uplink("eth0", true));
        PolicyEngine engine = engine();
        engine.addPolicy("broken", 100, 1, "b", c -> null);
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(dto(engine, "broken").lastFailure).contains("no decision");

        engine.removePolicy(1);
        engine.addPolicy("broken", 100, 7, "b", always("eth0"));
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        assertThat(engine.current()).isEqualTo(Decision.useUplink("eth0", "always eth0"));
    }

    @Test
    void givenAPolicyThatOverrunsItsBudget_whenEvaluated_thenItIsDisabledAndTheNextRankedDecides() throws Exception {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService policyThreads = Executors.newCachedThreadPool();
        try {
            PolicyEngine engine = engineBuilder().policyExecutor(policyThreads).budgetMillis(20).build();
            engine.addPolicy("slow", 100, 1, "b", c -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Decision.useUplink("eth0", "late");
            });
            engine.addPolicy("signal", 10, 2, "b", always("wlan0"));

            engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

            assertThat(engine.current().defaultUplink()).contains("wlan0");
            assertThat(engine.current().reason()).contains("slow").contains("budget");
            assertThat(dto(engine, "slow").failures).isEqualTo(1);
            assertThat(dto(engine, "slow").lastFailure).contains("overran its time budget of 20 ms")
                    .contains("no decision after 1000 ms");
            assertThat(dto(engine, "signal").active).isTrue();
        } finally {
            release.countDown();
            policyThreads.shutdownNow();
        }
    }

    @Test
    void givenAPolicyThatComputesPastItsBudget_whenEvaluated_thenItIsDisabledForItsCpuTime() throws Exception {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        ExecutorService policyThreads = Executors.newCachedThreadPool();
        try {
            PolicyEngine engine = engineBuilder().policyExecutor(policyThreads).budgetMillis(20).build();
            engine.addPolicy("spinning", 100, 1, "b", c -> {
                long x = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    x += System.nanoTime() & 1;
                }
                return Decision.useUplink("eth0", "late " + x);
            });
            engine.addPolicy("signal", 10, 2, "b", always("wlan0"));

            engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

            assertThat(engine.current().defaultUplink()).contains("wlan0");
            assertThat(dto(engine, "spinning").lastFailure).contains("overran its time budget of 20 ms")
                    .contains("ms of CPU)");
        } finally {
            policyThreads.shutdownNow();
        }
    }

    @Test
    void givenAPolicyWhoseThreadDoesNotRunForLongerThanTheBudget_whenEvaluated_thenItStillDecides()
            throws Exception {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        ExecutorService policyThreads = Executors.newCachedThreadPool();
        try {
            PolicyEngine engine = engineBuilder().policyExecutor(policyThreads).budgetMillis(20).build();
            // waiting without CPU stands for a thread a busy machine or a collector's pause holds back
            CountDownLatch never = new CountDownLatch(1);
            engine.addPolicy("held-back", 100, 1, "b", c -> {
                try {
                    never.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Decision.useUplink("eth0", "decided after 100 ms of waiting");
            });
            engine.addPolicy("signal", 10, 2, "b", always("wlan0"));

            engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

            assertThat(engine.current().defaultUplink()).contains("eth0");
            assertThat(dto(engine, "held-back").failures).isZero();
            assertThat(dto(engine, "held-back").active).isTrue();
        } finally {
            policyThreads.shutdownNow();
        }
    }

    @Test
    void givenTheActivePolicyIsRemoved_whenEvaluated_thenTheHighestRankedRemainingDecidesAndSaysSo() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true), uplink("wwan0", true));
        PolicyEngine engine = engine();
        engine.addPolicy("signal", 50, 1, "b", always("wlan0"));
        engine.addPolicy("cost", 10, 2, "b", always("wwan0"));
        engine.addPolicy("priority", 100, 3, "b", always("eth0"));
        engine.setActive("signal");
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        engine.removePolicy(1);
        engine.evaluate(HandoverDTO.TRIGGER_POLICY, clock.get());

        assertThat(engine.current().defaultUplink()).contains("eth0");
        HandoverDTO h = engine.handovers(1).get(0);
        assertThat(h.from).isEqualTo("wlan0");
        assertThat(h.to).isEqualTo("eth0");
        assertThat(h.policy).isEqualTo("priority");
        assertThat(h.reason).contains("policy 'signal' is not registered").contains("'priority'");
    }

    @Test
    void givenNoPolicy_whenUplinksChange_thenTheCurrentIsKeptWhileUsableThenTheSmallestUsableThenNone() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        PolicyEngine engine = engine();
        engine.addPolicy("signal", 50, 1, "b", always("wlan0"));
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        engine.removePolicy(1);

        engine.evaluate(HandoverDTO.TRIGGER_POLICY, clock.get());
        assertThat(engine.current().defaultUplink()).contains("wlan0");
        assertThat(engine.current().reason()).contains("no policy").contains("keeping wlan0");

        setUplinks(uplink("wwan0", true), uplink("eth1", true), uplink("wlan0", false));
        engine.evaluate(HandoverDTO.TRIGGER_LINK_DOWN, clock.get());
        assertThat(engine.current().defaultUplink()).contains("eth1");
        assertThat(engine.current().reason()).contains("no policy").contains("smallest id");
        assertThat(engine.handovers(1).get(0).policy).isEqualTo(PolicyEngine.NO_POLICY);

        setUplinks(uplink("eth1", false));
        engine.evaluate(HandoverDTO.TRIGGER_LINK_DOWN, clock.get());
        assertThat(engine.current().defaultUplink()).isEmpty();
        assertThat(engine.current().reason()).contains("no policy").contains("no uplink is usable");
        assertThat(engine.handovers(1).get(0).to).isNull();
    }

    @Test
    void givenAPolicyThatRewordsItsReason_whenEvaluatedAgain_thenDecidedAtMovesOnlyWhenTheRoutingChanges() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        String[] choice = {"eth0"};
        AtomicLong calls = new AtomicLong();
        PolicyEngine engine = engine();
        engine.addPolicy("p", 1, 1, "b", c -> Decision.useUplink(choice[0], "call " + calls.incrementAndGet()));
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        long first = clock.get();
        assertThat(engine.decidedAt()).isEqualTo(first);

        clock.addAndGet(1_000);
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(engine.current().reason()).isEqualTo("call 2");
        assertThat(engine.decidedAt()).isEqualTo(first);

        choice[0] = "wlan0";
        clock.addAndGet(1_000);
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        assertThat(engine.decidedAt()).isEqualTo(first + 2_000);
    }

    @Test
    void givenAPolicy_whenEvaluated_thenItSeesThePreviousDecisionAndWhenItsRoutingBegan() {
        setUplinks(uplink("eth0", true));
        List<Long> seen = new ArrayList<>();
        PolicyEngine engine = engine();
        engine.addPolicy("p", 1, 1, "b", c -> {
            seen.add(c.previousDecidedAt());
            assertThat(c.now()).isEqualTo(clock.get());
            return Decision.useUplink("eth0", "r" + seen.size());
        });
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        clock.addAndGet(300);
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        assertThat(seen).containsExactly(0L, 1_000_000L);
    }

    @Test
    void givenASmallHandoverLog_whenManyHandoversHappen_thenTheNewestAreKeptNewestFirst() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        String[] choice = {"eth0"};
        PolicyEngine engine = engineBuilder().handoverCapacity(3).build();
        engine.addPolicy("p", 1, 1, "b", c -> Decision.useUplink(choice[0], "pick " + choice[0]));
        for (int i = 0; i < 5; i++) {
            choice[0] = i % 2 == 0 ? "eth0" : "wlan0";
            clock.set(2_000_000 + i);
            engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        }

        assertThat(engine.handovers(10)).extracting(h -> h.time).containsExactly(2_000_004L, 2_000_003L, 2_000_002L);
        assertThat(engine.handovers(2)).extracting(h -> h.to).containsExactly("eth0", "wlan0");
        assertThat(engine.handovers(10).get(2).from).isEqualTo("wlan0");
        assertThat(engine.handovers(1).get(0).triggerToTrafficMs).isEqualTo(-1);
    }

    @Test
    void givenListeners_whenDecisionsAreRepeatedOrReworded_thenTheyAreToldOnlyOfRoutingChanges() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        String[] choice = {"eth0"};
        AtomicLong calls = new AtomicLong();
        PolicyEngine engine = engine();
        engine.addPolicy("p", 1, 1, "b", c -> Decision.useUplink(choice[0], "call " + calls.incrementAndGet()));

        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());
        choice[0] = "wlan0";
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)[0]).isNull();
        assertThat(changes.get(0)[1].defaultUplink()).contains("eth0");
        assertThat(changes.get(1)[0].defaultUplink()).contains("eth0");
        assertThat(changes.get(1)[1].defaultUplink()).contains("wlan0");
    }

    @Test
    void givenADecisionNamingAnUnknownUplink_whenEvaluated_thenItIsAFailureAndTheNextRankedDecides() {
        setUplinks(uplink("eth0", true));
        PolicyEngine engine = engine();
        engine.addPolicy("typo", 100, 1, "b", always("eht0"));
        engine.addPolicy("priority", 10, 2, "b", always("eth0"));

        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        assertThat(engine.current().defaultUplink()).contains("eth0");
        assertThat(dto(engine, "typo").failures).isEqualTo(1);
        assertThat(dto(engine, "typo").lastFailure).contains("unknown uplink 'eht0'");
    }

    @Test
    void givenAPolicyChoosingNoUplink_whenTheCurrentIsStillUsable_thenTheCurrentIsKept() {
        setUplinks(uplink("eth0", true), uplink("wlan0", true));
        boolean[] none = {false};
        PolicyEngine engine = engine();
        engine.addPolicy("p", 1, 1, "b", c -> none[0] ? Decision.noUplink("nothing fits") : Decision.useUplink("wlan0", "w"));
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        none[0] = true;
        engine.evaluate(HandoverDTO.TRIGGER_DECISION, clock.get());

        assertThat(engine.current().defaultUplink()).contains("wlan0");
        assertThat(engine.current().reason()).contains("nothing fits").contains("keeping wlan0");
    }
}
