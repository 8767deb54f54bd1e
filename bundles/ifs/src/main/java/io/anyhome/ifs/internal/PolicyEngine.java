package io.anyhome.ifs.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.DecisionListener;
import io.anyhome.api.ifs.FlowSnapshot;
import io.anyhome.api.ifs.HandoverDTO;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.PolicyDTO;
import io.anyhome.api.ifs.SelectionContext;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.ifs.internal.flow.HandoverMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The selection engine of the Interface Switching module, without OSGi: it keeps the registered
 * {@link InterfaceSelectionPolicy} services, builds a {@link SelectionContext} for each
 * evaluation, calls the effective policy within a time budget, validates and publishes the
 * decision with one volatile write, tells {@link DecisionListener}s when the routing changed and
 * logs a {@link HandoverDTO} when the default uplink changed or running flows moved. The ifs components feed it policies
 * and triggers; the switch reads {@link #current()} on the data path.
 *
 * <p>A policy that throws, returns nothing, names an unknown default uplink or overruns the budget
 * (CPU time on its thread, or a limit on the waiting: {@link PolicyCall}) is disabled for a
 * back-off that doubles with each failure in a row (or until registered or selected again) and
 * the next policy by service ranking decides in the same evaluation. With no usable policy the engine keeps the current uplink while it is
 * usable, else takes the usable uplink with the smallest id, and says so in the reason. A policy
 * that decides "no uplink" while the current one is still usable keeps the current one
 * ({@link Decision}).
 *
 * <p>Evaluations run one at a time on the engine executor; policies run on the policy executor
 * so that the engine can stop waiting for one that overruns.
 */
public final class PolicyEngine implements AutoCloseable {
    /** The reason of {@link #current()} before the first evaluation. */
    public static final String NO_DECISION_YET = "no decision yet";
    /** The {@link HandoverDTO#policy} of a decision made without any usable policy. */
    public static final String NO_POLICY = "none";

    private static final Decision INITIAL = Decision.noUplink(NO_DECISION_YET);

    private record Published(Decision decision, long decidedAt) {
    }

    /** Told when a decision that routes differently is published, before the decision listeners. */
    @FunctionalInterface
    public interface PublishHook {
        /**
         * @param decision the decision now in force
         * @param handover the handover it makes (the default uplink changed), null if none
         * @param trigger what caused the evaluation
         * @param policy the policy that decided, {@link #NO_POLICY} if none
         * @param atMillis when it was published
         */
        void published(Decision decision, HandoverMark handover, String trigger, String policy, long atMillis);
    }

    private record Outcome(Decision decision, String failure) {
    }

    private final Executor engineExecutor;
    private final Executor policyExecutor;
    private final ExecutorService ownedPolicyExecutor;
    private final Supplier<List<UplinkSnapshot>> uplinks;
    private final Supplier<List<FlowSnapshot>> flows;
    private final Supplier<List<DecisionListener>> listeners;
    private final LongSupplier clock;
    private final BiFunction<Decision, SelectionContext, Decision> overlay;
    private final PublishHook publishHook;
    private final BiConsumer<String, String> policyFailed;
    private final long budgetMillis;
    private final PolicyRegistry registry = new PolicyRegistry();
    private final HandoverLog handovers;
    private final Object evaluationLock = new Object();
    private volatile Published published;

    private PolicyEngine(Builder b) {
        this.engineExecutor = b.engineExecutor;
        this.ownedPolicyExecutor = b.policyExecutor == null ? Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "anyhome-ifs-policy");
            t.setDaemon(true);
            return t;
        }) : null;
        this.policyExecutor = b.policyExecutor != null ? b.policyExecutor : ownedPolicyExecutor;
        this.uplinks = Objects.requireNonNull(b.uplinks, "uplinks");
        this.flows = Objects.requireNonNull(b.flows, "flows");
        this.listeners = b.listeners;
        this.clock = b.clock;
        this.overlay = b.overlay;
        this.publishHook = b.publishHook;
        this.policyFailed = b.policyFailed;
        this.budgetMillis = b.budgetMillis;
        this.handovers = new HandoverLog(b.handoverCapacity);
    }

    /** @return a builder; uplinks and flows are required, the rest has defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds a policy, or replaces the one with the same service id; a policy registered again is
     * enabled again. Does not evaluate: the caller triggers {@link #evaluate} afterwards.
     *
     * @param name its {@link InterfaceSelectionPolicy#POLICY_NAME_PROPERTY}
     * @param ranking its service ranking
     * @param serviceId its service id
     * @param bundle the symbolic name of the bundle that registered it, for {@link PolicyDTO#bundle}
     * @param policy the policy
     * @throws IllegalArgumentException if the name is missing
     */
    public void addPolicy(String name, int ranking, long serviceId, String bundle, InterfaceSelectionPolicy policy) {
        registry.add(name, ranking, serviceId, bundle, policy);
    }

    /**
     * @param serviceId the service id given to {@link #addPolicy}
     * @return true if such a policy was registered
     */
    public boolean removePolicy(long serviceId) {
        return registry.remove(serviceId);
    }

    /**
     * Selects the active policy by name (the shell's {@code ifs:policy NAME}) and enables it again
     * if it was disabled after a failure.
     *
     * @param name a registered policy's name
     * @throws IllegalArgumentException naming the known policies if none has that name
     */
    public void setActive(String name) {
        registry.setActive(name);
    }

    /**
     * Sets the configured active policy name without checking it: a policy configured before it
     * is registered is used when it arrives. Enables it again if it was disabled.
     *
     * @param name the name, or null to use the highest-ranked policy
     */
    public void configureActive(String name) {
        registry.configure(name);
    }

    /** @return the configured active policy name, empty if none */
    public Optional<String> configuredActive() {
        return Optional.ofNullable(registry.configured());
    }

    /**
     * Evaluates on the engine executor: builds the context, asks the effective policy and
     * publishes the result.
     *
     * @param trigger what caused the evaluation, one of the {@code HandoverDTO.TRIGGER_} values
     * @param triggerTime when the trigger was seen, epoch milliseconds
     */
    public void evaluate(String trigger, long triggerTime) {
        Objects.requireNonNull(trigger, "trigger");
        engineExecutor.execute(() -> evaluateNow(trigger, triggerTime));
    }

    /** @return the decision in force; {@code Decision.noUplink("no decision yet")} before the first */
    public Decision current() {
        Published p = published;
        return p == null ? INITIAL : p.decision();
    }

    /** @return when the routing in force began, epoch milliseconds; 0 before the first decision */
    public long decidedAt() {
        Published p = published;
        return p == null ? 0 : p.decidedAt();
    }

    /** @return every registered policy, highest ranking first; {@code active} marks the effective one */
    public List<PolicyDTO> policies() {
        return registry.dtos(clock.getAsLong());
    }

    /**
     * @param limit the most handovers to return
     * @return the newest handovers, newest first
     */
    public List<HandoverDTO> handovers(int limit) {
        return handovers.newest(limit);
    }

    /** Stops the policy threads the engine made itself (none if a policy executor was given). */
    @Override
    public void close() {
        if (ownedPolicyExecutor != null) {
            ownedPolicyExecutor.shutdownNow();
        }
    }

    private void evaluateNow(String trigger, long triggerTime) {
        synchronized (evaluationLock) {
            long now = clock.getAsLong();
            Published before = published;
            Decision previous = before == null ? null : before.decision();
            long previousAt = before == null ? 0 : Math.min(before.decidedAt(), now);
            SelectionContext context = new SelectionContext(now, uplinks.get(), flows.get(), previous, previousAt);

            List<String> notes = new ArrayList<>();
            String unavailable = registry.configuredUnavailable(now);
            if (unavailable != null) {
                notes.add(unavailable);
            }
            Decision decision = null;
            String by = NO_POLICY;
            for (PolicySlot slot : registry.candidates(now)) {
                Outcome outcome = call(slot, context);
                if (outcome == null) {
                    return; // interrupted: the engine is stopping
                }
                if (outcome.failure() == null) {
                    decision = outcome.decision();
                    by = slot.name;
                    break;
                }
                notes.add("policy '" + slot.name + "' " + outcome.failure());
            }
            String prefix = String.join("; ", notes);
            if (decision == null) {
                decision = withoutPolicy(context, prefix);
            } else {
                if (!prefix.isEmpty()) {
                    decision = decision.toBuilder().reason(prefix + "; using '" + by + "', the highest-ranked remaining: "
                            + decision.reason()).build();
                }
                decision = keepCurrentIfNoneChosen(context, decision);
            }
            decision = overlay.apply(decision, context);
            publish(before, decision, now, trigger, triggerTime, by, context);
        }
    }

    private Outcome call(PolicySlot slot, SelectionContext context) {
        PolicyCall running = new PolicyCall(slot.policy, context, budgetMillis);
        long start = System.nanoTime();
        String failure;
        Decision decision = null;
        try {
            policyExecutor.execute(running.task());
            decision = running.await(start);
            failure = running.overrun() != null ? running.overrun() : validate(decision, context);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failure = "threw " + cause.getClass().getName() + ": " + cause.getMessage();
        } catch (RejectedExecutionException e) {
            failure = "could not be called: " + e.getMessage();
        } catch (InterruptedException e) {
            running.task().cancel(true);
            Thread.currentThread().interrupt();
            return null;
        }
        long micros = (System.nanoTime() - start) / 1_000;
        if (failure == null) {
            registry.succeeded(slot, micros);
            return new Outcome(decision, null);
        }
        registry.failed(slot, micros, failure, clock.getAsLong());
        try {
            policyFailed.accept(slot.name, failure);
        } catch (RuntimeException e) {
            // reporting must not stop the evaluation
        }
        return new Outcome(null, failure);
    }

    private static String validate(Decision decision, SelectionContext context) {
        if (decision == null) {
            return "returned no decision";
        }
        Optional<String> uplink = decision.defaultUplink();
        if (uplink.isPresent() && context.uplink(uplink.get()).isEmpty()) {
            return "chose the unknown uplink '" + uplink.get() + "'";
        }
        return null;
    }

    private static Decision withoutPolicy(SelectionContext context, String notes) {
        String why = notes.isEmpty() ? "no policy is available" : "no policy is available (" + notes + ")";
        Optional<String> kept = usableCurrent(context);
        if (kept.isPresent()) {
            return Decision.useUplink(kept.get(), why + "; keeping " + kept.get() + " while it is usable");
        }
        return context.usableUplinks().stream().map(UplinkSnapshot::id).sorted().findFirst()
                .map(id -> Decision.useUplink(id, why + "; using " + id + ", the usable uplink with the smallest id"))
                .orElseGet(() -> Decision.noUplink(why + " and no uplink is usable"));
    }

    private static Decision keepCurrentIfNoneChosen(SelectionContext context, Decision decision) {
        if (decision.defaultUplink().isPresent()) {
            return decision;
        }
        return usableCurrent(context).map(id -> decision.toBuilder().defaultUplink(id)
                .reason(decision.reason() + "; keeping " + id + " while it is usable").build()).orElse(decision);
    }

    private static Optional<String> usableCurrent(SelectionContext context) {
        return context.previousDecision().flatMap(Decision::defaultUplink)
                .filter(id -> context.uplink(id).map(UplinkSnapshot::isUsable).orElse(false));
    }

    private void publish(Published before, Decision decision, long now, String trigger, long triggerTime,
            String policy, SelectionContext context) {
        Decision previous = before == null ? null : before.decision();
        boolean routingChanged = !decision.sameRouting(previous);
        published = new Published(decision, routingChanged || before == null ? now : before.decidedAt());
        if (!routingChanged) {
            return;
        }
        String from = previous == null ? null : previous.defaultUplink().orElse(null);
        String to = decision.defaultUplink().orElse(null);
        HandoverMark mark = null;
        int moved = flowsMoved(context.flows(), decision);
        // a handover: the default uplink changed, or running flows were moved (per-flow policies)
        if (!Objects.equals(from, to) || moved > 0) {
            HandoverDTO h = new HandoverDTO();
            h.time = now;
            h.trigger = trigger;
            h.triggerTime = triggerTime;
            h.from = from;
            h.to = to;
            h.reason = decision.reason();
            h.policy = policy;
            h.flowsMoved = moved;
            h.triggerToTrafficMs = -1;
            HandoverDTO stored = handovers.append(h);
            // timed by the first packet over the new default; a move of single flows is not timed
            if (to != null && !Objects.equals(from, to)) {
                mark = new HandoverMark(to, triggerTime, ms -> handovers.recordTraffic(stored, ms));
            }
        }
        publishHook.published(decision, mark, trigger, policy, now);
        for (DecisionListener l : listeners.get()) {
            try {
                l.decisionChanged(previous, decision, now);
            } catch (RuntimeException e) {
                // a listener must not throw; the others are still told
            }
        }
    }

    private static int flowsMoved(List<FlowSnapshot> flows, Decision decision) {
        int moved = 0;
        for (FlowSnapshot f : flows) {
            if (f.currentUplink().isPresent()
                    && !f.currentUplink().equals(decision.uplinkFor(f.key(), f.dscp()))) {
                moved++;
            }
        }
        return moved;
    }

    /** Collects the engine's collaborators; not thread-safe. */
    public static final class Builder {
        private Executor engineExecutor = Runnable::run;
        private Executor policyExecutor;
        private Supplier<List<UplinkSnapshot>> uplinks;
        private Supplier<List<FlowSnapshot>> flows;
        private Supplier<List<DecisionListener>> listeners = List::of;
        private LongSupplier clock = System::currentTimeMillis;
        private BiFunction<Decision, SelectionContext, Decision> overlay = (d, c) -> d;
        private PublishHook publishHook = (d, m, t, p, at) -> { };
        private BiConsumer<String, String> policyFailed = (n, f) -> { };
        private long budgetMillis = 50;
        private int handoverCapacity = 256;

        private Builder() {
        }

        /**
         * @param executor runs evaluations, one at a time (default: the caller's thread)
         * @return this builder
         */
        public Builder engineExecutor(Executor executor) {
            this.engineExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param executor runs policy calls; must not queue a call behind one that overran
         *     (default: a cached pool of daemon threads, stopped by {@link PolicyEngine#close()})
         * @return this builder
         */
        public Builder policyExecutor(Executor executor) {
            this.policyExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param source every known uplink, read once per evaluation
         * @return this builder
         */
        public Builder uplinks(Supplier<List<UplinkSnapshot>> source) {
            this.uplinks = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param source the active flows, read once per evaluation
         * @return this builder
         */
        public Builder flows(Supplier<List<FlowSnapshot>> source) {
            this.flows = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param source the listeners to tell about routing changes, read at each change
         * @return this builder
         */
        public Builder listeners(Supplier<List<DecisionListener>> source) {
            this.listeners = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param millis the clock, epoch milliseconds (default: the system clock)
         * @return this builder
         */
        public Builder clock(LongSupplier millis) {
            this.clock = Objects.requireNonNull(millis, "millis");
            return this;
        }

        /**
         * @param millis how long a policy may take before it counts as failed (default 50)
         * @return this builder
         */
        public Builder budgetMillis(long millis) {
            if (millis < 1) {
                throw new IllegalArgumentException("policy time budget " + millis + " ms must be at least 1 ms");
            }
            this.budgetMillis = millis;
            return this;
        }

        /**
         * @param capacity how many handovers the log keeps (default 256)
         * @return this builder
         */
        public Builder handoverCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("handover log capacity " + capacity + " must be at least 1");
            }
            this.handoverCapacity = capacity;
            return this;
        }

        /**
         * @param function applied to every decision before it is published (operator pins and
         *     forbids); must return a decision
         * @return this builder
         */
        public Builder overlay(BiFunction<Decision, SelectionContext, Decision> function) {
            this.overlay = Objects.requireNonNull(function, "function");
            return this;
        }

        /**
         * @param hook told first whenever the routing changes (the switch publishes it to the data path)
         * @return this builder
         */
        public Builder onPublish(PublishHook hook) {
            this.publishHook = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /**
         * @param reporter told the policy name and the failure when a policy is disabled
         * @return this builder
         */
        public Builder onPolicyFailure(BiConsumer<String, String> reporter) {
            this.policyFailed = Objects.requireNonNull(reporter, "reporter");
            return this;
        }

        /** @return the engine */
        public PolicyEngine build() {
            return new PolicyEngine(this);
        }
    }
}
