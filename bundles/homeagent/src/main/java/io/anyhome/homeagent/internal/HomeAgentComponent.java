package io.anyhome.homeagent.internal;

import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.NodeRole;
import io.anyhome.api.homeagent.HomeAgent;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Runs the home agent on a node with {@code role=ha} in {@code etc/io.anyhome.node.cfg} and
 * registers it as the {@link HomeAgent} service; on mobile nodes and routers it stays idle ("not
 * used by this role" in {@code anyhome check}).
 *
 * <p>Settings come from the node identity ({@code homePrefix}, required) and from
 * {@code etc/io.anyhome.homeagent.cfg} (see {@link Config}); a bad value, or a bad key file in
 * the keys directory, fails the activation with a message naming the file and key.
 */
@Component(immediate = true, configurationPid = {ConfigurationPids.NODE, ConfigurationPids.HOMEAGENT},
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "anyhome.roles=ha")
public class HomeAgentComponent {
    /** The keys of {@code etc/io.anyhome.homeagent.cfg}, described for the metatype service. */
    @ObjectClassDefinition(pid = ConfigurationPids.HOMEAGENT, name = "anyhome home agent")
    public @interface Config {
        /** @return the home agent's address */
        @AttributeDefinition(description = "the home agent's IPv6 address on the home link (the Binding Updates' inner destination); required")
        String address();

        /** @return the IPv4 address */
        @AttributeDefinition(required = false, description = "an IPv4 address to listen on too, for IPv4 care-of addresses (RFC 5555); none by default")
        String ipv4Address();

        /** @return the home link */
        @AttributeDefinition(description = "the home link's interface name: registered home addresses are published there by proxy ND; required")
        String homeLink();

        /** @return the port */
        @AttributeDefinition(description = "UDP port of the tunnels")
        int port() default HomeAgentConfiguration.DEFAULT_PORT;

        /** @return the lifetime cap */
        @AttributeDefinition(description = "longest binding lifetime granted, seconds")
        int maxLifetimeSeconds() default HomeAgentConfiguration.DEFAULT_MAX_LIFETIME;

        /** @return the keys directory */
        @AttributeDefinition(description = "directory of the mobile nodes' NAME.key files, a relative path is inside etc/ (a leading etc/ names etc/ itself)")
        String keysDirectory() default HomeAgentConfiguration.DEFAULT_KEYS;

        /** @return the replay tolerance */
        @AttributeDefinition(description = "RFC 4285 timestamp tolerance, seconds")
        int timestampToleranceSeconds() default HomeAgentConfiguration.DEFAULT_TOLERANCE;

        /** @return the TUN name */
        @AttributeDefinition(description = "name of the home agent's TUN device")
        String tun() default HomeAgentConfiguration.DEFAULT_TUN;

        /** @return the TUN MTU */
        @AttributeDefinition(description = "MTU of the TUN device: the path MTU to the nodes less 48")
        int mtu() default HomeAgentConfiguration.DEFAULT_MTU;

        /** @return the NAT refresh time */
        @AttributeDefinition(description = "refresh time of the NAT Detection option (RFC 5555) for nodes behind a NAT, seconds")
        int natRefreshSeconds() default HomeAgentConfiguration.DEFAULT_NAT_REFRESH;

        /** @return the answer rate limit */
        @AttributeDefinition(description = "answers to refused Binding Updates and Binding Errors per source and second")
        int ackRateLimitPerSecond() default HomeAgentConfiguration.DEFAULT_ACK_RATE;
    }

    private final HomeAgentService homeAgent;
    private final ServiceRegistration<HomeAgent> registration;

    /**
     * Starts the home agent when this node's role is {@code ha}.
     *
     * @param context the bundle context, to register the service and find {@code anyhome.etc}
     * @param platform the platform
     * @param props the merged configuration
     * @throws PlatformException if the TUN device, the socket or the home link cannot be set up
     */
    @Activate
    public HomeAgentComponent(BundleContext context, @Reference(name = "platform") Platform platform,
            Map<String, Object> props) throws PlatformException {
        Object roleValue = props.get(ConfigurationPids.NODE_ROLE);
        NodeRole role = roleValue == null ? null : NodeRole.parse(roleValue.toString());
        if (role != NodeRole.HA) {
            this.homeAgent = null;
            this.registration = null;
            return;
        }
        String etc = context.getProperty("anyhome.etc");
        HomeAgentConfiguration config = HomeAgentConfiguration.from(props, Path.of(etc == null ? "etc" : etc));
        this.homeAgent = HomeAgentService.start(platform, config, System::currentTimeMillis);
        Hashtable<String, Object> serviceProps = new Hashtable<>();
        serviceProps.put("anyhome.homeagent.tun", config.tun());
        this.registration = context.registerService(HomeAgent.class, homeAgent, serviceProps);
    }

    /** Unregisters and stops the home agent, withdrawing its routes and proxy entries. */
    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
        if (homeAgent != null) {
            homeAgent.close();
        }
    }
}
