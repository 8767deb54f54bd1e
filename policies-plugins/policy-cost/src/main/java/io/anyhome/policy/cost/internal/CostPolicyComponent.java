package io.anyhome.policy.cost.internal;

import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.SelectionContext;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Registers the {@code cost} policy ({@code policy=cost} in {@code etc/io.anyhome.ifs.cfg}) and
 * hands its configuration, {@code etc/io.anyhome.policy.cost.cfg}, to {@link CostPolicy}. Works
 * without a configuration; a bad value refuses activation with a message naming the key.
 */
@Component(service = InterfaceSelectionPolicy.class,
        property = InterfaceSelectionPolicy.POLICY_NAME_PROPERTY + "=cost",
        configurationPid = CostPolicyComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CostPolicyComponent.Config.class)
public class CostPolicyComponent implements InterfaceSelectionPolicy {
    static final String PID = "io.anyhome.policy.cost";

    /** The configuration keys, for the metatype description. */
    @ObjectClassDefinition(name = "anyhome cost policy",
            description = "Tiers and monthly data caps per uplink; metered uplinks only when nothing cheaper works")
    public @interface Config {
        @AttributeDefinition(description = "PATTERN=TIER entries, PATTERN an uplink id glob or a technology name,"
                + " TIER primary|secondary|backup|never, e.g. eth*=primary,cellular=backup,wwan1=never;"
                + " unlisted uplinks: unmetered secondary, metered backup", required = false)
        String[] tiers() default {};

        @AttributeDefinition(description = "PATTERN=SIZE monthly caps on the uplink's usage this period,"
                + " e.g. wwan0=5GB,cellular=500MB", required = false)
        String[] caps() default {};

        @AttributeDefinition(description = "What a capped uplink becomes: backup (used only when nothing else works)"
                + " or never (not used at all)", required = false)
        String capAction() default "backup";

        @AttributeDefinition(description = "Seconds the decision in force must have stood before the policy leaves a"
                + " usable uplink for a cheaper one (0: at once)", required = false)
        long failbackHoldSeconds() default 0;
    }

    private volatile CostPolicy policy;

    /**
     * @param properties the component properties holding the configuration
     * @throws IllegalArgumentException naming the key of a bad value
     */
    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        policy = new CostPolicy(CostSettings.parse(properties));
    }

    @Override
    public Decision decide(SelectionContext context) {
        return policy.decide(context);
    }
}
