package io.anyhome.policy.redundant.internal;

import io.anyhome.api.path.DuplicateFilter;
import java.nio.ByteBuffer;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Registers a {@link WindowedDuplicateFilter} as the {@link DuplicateFilter} service the tunnel
 * receive loops use, configured by {@code etc/io.anyhome.policy.redundant.dedup.cfg} (optional).
 * It has its own PID so that it serves whichever policy is active (and the home agent's receive
 * side) and a change of the redundant policy's settings does not empty its table. A changed
 * configuration reactivates it with an empty table; a bad one fails activation naming the key.
 */
@Component(service = DuplicateFilter.class, configurationPid = DuplicateFilterComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DuplicateFilterComponent.Config.class)
public class DuplicateFilterComponent implements DuplicateFilter {
    static final String PID = "io.anyhome.policy.redundant.dedup";

    /** The duplicate filter's configuration. */
    @ObjectClassDefinition(name = "anyhome duplicate filter",
            description = "Delivers once each inner packet that arrives over two uplinks")
    public @interface Config {
        @AttributeDefinition(description = "How long a delivered packet is remembered, milliseconds (1..60000)")
        long dedupWindowMs() default DedupSettings.DEFAULT_WINDOW_MS;

        @AttributeDefinition(description = "How many packets are remembered at most (8..16777216, rounded up to"
                + " a power of two)")
        int dedupCapacity() default DedupSettings.DEFAULT_CAPACITY;
    }

    private final WindowedDuplicateFilter filter;

    /**
     * @param properties the component's properties, configuration included
     * @throws IllegalArgumentException naming the file and key of a bad value
     */
    @Activate
    public DuplicateFilterComponent(Map<String, Object> properties) {
        DedupSettings settings = DedupSettings.from(properties);
        filter = new WindowedDuplicateFilter(settings.windowMs(), settings.capacity(),
                () -> System.nanoTime() / 1_000_000);
    }

    @Override
    public boolean firstCopy(ByteBuffer innerPacket) {
        return filter.firstCopy(innerPacket);
    }

    @Override
    public long duplicatesSuppressed() {
        return filter.duplicatesSuppressed();
    }
}
