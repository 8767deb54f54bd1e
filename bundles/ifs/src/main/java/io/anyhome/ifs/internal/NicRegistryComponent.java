package io.anyhome.ifs.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.Registration;
import io.anyhome.api.event.EventProperties;
import io.anyhome.api.event.EventTopics;
import io.anyhome.api.ifs.UplinkListener;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@link NicRegistry} service: a thin adapter that feeds a {@link NicTable} with the platform's
 * link events (if a {@link Platform} is there) and with the {@link NicDriver} services
 * (whiteboard), and fans its signals out to {@link UplinkListener} services (fast, on the thread
 * that saw the change) and to EventAdmin ({@code io/anyhome/nic/...}, if EventAdmin is there).
 */
@Component(service = NicRegistry.class, immediate = true)
public class NicRegistryComponent implements NicRegistry, NicSignals {
    private final Logger logger;
    private final ExecutorService offers;
    private final NicTable table;
    private final List<UplinkListener> uplinkListeners = new CopyOnWriteArrayList<>();
    private volatile EventAdmin events;
    private Platform platform;
    private Registration monitor;

    @Activate
    public NicRegistryComponent(@Reference(service = LoggerFactory.class) Logger logger) {
        this.logger = logger;
        this.offers = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "anyhome-nic-offers");
            t.setDaemon(true);
            return t;
        });
        this.table = new NicTable(offers, this, System::currentTimeMillis);
    }

    @Deactivate
    synchronized void deactivate() {
        closeMonitor();
        table.releaseAll("the NIC registry is stopping");
        offers.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindPlatform(Platform p) {
        if (platform != null) {
            closeMonitor();
            table.forgetAllLinks("platform replaced");
        }
        platform = p;
        table.detailsFrom(index -> {
            try {
                return p.linkDetails(index);
            } catch (PlatformException e) {
                return new LinkDetails("", false);
            }
        });
        try {
            monitor = p.monitor(table);
        } catch (PlatformException e) {
            logger.error("NIC registry cannot watch links: {}", e.getMessage(), e);
        }
    }

    synchronized void unbindPlatform(Platform p) {
        if (platform == p) {
            closeMonitor();
            platform = null;
            table.forgetAllLinks("platform gone");
        }
    }

    private void closeMonitor() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(NicDriver driver, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        table.addDriver(driver, ranking instanceof Integer r ? r : 0);
    }

    void unbindDriver(NicDriver driver) {
        table.removeDriver(driver);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindUplinkListener(UplinkListener listener) {
        uplinkListeners.add(listener);
        long now = System.currentTimeMillis();
        for (String[] up : table.upNow()) {
            call(() -> listener.uplinkUp(up[0], now));
        }
    }

    void unbindUplinkListener(UplinkListener listener) {
        uplinkListeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin eventAdmin) {
        events = eventAdmin;
    }

    void unbindEventAdmin(EventAdmin eventAdmin) {
        if (events == eventAdmin) {
            events = null;
        }
    }

    // ---- NicRegistry, delegated

    @Override
    public NicHandle claim(NicDriver driver, String interfaceName) throws NicClaimException {
        return table.claim(driver, interfaceName);
    }

    @Override
    public void reportProbe(String interfaceName, Map<String, Double> metrics) throws AnyhomeException {
        table.reportProbe(interfaceName, metrics);
    }

    @Override
    public List<NicDTO> list() {
        return table.list();
    }

    @Override
    public Optional<NicDTO> show(String interfaceName) {
        return table.show(interfaceName);
    }

    @Override
    public void setOverride(String interfaceName, String key, String value) throws AnyhomeException {
        table.setOverride(interfaceName, key, value);
    }

    @Override
    public boolean clearOverride(String interfaceName, String key) {
        return table.clearOverride(interfaceName, key);
    }

    // ---- NicSignals

    @Override
    public void up(String nic, String technology, long atMillis) {
        for (UplinkListener l : uplinkListeners) {
            call(() -> l.uplinkUp(nic, atMillis));
        }
        post(EventTopics.NIC_UP, EventProperties.INTERFACE, nic, EventProperties.TECHNOLOGY, technology,
                EventProperties.TIMESTAMP, atMillis);
    }

    @Override
    public void down(String nic, String technology, long atMillis, String cause) {
        for (UplinkListener l : uplinkListeners) {
            call(() -> l.uplinkDown(nic, atMillis, cause));
        }
        logger.info("NIC {} down: {}", nic, cause);
        post(EventTopics.NIC_DOWN, EventProperties.INTERFACE, nic, EventProperties.TECHNOLOGY, technology,
                EventProperties.REASON, cause, EventProperties.TIMESTAMP, atMillis);
    }

    @Override
    public void claimed(String nic, String driver, String technology) {
        logger.info("NIC {} claimed by driver '{}' ({})", nic, driver, technology);
        post(EventTopics.NIC_CLAIMED, EventProperties.INTERFACE, nic, EventProperties.DRIVER, driver,
                EventProperties.TECHNOLOGY, technology);
    }

    @Override
    public void released(String nic, String driver, String reason) {
        logger.info("NIC {} released by driver '{}': {}", nic, driver, reason);
        post(EventTopics.NIC_RELEASED, EventProperties.INTERFACE, nic, EventProperties.DRIVER, driver,
                EventProperties.REASON, reason);
    }

    @Override
    public void override(String nic, String key, String value) {
        post(EventTopics.NIC_OVERRIDE, EventProperties.INTERFACE, nic, EventProperties.KEY, key,
                EventProperties.VALUE, value);
    }

    @Override
    public void problem(String message, Throwable cause) {
        logger.warn(message, cause);
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            logger.warn("an uplink listener failed", e);
        }
    }

    private void post(String topic, Object... keysAndValues) {
        EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        admin.postEvent(new Event(topic, properties));
    }
}
