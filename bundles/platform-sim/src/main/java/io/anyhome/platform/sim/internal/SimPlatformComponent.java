package io.anyhome.platform.sim.internal;

import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.platform.Platform;
import io.anyhome.platform.sim.SimClock;
import io.anyhome.platform.sim.SimNetwork;
import io.anyhome.platform.sim.SimPlatform;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * Registers the emulator as the node's {@link Platform} (service property
 * {@code anyhome.platform.name=sim}) when the node configuration ({@code etc/io.anyhome.node.cfg})
 * says {@code platform=sim}, and registers nothing otherwise ({@code linux} is the default), so
 * that exactly one platform serves the node. The component itself is always satisfied.
 *
 * <p>The emulated network is built from {@code etc/io.anyhome.platform.sim.cfg}: {@code seed}
 * (the random seed, default 1) and {@code links} (the uplinks; see {@link SimTopology}, whose
 * defaults give {@code wlan0}, {@code wwan0} and {@code eth0}). Its clock runs in real time. A
 * change of either configuration unregisters the service and, if still selected, registers a
 * fresh network; a bad value fails the activation with a message naming the key.
 */
@Component(immediate = true, configurationPid = {ConfigurationPids.NODE, SimPlatformComponent.TOPOLOGY_PID},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class SimPlatformComponent {
    /** The PID of the emulated topology, {@code etc/io.anyhome.platform.sim.cfg}. */
    public static final String TOPOLOGY_PID = "io.anyhome.platform.sim";

    private BundleContext context;
    private ServiceRegistration<Platform> registration;
    private AutoCloseable realTime;

    /**
     * @param bundleContext where to register the service
     * @param properties the merged node and topology configuration
     */
    @Activate
    public SimPlatformComponent(BundleContext bundleContext, Map<String, Object> properties) {
        this.context = bundleContext;
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        stop();
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /** @return true if the node configuration selects the emulator */
    static boolean selected(Map<String, Object> properties) {
        Object p = properties.get(ConfigurationPids.NODE_PLATFORM);
        String name = p == null ? ConfigurationPids.PLATFORM_LINUX : String.valueOf(p).trim();
        return ConfigurationPids.PLATFORM_SIM.equals(name);
    }

    /** Builds the network a node with these properties runs on, with a manual clock. */
    static SimPlatform build(Map<String, Object> properties, SimClock clock) {
        long seed = seed(properties.get("seed"));
        return SimTopology.parse(strings(properties.get("links"))).build(new SimNetwork(seed, clock));
    }

    private void apply(Map<String, Object> properties) {
        if (!selected(properties)) {
            return;
        }
        SimClock clock = new SimClock(System.currentTimeMillis());
        SimPlatform node;
        try {
            node = build(properties, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("etc/" + TOPOLOGY_PID + ".cfg: " + e.getMessage(), e);
        }
        realTime = clock.runInRealTime();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ConfigurationPids.PLATFORM_NAME_PROPERTY, ConfigurationPids.PLATFORM_SIM);
        registration = context.registerService(Platform.class, node, props);
    }

    private void stop() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already unregistered with the bundle
            }
            registration = null;
        }
        if (realTime != null) {
            try {
                realTime.close();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
            realTime = null;
        }
    }

    private static long seed(Object value) {
        if (value == null) {
            return 1;
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("etc/" + TOPOLOGY_PID + ".cfg: seed '" + value
                    + "' is not a whole number", e);
        }
    }

    private static String[] strings(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String[] a) {
            return a;
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toArray(String[]::new);
        }
        // a .cfg file gives one string: entries separated by commas
        return java.util.Arrays.stream(String.valueOf(value).split(",")).map(String::trim)
                .filter(e -> !e.isEmpty()).toArray(String[]::new);
    }
}
