package io.anyhome.nic.ethernet.internal;

import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.Technology;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Claims Ethernet interfaces and reports their cost, metered flag, speed and duplex. Up/down and
 * carrier are not polled here: the NIC registry has them from rtnetlink within milliseconds.
 * Plain Java; {@link EthernetDriverComponent} creates one per configuration and calls
 * {@link #refresh()} on its schedule.
 */
final class EthernetDriver implements NicDriver {
    /** The driver as the registry knows it: the registered service this one works for. */
    private volatile NicDriver service = this;
    static final String DUPLEX = "duplex";

    private final String name;
    private final EthernetSettings settings;
    private final NicRegistry registry;
    private final LinkSpeed sysfs;
    private final Consumer<String> warn;
    private final Map<String, NicHandle> handles = new ConcurrentHashMap<>();

    EthernetDriver(String name, EthernetSettings settings, NicRegistry registry, LinkSpeed sysfs, Consumer<String> warn) {
        this.name = name;
        this.settings = settings;
        this.registry = registry;
        this.sysfs = sysfs;
        this.warn = warn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Technology technology() {
        return Technology.ETHERNET;
    }

    @Override
    public void offered(NicCandidate candidate) {
        if (!settings.claims(candidate)) {
            return;
        }
        try {
            NicHandle handle = registry.claim(service, candidate.name());
            handles.put(candidate.name(), handle);
            handle.reportMetrics(Map.of(NicMetrics.COST, settings.cost(), NicMetrics.METERED, settings.metered() ? 1.0 : 0.0));
            refresh(handle);
        } catch (NicClaimException e) {
            warn.accept(e.getMessage());
        }
    }

    @Override
    public void released(NicHandle handle, String reason) {
        handles.remove(handle.interfaceName(), handle);
    }

    /** Reads speed and duplex of every claimed interface again. */
    void refresh() {
        handles.values().forEach(this::refresh);
    }

    private void refresh(NicHandle handle) {
        if (!handle.isValid()) {
            handles.remove(handle.interfaceName(), handle);
            return;
        }
        OptionalDouble speed = sysfs.speedMbps(handle.interfaceName());
        if (speed.isPresent()) {
            handle.reportMetrics(Map.of(NicMetrics.SPEED_MBPS, speed.getAsDouble()));
        } else {
            handle.removeMetric(NicMetrics.SPEED_MBPS);
        }
        Map<String, String> info = new HashMap<>();
        info.put(DUPLEX, sysfs.duplex(handle.interfaceName()));
        handle.reportInfo(info);
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
