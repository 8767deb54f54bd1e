package com.example.satellite;

import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.Technology;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * A vendor's NIC driver for a technology anyhome does not know: claims every interface whose name
 * starts with {@code sat}, as technology {@code satellite}, and reports it as expensive and
 * metered with the modem's latency. It depends on the anyhome api alone.
 */
@Component(service = NicDriver.class, immediate = true)
public class SatelliteDriver implements NicDriver {
    /** The vendor's technology: a value, not an entry in an anyhome enum. */
    static final Technology SATELLITE = Technology.of("satellite");

    private final Map<String, NicHandle> handles = new ConcurrentHashMap<>();

    @Reference
    private NicRegistry registry;

    @Override
    public String name() {
        return "example-satellite";
    }

    @Override
    public Technology technology() {
        return SATELLITE;
    }

    @Override
    public void offered(NicCandidate candidate) {
        if (!candidate.name().startsWith("sat")) {
            return;
        }
        try {
            NicHandle handle = registry.claim(this, candidate.name());
            handles.put(candidate.name(), handle);
            handle.reportMetrics(Map.of(NicMetrics.COST, 50.0, NicMetrics.METERED, 1.0, "satellite.latency.ms", 600.0));
        } catch (NicClaimException e) {
            // another driver owns it; the registry shows the refusal in nic:list
        }
    }

    @Override
    public void released(NicHandle handle, String reason) {
        handles.remove(handle.interfaceName(), handle);
    }

    @Deactivate
    void deactivate() {
        handles.values().forEach(NicHandle::close);
    }
}
