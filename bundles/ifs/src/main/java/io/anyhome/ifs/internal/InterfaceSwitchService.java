package io.anyhome.ifs.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.DecisionListener;
import io.anyhome.api.ifs.FlowDTO;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.HandoverDTO;
import io.anyhome.api.ifs.IfsStatusDTO;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.ifs.MovementListener;
import io.anyhome.api.ifs.PolicyDTO;
import io.anyhome.api.ifs.UplinkDTO;
import io.anyhome.api.ifs.UplinkListener;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.mobility.MobilityService;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.path.Path;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.path.PathListener;
import io.anyhome.api.path.PathState;
import io.anyhome.api.AddressText;
import io.anyhome.ifs.internal.flow.FlowSwitch;
import io.anyhome.ifs.internal.flow.FlowTable;
import io.anyhome.ifs.internal.flow.HandoverMark;
import io.anyhome.ifs.internal.ra.RouterAdvertisementWatch;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Interface Switching module assembled, without OSGi: the {@link PolicyEngine} fed with
 * uplink snapshots from the NIC registry and the paths, the {@link FlowSwitch} on the data path,
 * the operator's pins and forbids, and the engine thread that evaluates on every signal (uplink
 * up/down, path state, policy and operator changes) and at least once per interval, expires idle
 * flows, and meters each uplink's usage from its interface counters ({@link UsageMeter}) after
 * an evaluation, at most once a second.
 *
 * <p>Signals arrive on the threads that saw them ({@link UplinkListener}, {@link PathListener})
 * and only queue an evaluation; the data path ({@link #pathFor}) never waits for the engine.
 */
public final class InterfaceSwitchService implements InterfaceSwitch, UplinkListener, PathListener, AutoCloseable {
    /** What the switch tells its host (logs, events); called on the engine thread. */
    public interface Reports {
        /** Traffic moved to another default uplink. */
        void switched(String from, String to, String trigger, String reason, String policy, long at);

        /** A decision that routes differently was published. */
        void decided(String uplink, String reason, String policy);

        /** A policy failed and is disabled. */
        void policyFailed(String policy, String failure);

        /** The policy that decides changed. */
        void policyChanged(String policy, String reason);

        /** Movement to another access network was detected on an uplink. */
        void moved(String uplink, String cause, long at);

        /** Something went wrong in the background. */
        void problem(String message, Throwable cause);
    }

    private static final long OPERATOR_WAIT_MS = 5_000;
    /** The shortest time between two readings of the interface counters for the usage meter. */
    static final long USAGE_SAMPLE_MS = 1_000;

    private final IfsConfiguration config;
    private final NicRegistry registry;
    private final LongSupplier clock;
    private final Reports reports;
    private final ScheduledExecutorService engineThread;
    private final PolicyEngine engine;
    private final FlowSwitch flowSwitch;
    private final OperatorControl operator = new OperatorControl();
    private final UplinkView uplinkView = new UplinkView();
    private final Map<String, Path> paths = new ConcurrentHashMap<>();
    private final List<DecisionListener> decisionListeners = new CopyOnWriteArrayList<>();
    private final UsageMeter usage;
    /** When the interface counters were last read (engine thread only). */
    private long lastUsageSample = Long.MIN_VALUE;
    private volatile Supplier<List<AccessLinkDTO>> accessLinks = List::of;
    private final CopyOnWriteArrayList<MovementListener> movementListeners = new CopyOnWriteArrayList<>();
    private final MovementListener movements = new Movements();
    private volatile RouterAdvertisementWatch raWatch;
    /** The platform watched, whose interface counters the usage meter reads. */
    private volatile Platform watched;
    private volatile MobilityService mobility;
    private volatile List<UplinkSnapshot> lastUplinks = List.of();
    private volatile String lastDecidingPolicy;

    /**
     * @param config the settings
     * @param registry the NIC registry: the uplinks are the NICs a driver claimed
     * @param clock epoch milliseconds
     * @param reports told about switches, decisions and failures
     */
    public InterfaceSwitchService(IfsConfiguration config, NicRegistry registry, LongSupplier clock, Reports reports) {
        this(config, registry, clock, reports, null);
    }

    /**
     * @param config the settings
     * @param registry the NIC registry: the uplinks are the NICs a driver claimed
     * @param clock epoch milliseconds
     * @param reports told about switches, decisions and failures
     * @param usageFile where the uplinks' usage is kept across restarts, or null to keep it in memory
     */
    public InterfaceSwitchService(IfsConfiguration config, NicRegistry registry, LongSupplier clock, Reports reports,
            java.nio.file.Path usageFile) {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.reports = reports;
        this.engineThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "anyhome-ifs-engine");
            t.setDaemon(true);
            return t;
        });
        this.flowSwitch = new FlowSwitch(new FlowTable(config.flowTableSlots()), clock);
        long now = clock.getAsLong();
        this.usage = new UsageMeter(config.accountingDay(), now, usageFile == null ? null : new UsageFile(usageFile),
                m -> reports.problem(m, null));
        usage.load(now);
        this.engine = PolicyEngine.builder()
                .uplinks(this::policyUplinks)
                .flows(flowSwitch::snapshots)
                .listeners(() -> decisionListeners)
                .clock(clock)
                .budgetMillis(config.policyBudgetMs())
                .handoverCapacity(config.handoverLogSize())
                .overlay(operator::apply)
                .onPublish(this::published)
                .onPolicyFailure(reports::policyFailed)
                .build();
        engine.configureActive(config.policy());
    }

    /** Starts the periodic evaluation; the first runs at once. */
    public void start() {
        long interval = config.evaluationIntervalMs();
        engineThread.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts watching Router Advertisements on every interface of a platform (replacing the watch
     * of a previous one): access links for {@code ra:list}, care-of addresses for the snapshots,
     * movement signals for an evaluation and for the {@link MovementListener} services; and
     * reading the uplinks' interface counters for the usage meter.
     *
     * @param platform the platform
     */
    public synchronized void watch(Platform platform) {
        unwatch();
        watched = platform;
        RouterAdvertisementWatch w = new RouterAdvertisementWatch(platform, clock, movements,
                m -> reports.problem(m, null));
        try {
            w.start();
        } catch (PlatformException | RuntimeException e) {
            w.close();
            reports.problem("cannot watch Router Advertisements: " + e.getMessage(), e);
            return;
        }
        raWatch = w;
        accessLinks = w::accessLinks;
    }

    /**
     * Stops watching a platform's Router Advertisements, if it is the one watched.
     *
     * @param platform the platform going away
     */
    public synchronized void unwatch(Platform platform) {
        if (platform == watched) {
            unwatch();
        }
    }

    /** Stops watching Router Advertisements. */
    public synchronized void unwatch() {
        watched = null;
        if (raWatch != null) {
            raWatch.close();
            raWatch = null;
        }
        accessLinks = List::of;
    }

    @Override
    public void close() {
        engineThread.shutdownNow();
        try {
            engineThread.awaitTermination(OPERATOR_WAIT_MS, TimeUnit.MILLISECONDS);
            long now = clock.getAsLong();
            sampleUsage(now);
            usage.save(now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            reports.problem("cannot save the uplinks' usage", e);
        }
        unwatch();
        engine.close();
    }

    /** @param mobility the mobility service whose bindings the snapshots show */
    void mobility(MobilityService mobility) {
        this.mobility = mobility;
    }

    /** @param gone a mobility service going away; forgotten if it is the one in use */
    synchronized void mobilityGone(MobilityService gone) {
        if (mobility == gone) {
            mobility = null;
        }
    }

    /** @return the mobility service's binding update list, empty without one or if it fails */
    private List<BindingDTO> mobilityBindings() {
        MobilityService m = mobility;
        if (m == null) {
            return List.of();
        }
        try {
            return m.bindings();
        } catch (RuntimeException e) {
            reports.problem("the mobility service failed to list its bindings", e);
            return List.of();
        }
    }

    private static Map<String, BindingState> bindingStates(List<BindingDTO> bindings) {
        Map<String, BindingState> out = new java.util.HashMap<>();
        for (BindingDTO b : bindings) {
            if (b.uplink != null && b.state != null) {
                out.put(b.uplink, b.state);
            }
        }
        return out;
    }

    /**
     * The care-of address of each uplink: the one movement detection found (Router
     * Advertisements, SLAAC), else the one mobility registers (an IPv4 uplink has no
     * advertisements; the home link's entry is the home address, not a care-of address).
     */
    private Map<String, InetAddress> careOfAddresses(List<BindingDTO> bindings) {
        Map<String, InetAddress> out = new java.util.HashMap<>();
        for (AccessLinkDTO link : accessLinks.get()) {
            if (link.careOfAddress != null && (AccessLinkDTO.COA_USABLE.equals(link.careOfAddressState)
                    || AccessLinkDTO.COA_OPTIMISTIC.equals(link.careOfAddressState))) {
                out.put(link.interfaceName, AddressText.parse(link.careOfAddress));
            }
        }
        for (BindingDTO b : bindings) {
            if (b.uplink != null && b.careOfAddress != null && b.state != BindingState.AT_HOME
                    && !out.containsKey(b.uplink)) {
                try {
                    out.put(b.uplink, AddressText.parse(b.careOfAddress));
                } catch (IllegalArgumentException notAnAddress) {
                    // a listing is no reason to fail an evaluation
                }
            }
        }
        return out;
    }

    /**
     * Adds a listener and tells it the care-of addresses announced so far: addresses announced
     * before it came (a node's start, a mobility bundle restarted) would otherwise never reach it.
     * Movement detection holds its signals meanwhile, so a care-of address that goes down then
     * reaches the listener after its announcement, not before.
     */
    void addMovementListener(MovementListener l) {
        RouterAdvertisementWatch w = raWatch;
        if (w == null) {
            movementListeners.addIfAbsent(l);
        } else {
            w.join(() -> movementListeners.addIfAbsent(l), l, clock.getAsLong());
        }
    }

    void removeMovementListener(MovementListener l) {
        movementListeners.remove(l);
    }

    /**
     * Movement detection's signals (one at a time: the detector is synchronized): an evaluation at
     * once, then the listeners (mobility).
     */
    private final class Movements implements MovementListener {
        @Override
        public void careOfAddressUp(String uplink, InetAddress careOfAddress, long atMillis) {
            trigger(HandoverDTO.TRIGGER_LINK_UP, atMillis);
            for (MovementListener l : movementListeners) {
                call(() -> l.careOfAddressUp(uplink, careOfAddress, atMillis));
            }
        }

        @Override
        public void careOfAddressDown(String uplink, InetAddress careOfAddress, long atMillis, String cause) {
            trigger(HandoverDTO.TRIGGER_LINK_DOWN, atMillis);
            for (MovementListener l : movementListeners) {
                call(() -> l.careOfAddressDown(uplink, careOfAddress, atMillis, cause));
            }
        }

        @Override
        public void movementDetected(String uplink, String cause, long atMillis) {
            trigger(HandoverDTO.TRIGGER_PATH, atMillis);
            reports.moved(uplink, cause, atMillis);
            for (MovementListener l : movementListeners) {
                call(() -> l.movementDetected(uplink, cause, atMillis));
            }
        }

        private void call(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                reports.problem("a movement listener failed", e);
            }
        }
    }

    // ---- what the component feeds in

    void addPolicy(String name, int ranking, long serviceId, String bundle, InterfaceSelectionPolicy policy) {
        engine.addPolicy(name, ranking, serviceId, bundle, policy);
        trigger(HandoverDTO.TRIGGER_POLICY, clock.getAsLong());
    }

    void removePolicy(long serviceId) {
        if (engine.removePolicy(serviceId)) {
            trigger(HandoverDTO.TRIGGER_POLICY, clock.getAsLong());
        }
    }

    void configurePolicy(String name) {
        engine.configureActive(name);
        trigger(HandoverDTO.TRIGGER_POLICY, clock.getAsLong());
    }

    /** @param path a path service that arrived */
    public void addPath(Path path) {
        paths.put(path.uplink(), path);
        pathsChanged();
    }

    /** @param path a path service that went away */
    public void removePath(Path path) {
        if (paths.remove(path.uplink(), path)) {
            pathsChanged();
        }
    }

    private void pathsChanged() {
        long now = clock.getAsLong();
        engineThread.execute(() -> flowSwitch.updatePaths(Map.copyOf(paths)));
        trigger(HandoverDTO.TRIGGER_PATH, now);
    }

    void addDecisionListener(DecisionListener l) {
        decisionListeners.add(l);
    }

    void removeDecisionListener(DecisionListener l) {
        decisionListeners.remove(l);
    }

    // ---- fast signals

    @Override
    public void uplinkUp(String uplink, long atMillis) {
        trigger(HandoverDTO.TRIGGER_LINK_UP, atMillis);
    }

    @Override
    public void uplinkDown(String uplink, long atMillis, String cause) {
        trigger(HandoverDTO.TRIGGER_LINK_DOWN, atMillis);
    }

    @Override
    public void pathStateChanged(Path path, PathState previous, PathState current, long atMillis) {
        trigger(HandoverDTO.TRIGGER_PATH, atMillis);
    }

    /**
     * Queues an evaluation on the engine thread.
     *
     * @param trigger one of the {@code HandoverDTO.TRIGGER_} values
     * @param atMillis when the trigger was seen
     * @return the queued evaluation
     */
    public Future<?> trigger(String trigger, long atMillis) {
        try {
            return engineThread.submit(() -> evaluate(trigger, atMillis));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    private void evaluate(String trigger, long atMillis) {
        try {
            String before = lastDecidingPolicy;
            engine.evaluate(trigger, atMillis);
            String now = effectivePolicy();
            if (!Objects.equals(before, now)) {
                lastDecidingPolicy = now;
                reports.policyChanged(now == null ? PolicyEngine.NO_POLICY : now, fallbackReason());
            }
        } catch (RuntimeException e) {
            reports.problem("interface switch evaluation failed (" + trigger + ")", e);
        }
        meterUsage();
    }

    /**
     * After an evaluation, so that reading the counters never delays a handover's decision, and
     * at most once per {@link #USAGE_SAMPLE_MS}: a policy sees usage at most that much behind.
     */
    private void meterUsage() {
        long now = clock.getAsLong();
        if (lastUsageSample != Long.MIN_VALUE && now - lastUsageSample < USAGE_SAMPLE_MS && now >= lastUsageSample) {
            return;
        }
        lastUsageSample = now;
        try {
            sampleUsage(now);
            usage.saveIfDue(now);
        } catch (RuntimeException e) {
            reports.problem("cannot meter the uplinks' usage", e);
        }
    }

    private void tick() {
        long now = clock.getAsLong();
        try {
            flowSwitch.expire(now, config.flowIdleSeconds() * 1000L);
        } catch (RuntimeException e) {
            reports.problem("interface switch maintenance failed", e);
        }
        evaluate(HandoverDTO.TRIGGER_DECISION, now);
    }

    /**
     * Reads the interface counters of every uplink (a NIC a driver claimed) into the meter; an
     * interface that cannot be read now keeps its total. Without a platform nothing is read, but
     * the accounting period still rolls over.
     */
    private void sampleUsage(long now) {
        Platform p = watched;
        Map<String, UsageMeter.Reading> readings = new java.util.HashMap<>();
        if (p != null) {
            for (NicDTO nic : registry.list()) {
                if (nic.driver == null || nic.name == null) {
                    continue;
                }
                try {
                    int index = nic.index > 0 ? nic.index : p.interfaceIndex(nic.name);
                    readings.put(nic.name, new UsageMeter.Reading(index, p.linkStatistics(index).totalBytes()));
                } catch (PlatformException gone) {
                    // the interface is gone or being recreated: the next reading settles it
                }
            }
        }
        usage.sample(now, readings);
    }

    private List<UplinkSnapshot> allUplinks() {
        List<BindingDTO> bindings = mobilityBindings();
        List<UplinkSnapshot> all = uplinkView.snapshot(clock.getAsLong(), registry.list(), paths,
                careOfAddresses(bindings), usage.usage(), bindingStates(bindings));
        lastUplinks = all;
        return all;
    }

    private List<UplinkSnapshot> policyUplinks() {
        return allUplinks().stream().filter(u -> !operator.isForbidden(u.id())).toList();
    }

    private void published(Decision decision, HandoverMark handover, String trigger, String policy, long at) {
        List<String> ids = lastUplinks.stream().map(UplinkSnapshot::id).toList();
        flowSwitch.publish(decision, operator.pins(), ids, Map.copyOf(paths), handover);
        reports.decided(decision.defaultUplink().orElse(null), decision.reason(), policy);
        if (handover != null || decision.defaultUplink().isEmpty()) {
            List<HandoverDTO> last = engine.handovers(1);
            if (!last.isEmpty() && last.get(0).time == at) {
                HandoverDTO h = last.get(0);
                reports.switched(h.from, h.to, h.trigger, h.reason, h.policy, at);
            }
        }
    }

    // ---- InterfaceSwitch

    @Override
    public Path pathFor(ByteBuffer packet) {
        return flowSwitch.pathFor(packet);
    }

    @Override
    public IfsStatusDTO status() {
        IfsStatusDTO s = new IfsStatusDTO();
        s.activePolicy = effectivePolicy();
        s.policyFallback = fallbackReason();
        Decision d = engine.current();
        s.defaultUplink = d.defaultUplink().orElse(null);
        s.decisionReason = d.reason();
        s.decidedAt = engine.decidedAt();
        s.lastEvaluationMicros = engine.policies().stream().filter(p -> p.active).mapToLong(p -> p.lastEvaluationMicros)
                .findFirst().orElse(0);
        Map<String, Integer> perUplink = flowSwitch.flowsPerUplink();
        Map<String, Long> metered = usage.usage(); // the latest reading, perhaps newer than the last evaluation's
        s.uplinks = lastUplinks.stream().map(u -> uplinkDTO(u, perUplink, metered)).toList();
        s.pins = operator.pins().stream().map(p -> p.rule() + " -> " + p.uplink()).toList();
        s.forbidden = List.copyOf(operator.forbidden());
        s.activeFlows = perUplink.values().stream().mapToInt(Integer::intValue).sum();
        s.failure = d.defaultUplink().isEmpty() ? "no usable uplink: " + d.reason() : null;
        return s;
    }

    private UplinkDTO uplinkDTO(UplinkSnapshot u, Map<String, Integer> flows, Map<String, Long> metered) {
        UplinkDTO d = new UplinkDTO();
        d.id = u.id();
        d.technology = u.technology().name();
        d.state = u.state();
        d.pathState = u.pathState();
        d.bindingState = u.bindingState();
        d.careOfAddress = u.careOfAddress().map(AddressText::format).orElse(null);
        d.usable = u.isUsable();
        d.forbidden = operator.isForbidden(u.id());
        d.flows = flows.getOrDefault(u.id(), 0);
        d.cost = u.cost();
        d.metered = u.metered();
        d.usageBytes = metered.getOrDefault(u.id(), u.usageBytes());
        return d;
    }

    private String effectivePolicy() {
        return engine.policies().stream().filter(p -> p.active).map(p -> p.name).findFirst().orElse(null);
    }

    private String fallbackReason() {
        String configured = engine.configuredActive().orElse(null);
        String active = effectivePolicy();
        if (active == null) {
            return "no policy is registered; the switch keeps the current uplink while it is usable";
        }
        if (configured == null) {
            return "no policy configured; using '" + active + "', the highest-ranked";
        }
        if (!configured.equals(active)) {
            PolicyDTO failed = engine.policies().stream().filter(p -> p.name.equals(configured)).findFirst().orElse(null);
            return "policy '" + configured + "' " + (failed == null ? "is not registered"
                    : "is disabled (" + failed.lastFailure + ")") + "; using '" + active + "', the highest-ranked remaining";
        }
        return null;
    }

    @Override
    public List<PolicyDTO> policies() {
        return engine.policies();
    }

    @Override
    public void selectPolicy(String name) throws AnyhomeException {
        try {
            engine.setActive(name);
        } catch (IllegalArgumentException e) {
            throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, e.getMessage());
        }
        await(trigger(HandoverDTO.TRIGGER_POLICY, clock.getAsLong()));
    }

    @Override
    public List<FlowDTO> flows() {
        return flowSwitch.flows();
    }

    @Override
    public void pin(FlowRule rule, String uplink) throws AnyhomeException {
        Objects.requireNonNull(rule, "rule");
        requireKnown(uplink);
        operator.pin(rule, uplink);
        await(trigger(HandoverDTO.TRIGGER_OPERATOR, clock.getAsLong()));
    }

    @Override
    public void forbid(String uplink) throws AnyhomeException {
        requireKnown(uplink);
        List<UplinkSnapshot> usable = allUplinks().stream()
                .filter(u -> u.isUsable() && !operator.isForbidden(u.id())).toList();
        if (usable.size() == 1 && usable.get(0).id().equals(uplink)) {
            throw new AnyhomeException(AnyhomeException.Code.CONFLICT, "uplink " + uplink
                    + " is the last usable uplink; forbidding it would leave the node without a path");
        }
        operator.forbid(uplink);
        await(trigger(HandoverDTO.TRIGGER_OPERATOR, clock.getAsLong()));
    }

    @Override
    public void clear() {
        operator.clear();
        await(trigger(HandoverDTO.TRIGGER_OPERATOR, clock.getAsLong()));
    }

    @Override
    public List<HandoverDTO> handovers(int limit) {
        return engine.handovers(limit);
    }

    @Override
    public List<AccessLinkDTO> accessLinks() {
        return accessLinks.get();
    }

    private void requireKnown(String uplink) throws AnyhomeException {
        if (uplink == null || allUplinks().stream().noneMatch(u -> u.id().equals(uplink))) {
            throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no uplink '" + uplink + "'; known: "
                    + String.join(", ", allUplinks().stream().map(UplinkSnapshot::id).toList()));
        }
    }

    private void await(Future<?> evaluation) {
        try {
            evaluation.get(OPERATOR_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            reports.problem("the evaluation after an operator command did not finish", e);
        }
    }

    /** @return packets routed without a flow entry (unclassifiable, table full) */
    public long unplacedPackets() {
        return flowSwitch.unclassified() + flowSwitch.overflows();
    }
}
