package io.anyhome.shell.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands of scope {@code nic}: {@code nic:list}, {@code nic:show NAME},
 * {@code nic:set NAME KEY VALUE} and {@code nic:set NAME KEY --clear}, over the {@link NicRegistry}.
 * A table for people by default, the registry's {@link NicDTO}s as JSON with {@code --json}.
 * Usage errors (wrong arguments, a bad override value) are {@link IllegalArgumentException}s; an
 * unknown interface is a failed command.
 */
@Component(service = NicCommands.class, property = {"osgi.command.scope=nic", "osgi.command.function=list",
        "osgi.command.function=show", "osgi.command.function=set"})
public class NicCommands {
    private static final String JSON = "--json";
    private static final String SET_USAGE = "usage: nic:set NAME KEY VALUE | nic:set NAME KEY --clear";

    private final NicRegistry registry;

    @Activate
    public NicCommands(@Reference NicRegistry registry) {
        this.registry = registry;
    }

    @Descriptor("list the network interfaces: owner, technology, state, cost, signal, claim errors")
    public Object list(
            @Descriptor("print the NIC DTOs as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        List<NicDTO> nics = registry.list();
        if (json) {
            return DtoFormatter.json(nics);
        }
        return DtoFormatter.table(nics.stream().map(NicCommands::row).collect(Collectors.toList())).stripTrailing();
    }

    @Descriptor("show one network interface with every metric and where it came from")
    public Object show(
            @Descriptor("print the NIC DTO as JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("the interface name") String name) throws AnyhomeException {
        NicDTO nic = registry.show(name)
                .orElseThrow(() -> new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no interface " + name));
        return json ? DtoFormatter.json(nic) : detail(nic);
    }

    @Descriptor("override a metric (or state, metered) of an interface; overrides win until cleared")
    public String set(
            @Descriptor("clear the override instead of setting it") @Parameter(names = "--clear", presentValue = "true", absentValue = "false") boolean clear,
            @Descriptor("the interface name") String name,
            @Descriptor("the key: a metric such as cost or signal.dbm, metered, or state") String key,
            @Descriptor("the value: a number, true/false for metered, UP/DOWN/DORMANT for state") String value)
            throws AnyhomeException {
        if (clear) {
            throw new IllegalArgumentException(SET_USAGE + " (a value and --clear do not go together)");
        }
        try {
            registry.setOverride(name, key, value);
        } catch (AnyhomeException e) {
            throw CommandErrors.usageOr(e);
        }
        return name + ": " + key + "=" + value + " (override)";
    }

    @Descriptor("clear an override of an interface")
    public String set(
            @Descriptor("clear the override") @Parameter(names = "--clear", presentValue = "true", absentValue = "false") boolean clear,
            @Descriptor("the interface name") String name,
            @Descriptor("the overridden key") String key) throws AnyhomeException {
        if (!clear) {
            throw new IllegalArgumentException(SET_USAGE);
        }
        if (registry.show(name).isEmpty()) {
            throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no interface " + name);
        }
        return registry.clearOverride(name, key) ? name + ": override " + key + " cleared"
                : name + ": no override " + key;
    }

    static NicRowDTO row(NicDTO nic) {
        NicRowDTO row = new NicRowDTO();
        row.name = nic.name;
        row.technology = nic.technology;
        row.driver = nic.driver;
        row.state = nic.state == null ? null : nic.state.name() + (overridden(nic, NicMetrics.STATE_OVERRIDE) ? "*" : "");
        row.carrier = nic.carrier;
        row.cost = number(nic.cost) + (overridden(nic, NicMetrics.COST) ? "*" : "");
        row.metered = nic.metered;
        Double signal = nic.metrics == null ? null : nic.metrics.get(NicMetrics.SIGNAL_DBM);
        row.signal = signal == null ? null : number(signal) + " dBm" + (overridden(nic, NicMetrics.SIGNAL_DBM) ? "*" : "");
        row.problem = nic.claimError != null ? "refused " + nic.claimError : nic.failure;
        return row;
    }

    static NicDetailDTO detail(NicDTO nic) {
        NicDetailDTO d = new NicDetailDTO();
        d.name = nic.name;
        d.index = nic.index;
        d.technology = nic.technology;
        d.driver = nic.driver;
        d.state = nic.state == null ? null : nic.state.name()
                + (overridden(nic, NicMetrics.STATE_OVERRIDE) ? " (override)" : "");
        d.carrier = nic.carrier;
        d.stateSince = Instant.ofEpochMilli(nic.stateSince).toString();
        d.cost = nic.cost;
        d.metered = nic.metered;
        d.info = pairs(nic.info);
        d.overrides = pairs(nic.overrides);
        d.claimError = nic.claimError;
        d.failure = nic.failure;
        if (nic.metrics != null) {
            nic.metrics.forEach((key, value) -> {
                NicDetailDTO.MetricRowDTO m = new NicDetailDTO.MetricRowDTO();
                m.key = key;
                m.value = number(value);
                m.source = nic.metricSources == null ? null : nic.metricSources.get(key);
                d.metrics.add(m);
            });
        }
        return d;
    }

    private static boolean overridden(NicDTO nic, String key) {
        return nic.overrides != null && nic.overrides.containsKey(key);
    }

    private static String pairs(Map<String, String> map) {
        return map == null || map.isEmpty() ? null
                : map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
