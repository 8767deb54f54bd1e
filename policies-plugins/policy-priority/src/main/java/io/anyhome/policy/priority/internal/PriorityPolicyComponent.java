package io.anyhome.policy.priority.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Registers the {@link PriorityPolicy} as the interface selection policy named {@code priority},
 * configured by {@code etc/io.anyhome.policy.priority.cfg} (optional: without it the defaults
 * apply). A changed configuration reactivates the component; a bad one fails activation with a
 * message naming the file and key. Ships with service ranking 100, so that the engine falls back
 * to it when the configured policy goes away.
 */
@Component(service = InterfaceSelectionPolicy.class, configurationPid = PriorityPolicyComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {InterfaceSelectionPolicy.POLICY_NAME_PROPERTY + "=priority", "service.ranking:Integer=100"})
@Designate(ocd = PriorityPolicyComponent.Config.class)
public class PriorityPolicyComponent implements InterfaceSelectionPolicy {
    static final String PID = "io.anyhome.policy.priority";

    /** The priority policy's configuration. */
    @ObjectClassDefinition(name = "anyhome priority policy",
            description = "Uses the best-ranked usable uplink of a configured order of technologies and interface names")
    public @interface Config {
        @AttributeDefinition(description = "Technology names and/or interface name globs, best first,"
                + " e.g. ethernet, wlan*, cellular; uplinks matching none rank last, by id")
        String[] order() default {PrioritySettings.DEFAULT_ORDER};

        @AttributeDefinition(description = "When to move back to a better-ranked uplink: always, better"
                + " (after holdDownMs) or on-failure (only when the current one fails)")
        String failback() default "better";

        @AttributeDefinition(description = "With failback=better, how long a better-ranked uplink must stay"
                + " usable before traffic moves back to it, milliseconds (0..3600000)")
        long holdDownMs() default PrioritySettings.DEFAULT_HOLD_DOWN_MS;
    }

    private final PriorityPolicy policy;

    /**
     * @param properties the component's properties, configuration included
     * @throws IllegalArgumentException naming the file and key of a bad value
     */
    @Activate
    public PriorityPolicyComponent(Map<String, Object> properties) {
        policy = new PriorityPolicy(PrioritySettings.from(properties));
    }

    @Override
    public Decision decide(SelectionContext context) {
        return policy.decide(context);
    }
}
