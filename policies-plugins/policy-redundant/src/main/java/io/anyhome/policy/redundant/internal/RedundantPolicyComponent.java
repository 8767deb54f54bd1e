package io.anyhome.policy.redundant.internal;

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
 * Registers the {@link RedundantPolicy} as the interface selection policy named
 * {@code redundant}, configured by {@code etc/io.anyhome.policy.redundant.cfg} (optional: without
 * it the policy ranks uplinks by the default order and duplicates nothing). A changed
 * configuration reactivates the component; a bad one fails activation with a message naming the
 * file and key.
 */
@Component(service = InterfaceSelectionPolicy.class, configurationPid = RedundantPolicyComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = InterfaceSelectionPolicy.POLICY_NAME_PROPERTY + "=redundant")
@Designate(ocd = RedundantPolicyComponent.Config.class)
public class RedundantPolicyComponent implements InterfaceSelectionPolicy {
    static final String PID = "io.anyhome.policy.redundant";

    /** The redundant policy's configuration. */
    @ObjectClassDefinition(name = "anyhome redundant policy",
            description = "Best-ranked usable uplink for all traffic; chosen flows copied onto the second-best")
    public @interface Config {
        @AttributeDefinition(description = "Technology names and/or interface name globs, best first,"
                + " e.g. ethernet, wlan*, cellular; uplinks matching none rank last, by id")
        String[] order() default {RedundantSettings.DEFAULT_ORDER};

        @AttributeDefinition(description = "Flows to copy onto the second uplink: udp[:PORTS], tcp[:PORTS], icmpv6,"
                + " proto:N, port:PORTS, dscp:N, parts joined by +, e.g. udp:5060,tcp:22,dscp:46,udp:5004-5005+dscp:46",
                required = false)
        String[] duplicate() default {};

        @AttributeDefinition(description = "Active flows to copy, by 5-tuple PROTO/SOURCE/SPORT/DESTINATION/DPORT"
                + " (* for any field but PROTO), e.g. udp/2001:db8::1/*/2001:db8:2::7/5060", required = false)
        String[] duplicateFlows() default {};

        @AttributeDefinition(description = "How long a better-ranked uplink must stay usable before it carries"
                + " the traffic again (it carries the copies at once), milliseconds (0..3600000)")
        long holdDownMs() default RedundantSettings.DEFAULT_HOLD_DOWN_MS;
    }

    private final RedundantPolicy policy;

    /**
     * @param properties the component's properties, configuration included
     * @throws IllegalArgumentException naming the file and key of a bad value
     */
    @Activate
    public RedundantPolicyComponent(Map<String, Object> properties) {
        policy = new RedundantPolicy(RedundantSettings.from(properties));
    }

    @Override
    public Decision decide(SelectionContext context) {
        return policy.decide(context);
    }
}
