package io.anyhome.nic.ethernet.internal;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicDriverNames;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.Technology;
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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The Ethernet NIC driver service. Without configuration one instance, named {@code ethernet},
 * claims what the system says is Ethernet; each factory configuration
 * ({@code etc/io.anyhome.nic.ethernet-NAME.cfg}) makes an instance named {@code ethernet-NAME}.
 * It ships with service ranking -100: anything with a MAC address looks like Ethernet, so the
 * registry offers interfaces to the other drivers first, and a more specific driver arriving
 * later takes an interface over.
 */
@Component(service = NicDriver.class, immediate = true, configurationPid = EthernetDriverComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "service.ranking:Integer=-100")
@Designate(ocd = EthernetDriverComponent.Config.class, factory = true)
public class EthernetDriverComponent implements NicDriver {
    static final String PID = "io.anyhome.nic.ethernet";

    /** The configuration of one Ethernet driver instance. */
    @ObjectClassDefinition(name = "anyhome Ethernet NIC driver")
    public @interface Config {
        @AttributeDefinition(description = "Interface name globs this instance claims, e.g. eth*,enp*", required = false)
        String[] interfaces() default {};

        @AttributeDefinition(description = "Also claim what the system says is Ethernet")
        boolean detect() default true;

        @AttributeDefinition(description = "Relative cost of sending over these interfaces (0 = free)")
        double cost() default 0;

        @AttributeDefinition(description = "Whether these interfaces are charged by volume")
        boolean metered() default false;

        @AttributeDefinition(description = "How often speed and duplex are read again, milliseconds")
        long pollIntervalMs() default 5000;

        @AttributeDefinition(description = "The driver's name; default ethernet, or ethernet-NAME for etc/io.anyhome.nic.ethernet-NAME.cfg", required = false)
        String name() default "";
    }

    private final EthernetDriver driver;
    private final ScheduledExecutorService poller;

    @Activate
    public EthernetDriverComponent(@Reference NicRegistry registry,
            @Reference(service = LoggerFactory.class) Logger logger, Config config, Map<String, Object> properties) {
        EthernetSettings settings = settings(config);
        String name = NicDriverNames.of("ethernet", config.name(), properties);
        driver = new EthernetDriver(name, settings, registry, new LinkSpeed(Path.of("/sys/class/net")), logger::info);
        driver.claimAs(this);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "anyhome-nic-" + name);
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(driver::refresh, settings.pollIntervalMs(), settings.pollIntervalMs(),
                TimeUnit.MILLISECONDS);
    }

    /** @throws IllegalArgumentException naming the key of a bad value */
    static EthernetSettings settings(Config config) {
        return new EthernetSettings(InterfacePatterns.parse("interfaces", config.interfaces()), config.detect(),
                config.cost(), config.metered(), config.pollIntervalMs());
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
