package io.anyhome.policy.loadshare.internal;

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
 * Registers the {@link LoadsharePolicy} as the interface selection policy named
 * {@code loadshare}, configured by {@code etc/io.anyhome.policy.loadshare.cfg} (optional: without
 * it every usable uplink weighs 1). A changed configuration reactivates the component; a bad one
 * fails activation with a message naming the file and key.
 */
@Component(service = InterfaceSelectionPolicy.class, configurationPid = LoadsharePolicyComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = InterfaceSelectionPolicy.POLICY_NAME_PROPERTY + "=loadshare")
@Designate(ocd = LoadsharePolicyComponent.Config.class)
public class LoadsharePolicyComponent implements InterfaceSelectionPolicy {
    static final String PID = "io.anyhome.policy.loadshare";

    /** The loadshare policy's configuration. */
    @ObjectClassDefinition(name = "anyhome loadshare policy",
            description = "Spreads flows over the usable uplinks by weight, per flow; running flows stay put")
    public @interface Config {
        @AttributeDefinition(description = "PATTERN:WEIGHT entries, PATTERN an uplink id glob or a technology name,"
                + " WEIGHT 0..1000 (0: no new flows), e.g. wlan0:3,cellular:1", required = false)
        String[] weights() default {};

        @AttributeDefinition(description = "Weight of usable uplinks no entry matches (0..1000)", required = false)
        int defaultWeight() default LoadshareSettings.DEFAULT_DEFAULT_WEIGHT;
    }

    private final LoadsharePolicy policy;

    /**
     * @param properties the component's properties, configuration included
     * @throws IllegalArgumentException naming the file and key of a bad value
     */
    @Activate
    public LoadsharePolicyComponent(Map<String, Object> properties) {
        policy = new LoadsharePolicy(LoadshareSettings.from(properties));
    }

    @Override
    public Decision decide(SelectionContext context) {
        return policy.decide(context);
    }
}
