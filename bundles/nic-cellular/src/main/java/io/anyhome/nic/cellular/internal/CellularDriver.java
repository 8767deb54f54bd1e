package io.anyhome.nic.cellular.internal;

import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Claims cellular (WWAN) interfaces and reports what it knows about the modem: signal quality in
 * percent, access technology, operator and registration state (which may hold the interface
 * DORMANT or DOWN) from ModemManager when it knows the modem owning the interface (see
 * {@link #modemsChanged}), else from the configuration; signal in dBm, cost and metered flag
 * always from the configuration. Up/down otherwise comes from the NIC registry's rtnetlink view.
 */
final class CellularDriver implements NicDriver {
    /** The driver as the registry knows it: the registered service this one works for. */
    private volatile NicDriver service = this;
    static final String SIGNAL_QUALITY_PERCENT = "signal.quality.percent";
    static final String ROAMING = "roaming";
    static final String ACCESS_TECHNOLOGY = "access.technology";
    static final String OPERATOR = "operator";
    static final String REGISTRATION = "registration";

    private final String name;
    private final CellularSettings settings;
    private final NicRegistry registry;
    private final Consumer<String> warn;
    private final Map<String, NicHandle> handles = new ConcurrentHashMap<>();
    /** What was last reported per interface. */
    private final Map<String, ModemFacts> reported = new HashMap<>();
    private Function<String, Optional<ModemFacts>> modems = name -> Optional.empty();

    CellularDriver(String name, CellularSettings settings, NicRegistry registry, Consumer<String> warn) {
        this.name = name;
        this.settings = settings;
        this.registry = registry;
        this.warn = warn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Technology technology() {
        return Technology.CELLULAR;
    }

    @Override
    public void offered(NicCandidate candidate) {
        if (!settings.claims(candidate)) {
            return;
        }
        try {
            NicHandle handle = registry.claim(service, candidate.name());
            synchronized (this) {
                handles.put(candidate.name(), handle);
                reported.remove(candidate.name());
                update(handle);
            }
        } catch (NicClaimException e) {
            warn.accept(e.getMessage());
        }
    }

    /**
     * Takes ModemManager's current view and reports what changed for the claimed interfaces.
     *
     * @param lookup the facts of the modem owning an interface, empty where ModemManager knows
     *        none (then the configured values stand)
     */
    synchronized void modemsChanged(Function<String, Optional<ModemFacts>> lookup) {
        modems = lookup;
        handles.values().forEach(this::update);
    }

    private void update(NicHandle handle) {
        ModemFacts facts = modems.apply(handle.interfaceName()).orElseGet(() -> ModemFacts.configured(settings));
        ModemFacts before = reported.put(handle.interfaceName(), facts);
        if (!facts.equals(before)) {
            report(handle, facts, before);
        }
    }

    private void report(NicHandle handle, ModemFacts facts, ModemFacts before) {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put(NicMetrics.COST, settings.cost());
        metrics.put(NicMetrics.METERED, settings.metered() ? 1.0 : 0.0);
        settings.signalDbm().ifPresent(v -> metrics.put(NicMetrics.SIGNAL_DBM, v));
        facts.signalQualityPercent().ifPresent(v -> metrics.put(SIGNAL_QUALITY_PERCENT, v));
        ModemRegistration registration = facts.registration();
        boolean registered = registration == ModemRegistration.HOME || registration == ModemRegistration.ROAMING;
        if (registered) {
            metrics.put(ROAMING, registration == ModemRegistration.ROAMING ? 1.0 : 0.0);
        }
        handle.reportMetrics(metrics);
        if (before != null && facts.signalQualityPercent().isEmpty()) {
            handle.removeMetric(SIGNAL_QUALITY_PERCENT);
        }
        if (before != null && !registered) {
            handle.removeMetric(ROAMING);
        }
        Map<String, String> info = new HashMap<>();
        info.put(REGISTRATION, registration.text());
        info.put(ACCESS_TECHNOLOGY, facts.accessTechnology().isEmpty() ? null : facts.accessTechnology());
        info.put(OPERATOR, facts.operator().isEmpty() ? null : facts.operator());
        handle.reportInfo(info);
        if (registration.state() != null) {
            handle.reportState(registration.state(), true);
            handle.reportFailure("modem registration " + registration.text());
        } else if (before != null && before.registration().state() != null) {
            handle.reportState(NicState.UNKNOWN, true);
            handle.reportFailure(null);
        }
    }

    @Override
    public void released(NicHandle handle, String reason) {
        synchronized (this) {
            if (handles.remove(handle.interfaceName(), handle)) {
                reported.remove(handle.interfaceName());
            }
        }
    }

    /** Gives every claim back. */
    synchronized void close() {
        handles.values().forEach(NicHandle::close);
        handles.clear();
        reported.clear();
    }

    /**
     * Claims on behalf of the registered {@link NicDriver} service that delegates to this driver:
     * the registry grants claims to the services it tracks.
     *
     * @param registered the component registered as the driver service
     */
    void claimAs(NicDriver registered) {
        service = registered;
    }
}
