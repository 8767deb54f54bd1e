package io.anyhome.nic.wlan.internal;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicDriverNames;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.platform.Platform;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The WLAN NIC driver service. Without configuration one instance, named {@code wlan}, claims what
 * the system says is IEEE 802.11; each factory configuration ({@code etc/io.anyhome.nic.wlan-NAME.cfg},
 * e.g. {@code interfaces=wlan*,wlp*}) makes an instance named {@code wlan-NAME}. The station is
 * read on the instance's own thread every {@code pollIntervalMs}, stopped on deactivation.
 */
@Component(service = NicDriver.class, immediate = true, configurationPid = WlanDriverComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WlanDriverComponent.Config.class, factory = true)
public class WlanDriverComponent implements NicDriver {
    static final String PID = "io.anyhome.nic.wlan";

    /** The configuration of one WLAN driver instance. */
    @ObjectClassDefinition(name = "anyhome WLAN NIC driver")
    public @interface Config {
        @AttributeDefinition(description = "Interface name globs this instance claims, e.g. wlan*,wlp*", required = false)
        String[] interfaces() default {};

        @AttributeDefinition(description = "Also claim what the system says is IEEE 802.11 (sysfs wireless, DEVTYPE wlan)")
        boolean detect() default true;

        @AttributeDefinition(description = "Relative cost of sending over these interfaces (0 = free)")
        double cost() default 0;

        @AttributeDefinition(description = "Whether these interfaces are charged by volume")
        boolean metered() default false;

        @AttributeDefinition(description = "How often signal, SSID and BSSID are read, milliseconds (100..1000)")
        long pollIntervalMs() default 1000;

        @AttributeDefinition(description = "The driver's name; default wlan, or wlan-NAME for etc/io.anyhome.nic.wlan-NAME.cfg", required = false)
        String name() default "";
    }

    private final WlanDriver driver;
    private final ScheduledExecutorService poller;
    private volatile Platform platform;

    @Activate
    public WlanDriverComponent(@Reference NicRegistry registry,
            @Reference(service = LoggerFactory.class) Logger logger, Config config, Map<String, Object> properties) {
        WlanSettings settings = settings(config);
        String name = NicDriverNames.of("wlan", config.name(), properties);
        driver = new WlanDriver(name, settings, registry, () -> platform, new ProcNetWireless(Path.of("/proc/net/wireless")),
                logger::info);
        driver.claimAs(this);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "anyhome-nic-" + name);
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(driver::poll, settings.pollIntervalMs(), settings.pollIntervalMs(),
                TimeUnit.MILLISECONDS);
    }

    /** @throws IllegalArgumentException naming the key of a bad value */
    static WlanSettings settings(Config config) {
        return new WlanSettings(InterfacePatterns.parse("interfaces", config.interfaces()), config.detect(),
                config.cost(), config.metered(), config.pollIntervalMs());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPlatform(Platform p) {
        platform = p;
    }

    void unbindPlatform(Platform p) {
        if (platform == p) {
            platform = null;
        }
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
        driver.close();
    }

    @Override
    public String name() {
        return driver.name();
    }

    @Override
    public Technology technology() {
        return driver.technology();
    }

    @Override
    public void offered(NicCandidate candidate) {
        driver.offered(candidate);
    }

    @Override
    public void released(NicHandle handle, String reason) {
        driver.released(handle, reason);
    }
}
