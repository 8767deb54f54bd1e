package io.anyhome.nic.cellular.internal;

import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.Technology;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Claims cellular (WWAN) interfaces and reports what its configuration says about the modem:
 * signal in dBm, signal quality in percent, access technology, operator, registration state
 * (which may hold the interface DORMANT or DOWN), cost and metered flag.
 *
 * <p>Reading these from the modem through ModemManager over D-Bus is a later step: it needs a
 * D-Bus library and a ModemManager to test against, neither of which this build has. Until then
 * the configured values stand in, and up/down comes from the NIC registry's rtnetlink view.
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
            handles.put(candidate.name(), handle);
            report(handle);
        } catch (NicClaimException e) {
            warn.accept(e.getMessage());
        }
    }

    private void report(NicHandle handle) {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put(NicMetrics.COST, settings.cost());
        metrics.put(NicMetrics.METERED, settings.metered() ? 1.0 : 0.0);
        settings.signalDbm().ifPresent(v -> metrics.put(NicMetrics.SIGNAL_DBM, v));
        settings.signalQualityPercent().ifPresent(v -> metrics.put(SIGNAL_QUALITY_PERCENT, v));
        ModemRegistration registration = settings.registration();
        if (registration == ModemRegistration.HOME || registration == ModemRegistration.ROAMING) {
            metrics.put(ROAMING, registration == ModemRegistration.ROAMING ? 1.0 : 0.0);
        }
        handle.reportMetrics(metrics);
        Map<String, String> info = new HashMap<>();
        info.put(REGISTRATION, registration.text());
        info.put(ACCESS_TECHNOLOGY, settings.accessTechnology().isEmpty() ? null : settings.accessTechnology());
        info.put(OPERATOR, settings.operator().isEmpty() ? null : settings.operator());
        handle.reportInfo(info);
        if (registration.state() != null) {
            handle.reportState(registration.state(), true);
            handle.reportFailure("modem registration " + registration.text());
        }
    }

    @Override
    public void released(NicHandle handle, String reason) {
        handles.remove(handle.interfaceName(), handle);
    }

    /** Gives every claim back. */
    void close() {
        handles.values().forEach(NicHandle::close);
        handles.clear();
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
