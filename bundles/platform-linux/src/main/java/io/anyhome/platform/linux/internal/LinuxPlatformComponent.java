package io.anyhome.platform.linux.internal;

import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Registers the Linux {@link Platform} when the node configuration ({@code io.anyhome.node},
 * key {@code platform}) selects {@code linux}, which is the default when the key or the whole
 * configuration is absent; unregisters it when the configuration selects another platform or the
 * component goes away. The service carries {@code anyhome.platform.name=linux} and
 * {@code anyhome.platform.available}.
 *
 * <p>Before anything native happens it points jffi at the framework property
 * {@value Native#EXTRACT_DIR_PROPERTY} (the launcher sets {@code DIR/run/native}). Capabilities are
 * probed once, at the first selection, and logged once; an unusable platform is still registered,
 * so that {@code anyhome check} can show why.
 */
@Component(immediate = true, service = {}, configurationPid = ConfigurationPids.NODE,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class LinuxPlatformComponent {
    /** Service property: the boolean {@link PlatformCapabilitiesDTO#available} of the registered platform. */
    static final String AVAILABLE_PROPERTY = "anyhome.platform.available";

    private final BundleContext context;
    private final Logger logger;
    private LinuxPlatform platform;
    private ServiceRegistration<Platform> registration;

    @Activate
    public LinuxPlatformComponent(BundleContext context, @Reference(service = LoggerFactory.class) Logger logger,
            Map<String, Object> config) {
        this.context = context;
        this.logger = logger;
        apply(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
        unregister();
    }

    /** @return true if the node configuration selects this platform */
    static boolean selected(Map<String, ?> config) {
        Object name = config == null ? null : config.get(ConfigurationPids.NODE_PLATFORM);
        return name == null || String.valueOf(name).isBlank()
                || ConfigurationPids.PLATFORM_LINUX.equals(String.valueOf(name).trim());
    }

    private synchronized void apply(Map<String, Object> config) {
        if (!selected(config)) {
            if (registration != null) {
                logger.info("platform {} selected: the Linux platform withdraws", config.get(ConfigurationPids.NODE_PLATFORM));
            }
            unregister();
            return;
        }
        if (registration != null) {
            return;
        }
        if (platform == null) {
            platform = probe();
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ConfigurationPids.PLATFORM_NAME_PROPERTY, ConfigurationPids.PLATFORM_LINUX);
        props.put(AVAILABLE_PROPERTY, platform.capabilities().available);
        registration = context.registerService(Platform.class, platform, props);
    }

    private LinuxPlatform probe() {
        String dir = context.getProperty(Native.EXTRACT_DIR_PROPERTY);
        try {
            Native.useExtractDirectory(dir);
        } catch (IOException | RuntimeException e) {
            logger.warn("cannot use {} for jffi's native library: {}", dir, e.toString());
        }
        LinuxPlatform p = LinuxPlatform.system();
        PlatformCapabilitiesDTO c = p.capabilities();
        if (c.available) {
            logger.info("Linux platform available (vnet header {}, multi-queue {}, rtnetlink {}, raw sockets {}); missing: {}",
                    c.tunVnetHeader, c.tunMultiQueue, c.rtnetlink, c.rawSockets, c.featureCauses);
        } else {
            logger.warn("Linux platform unavailable: {}; missing: {}", c.unavailabilityCause, c.featureCauses);
        }
        return p;
    }

    private void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
            registration = null;
        }
    }
}
