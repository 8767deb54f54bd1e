package io.anyhome.nic.wlan.internal;

import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.WirelessStation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Claims WLAN interfaces and reports, on each {@link #poll()}, the signal in dBm and the SSID,
 * BSSID and frequency of the access point from {@link Platform#wirelessStation(int)}; when the
 * platform knows no station, the signal alone from {@code /proc/net/wireless}; when neither knows,
 * nothing (the values are removed). Up/down stays with the NIC registry's rtnetlink view: an
 * interface without station information (the lab's veth "wlan0") is not thereby down.
 * Plain Java; {@link WlanDriverComponent} polls it on its own thread.
 */
final class WlanDriver implements NicDriver {
    /** The driver as the registry knows it: the registered service this one works for. */
    private volatile NicDriver service = this;
    static final String SSID = "ssid";
    static final String BSSID = "bssid";
    static final String FREQUENCY_MHZ = "frequency.mhz";

    private final String name;
    private final WlanSettings settings;
    private final NicRegistry registry;
    private final Supplier<Platform> platform;
    private final ProcNetWireless proc;
    private final Consumer<String> warn;
    private final Map<String, NicHandle> handles = new ConcurrentHashMap<>();

    WlanDriver(String name, WlanSettings settings, NicRegistry registry, Supplier<Platform> platform,
            ProcNetWireless proc, Consumer<String> warn) {
        this.name = name;
        this.settings = settings;
        this.registry = registry;
        this.platform = platform;
        this.proc = proc;
        this.warn = warn;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Technology technology() {
        return Technology.WLAN;
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
            poll(handle);
        } catch (NicClaimException e) {
            warn.accept(e.getMessage());
        }
    }

    @Override
    public void released(NicHandle handle, String reason) {
        handles.remove(handle.interfaceName(), handle);
    }

    /** Reads the station of every claimed interface and reports it. */
    void poll() {
        handles.values().forEach(this::poll);
    }

    private void poll(NicHandle handle) {
        if (!handle.isValid()) {
            handles.remove(handle.interfaceName(), handle);
            return;
        }
        Optional<WirelessStation> station = station(handle);
        Map<String, String> info = new HashMap<>();
        if (station.isPresent()) {
            WirelessStation s = station.get();
            handle.reportMetrics(Map.of(NicMetrics.SIGNAL_DBM, (double) s.signalDbm()));
            info.put(SSID, s.ssid());
            info.put(BSSID, s.bssid());
            info.put(FREQUENCY_MHZ, s.frequencyMhz() > 0 ? Integer.toString(s.frequencyMhz()) : null);
        } else {
            OptionalInt level = proc.signalDbm(handle.interfaceName());
            if (level.isPresent()) {
                handle.reportMetrics(Map.of(NicMetrics.SIGNAL_DBM, (double) level.getAsInt()));
            } else {
                handle.removeMetric(NicMetrics.SIGNAL_DBM);
            }
            info.put(SSID, null);
            info.put(BSSID, null);
            info.put(FREQUENCY_MHZ, null);
        }
        handle.reportInfo(info);
    }

    private Optional<WirelessStation> station(NicHandle handle) {
        Platform p = platform.get();
        if (p == null) {
            return Optional.empty();
        }
        try {
            return p.wirelessStation(handle.interfaceIndex());
        } catch (PlatformException | RuntimeException e) {
            return Optional.empty();
        }
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
