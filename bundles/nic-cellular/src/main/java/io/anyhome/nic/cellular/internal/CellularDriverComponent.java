package io.anyhome.nic.cellular.internal;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicDriverNames;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.Technology;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The cellular NIC driver service. Without configuration one instance, named {@code cellular},
 * claims what the system says is a WWAN modem; each factory configuration
 * ({@code etc/io.anyhome.nic.cellular-NAME.cfg}, e.g. {@code interfaces=wwan*}) makes an instance
 * named {@code cellular-NAME}. Signal quality, access technology, operator and registration come
 * from ModemManager over D-Bus when it knows the modem ({@link ModemManagerWatcher}), else from the
 * configuration (see {@link CellularDriver}).
 */
@Component(service = NicDriver.class, immediate = true, configurationPid = CellularDriverComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CellularDriverComponent.Config.class, factory = true)
public class CellularDriverComponent implements NicDriver {
    static final String PID = "io.anyhome.nic.cellular";

    /** The configuration of one cellular driver instance. */
    @ObjectClassDefinition(name = "anyhome cellular NIC driver")
    public @interface Config {
        @AttributeDefinition(description = "Interface name globs this instance claims, e.g. wwan*,rmnet*", required = false)
        String[] interfaces() default {};

        @AttributeDefinition(description = "Also claim what the system says is a WWAN modem (DEVTYPE wwan)")
        boolean detect() default true;

        @AttributeDefinition(description = "Relative cost of sending over these interfaces (0 = free)")
        double cost() default 10;

        @AttributeDefinition(description = "Whether these interfaces are charged by volume")
        boolean metered() default true;

        @AttributeDefinition(description = "Received signal in dBm (-150..0), empty if unknown", required = false)
        String signalDbm() default "";

        @AttributeDefinition(description = "Signal quality in percent (0..100), empty if unknown", required = false)
        String signalQuality() default "";

        @AttributeDefinition(description = "Access technology, e.g. lte, 5gnr, umts", required = false)
        String accessTechnology() default "";

        @AttributeDefinition(description = "Operator name", required = false)
        String operator() default "";

        @AttributeDefinition(description = "ModemRegistration: home, roaming, searching, denied, idle or unknown")
        String registration() default "unknown";

        @AttributeDefinition(description = "D-Bus address where ModemManager is asked; empty for the system bus"
                + " (DBUS_SYSTEM_BUS_ADDRESS, else unix:path=/run/dbus/system_bus_socket)", required = false)
        String dbusAddress() default "";

        @AttributeDefinition(description = "How often ModemManager is asked, in milliseconds (>= 100)")
        long pollIntervalMs() default 5000;

        @AttributeDefinition(description = "The driver's name; default cellular, or cellular-NAME for etc/io.anyhome.nic.cellular-NAME.cfg", required = false)
        String name() default "";
    }

    private final CellularDriver driver;
    private final ModemManagerWatcher watcher;

    @Activate
    public CellularDriverComponent(@Reference NicRegistry registry,
            @Reference(service = LoggerFactory.class) Logger logger, Config config, Map<String, Object> properties) {
        if (config.pollIntervalMs() < 100) {
            throw new IllegalArgumentException("pollIntervalMs: " + config.pollIntervalMs() + " is below 100");
        }
        driver = new CellularDriver(NicDriverNames.of("cellular", config.name(), properties), settings(config), registry,
                logger::info);
        driver.claimAs(this);
        watcher = new ModemManagerWatcher(ModemManagerBus.address(config.dbusAddress()), config.pollIntervalMs(),
                driver::modemsChanged, logger::info);
    }

    /** @throws IllegalArgumentException naming the key of a bad value */
    static CellularSettings settings(Config config) {
        return new CellularSettings(InterfacePatterns.parse("interfaces", config.interfaces()), config.detect(),
                config.cost(), config.metered(), CellularSettings.number("signalDbm", config.signalDbm()),
                CellularSettings.number("signalQuality", config.signalQuality()), config.accessTechnology(),
                config.operator(), ModemRegistration.parse("registration", config.registration()));
    }

    @Deactivate
    void deactivate() {
        watcher.close();
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
