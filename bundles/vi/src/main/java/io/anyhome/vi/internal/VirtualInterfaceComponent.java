package io.anyhome.vi.internal;

import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.NodeRole;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.vi.VirtualInterface;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Runs {@code home0} on mobile nodes and mobile routers ({@code role=mn|mr} in
 * {@code etc/io.anyhome.node.cfg}) and registers it as the {@link VirtualInterface} service; on
 * a home agent it stays idle ("not used by this role" in {@code anyhome check}).
 *
 * <p>Settings come from the node identity ({@code homeAddress}, {@code homePrefix}) and from
 * {@code etc/io.anyhome.vi.cfg} (all optional, see {@link Config}); a bad value fails the
 * activation with a message naming the file and key, which {@code anyhome check} shows. The
 * read loop finds the interface switch through a dynamic reference: until one is there, packets
 * are counted as {@code no-path} drops.
 */
@Component(immediate = true, configurationPid = {ConfigurationPids.NODE, ConfigurationPids.VI},
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {"anyhome.roles=mn", "anyhome.roles=mr"})
public class VirtualInterfaceComponent {
    /**
     * The keys of {@code etc/io.anyhome.vi.cfg}, described for the metatype service (DS takes the
     * values from the merged node and VI configurations, so the component reads them as a map).
     */
    @ObjectClassDefinition(pid = ConfigurationPids.VI, name = "anyhome virtual interface")
    public @interface Config {
        /** @return the TUN device's name */
        @AttributeDefinition(description = "name of the virtual interface (TUN device)")
        String name() default ViConfiguration.DEFAULT_NAME;

        /** @return the MTU */
        @AttributeDefinition(description = "MTU of the virtual interface: uplink MTU less the tunnel overhead (48 for IPv6/UDP)")
        int mtu() default ViConfiguration.DEFAULT_MTU;

        /** @return whether virtio-net headers are used */
        @AttributeDefinition(description = "open the TUN with virtio-net headers: 64 KiB TCP reads cut in user space (offloads); off where the platform lacks them")
        boolean vnetHeader() default true;

        /** @return the first per-uplink routing table */
        @AttributeDefinition(description = "per-uplink routing tables are numbered tableBase + interface index")
        int tableBase() default ViConfiguration.DEFAULT_TABLE_BASE;

        /** @return the rules' priority */
        @AttributeDefinition(description = "priority of the 'from <care-of address> lookup <uplink table>' rules")
        int rulePriority() default ViConfiguration.DEFAULT_RULE_PRIORITY;
    }

    private final BundleContext context;
    private final HomeInterface vi;
    private final ServiceRegistration<VirtualInterface> registration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InterfaceSwitch interfaceSwitch;

    /**
     * Starts {@code home0} when this node's role has one.
     *
     * @param context the bundle context, to register the service
     * @param platform the platform
     * @param props the merged configuration
     * @throws PlatformException if the device or its routes cannot be set up
     */
    @Activate
    public VirtualInterfaceComponent(BundleContext context, @Reference(name = "platform") Platform platform,
            Map<String, Object> props) throws PlatformException {
        this.context = context;
        Object roleValue = props.get(ConfigurationPids.NODE_ROLE);
        NodeRole role = roleValue == null ? null : NodeRole.parse(roleValue.toString());
        if (role == null || !role.isMobile()) {
            this.vi = null;
            this.registration = null;
            return;
        }
        this.vi = HomeInterface.start(platform, ViConfiguration.from(props), () -> interfaceSwitch);
        Hashtable<String, Object> serviceProps = new Hashtable<>();
        serviceProps.put("anyhome.vi.name", vi.name());
        this.registration = context.registerService(VirtualInterface.class, vi, serviceProps);
    }

    /** Unregisters and tears {@code home0} down. */
    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
        if (vi != null) {
            vi.close();
        }
    }
}
