package io.anyhome.mobility.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.NodeRole;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.DecisionListener;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.ifs.PrefixDTO;
import io.anyhome.api.ifs.MovementListener;
import io.anyhome.api.ifs.UplinkListener;
import io.anyhome.api.mobility.MobilityService;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.path.DuplicateFilter;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathListener;
import io.anyhome.api.path.PathState;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.api.vi.VirtualInterface;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Runs the mobile node's mobility on mobile nodes and mobile routers ({@code role=mn|mr} in
 * {@code etc/io.anyhome.node.cfg}); on a home agent it stays idle ("not used by this role").
 * Registers the {@link MobilityService} and the {@link MovementListener}, {@link DecisionListener}
 * and {@link UplinkListener} that drive it, and one {@link Path} service per uplink with a
 * care-of address (property {@code anyhome.uplink}). Calls every {@link PathListener} on path
 * state changes, reports probe metrics to the {@link NicRegistry} and hands received packets to
 * the {@link VirtualInterface} after the {@link DuplicateFilter} if there is one.
 *
 * <p>Settings: node identity plus {@code etc/io.anyhome.mobility.cfg} (see {@link Config}); a bad
 * value fails the activation with a message naming the file and key. Without {@code homeAgent}
 * the component registers an idle {@link MobilityService} whose status names what is missing.
 */
@Component(immediate = true, configurationPid = {ConfigurationPids.NODE, ConfigurationPids.MOBILITY},
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {"anyhome.roles=mn", "anyhome.roles=mr"})
public class MobilityComponent {
    private static final Logger LOG = Logger.getLogger(MobilityComponent.class.getName());

    /** The keys of {@code etc/io.anyhome.mobility.cfg}, described for the metatype service. */
    @ObjectClassDefinition(pid = ConfigurationPids.MOBILITY, name = "anyhome mobility (mobile node)")
    public @interface Config {
        /** @return the home agent's address */
        @AttributeDefinition(description = "the home agent's IPv6 address (required)")
        String homeAgent();

        /** @return the home agent's IPv4 address */
        @AttributeDefinition(required = false, description = "the home agent's IPv4 address: uplinks with an IPv4"
                + " address and no IPv6 care-of address tunnel to it (RFC 5555, NAT traversal); none by default")
        String homeAgentIpv4();

        /** @return the home agent's port */
        @AttributeDefinition(description = "the home agent's UDP port")
        int port() default MobilityConfiguration.DEFAULT_PORT;

        /** @return the encapsulation */
        @AttributeDefinition(description = "udp (ip6ip6 is not implemented on the mobile node yet)")
        String encapsulation() default "udp";

        /** @return the lifetime asked for */
        @AttributeDefinition(description = "binding lifetime asked for, seconds")
        int lifetimeSeconds() default MobilityConfiguration.DEFAULT_LIFETIME_SECONDS;

        /** @return the NAI */
        @AttributeDefinition(description = "RFC 4283 NAI; default the home address", required = false)
        String identity();

        /** @return the SPI */
        @AttributeDefinition(description = "RFC 4285 security parameter index")
        long spi() default MobilityConfiguration.DEFAULT_SPI;

        /** @return the algorithm */
        @AttributeDefinition(description = "hmac-sha256-128 or hmac-sha1-96")
        String algorithm() default "hmac-sha256-128";

        /** @return the key */
        @AttributeDefinition(description = "shared MN-HA key, hex, at least 16 bytes", required = false)
        String key();

        /** @return the key file */
        @AttributeDefinition(description = "file holding the key in hex, relative to etc/", required = false)
        String keyFile();

        /** @return the default probe interval */
        @AttributeDefinition(description = "probe interval, ms (probeIntervalMs.TECHNOLOGY overrides; cellular 250)")
        int probeIntervalMs() default ProbeSettings.DEFAULT_INTERVAL_MS;

        /** @return the misses */
        @AttributeDefinition(description = "probe intervals without an answer after which a path is down")
        int probeMisses() default ProbeSettings.DEFAULT_MISSES;
    }

    private final BundleContext context;
    private final MobileNode node;
    private final ScheduledTimers timers;
    private final ServiceRegistration<?> registration;
    private final io.anyhome.api.Registration ipv4Watch;
    private final Map<Path, ServiceRegistration<Path>> pathRegistrations = new ConcurrentHashMap<>();
    private final List<PathListener> pathListeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NicRegistry nics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile VirtualInterface vi;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DuplicateFilter duplicateFilter;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile InterfaceSwitch interfaceSwitch;

    /**
     * Starts mobility when this node's role has it.
     *
     * @param context the bundle context, to register services
     * @param platform the platform, for the tunnel sockets
     * @param props the merged configuration
     */
    @Activate
    public MobilityComponent(BundleContext context, @Reference(name = "platform") Platform platform,
            Map<String, Object> props) {
        this.context = context;
        Object roleValue = props.get(ConfigurationPids.NODE_ROLE);
        NodeRole role = roleValue == null ? null : NodeRole.parse(roleValue.toString());
        if (role == null || !role.isMobile()) {
            this.node = null;
            this.timers = null;
            this.registration = null;
            this.ipv4Watch = null;
            return;
        }
        if (ConfigText.text(props, "homeAgent", null) == null) {
            // a mobile node without a home agent still runs home0 and the switch; mip:status says what is missing
            MobilityConfiguration.requireHomeAddress(props);
            this.node = null;
            this.timers = null;
            this.ipv4Watch = null;
            this.registration = context.registerService(MobilityService.class, new UnconfiguredMobility(props), null);
            LOG.warning(UnconfiguredMobility.WHY);
            return;
        }
        String etc = context.getProperty("anyhome.etc");
        MobilityConfiguration config = MobilityConfiguration.from(props,
                etc == null ? java.nio.file.Path.of("etc") : java.nio.file.Path.of(etc));
        this.timers = new ScheduledTimers("anyhome-mobility");
        this.node = new MobileNode(config, new SecureRandom().nextInt(0x10000), timers,
                new Services(platform, config.homePrefix()));
        Hashtable<String, Object> serviceProps = new Hashtable<>();
        serviceProps.put("anyhome.mobility.homeAddress", io.anyhome.api.AddressText.format(config.homeAddress()));
        this.registration = context.registerService(new String[] {MobilityService.class.getName(),
                MovementListener.class.getName(), DecisionListener.class.getName(), UplinkListener.class.getName()},
                node, serviceProps);
        this.ipv4Watch = config.homeAgentIpv4() == null ? null : watchIpv4(platform, node);
    }

    /** IPv4 addresses come from the kernel, not from movement detection (no Router Advertisements for IPv4). */
    private static io.anyhome.api.Registration watchIpv4(Platform platform, MobileNode node) {
        try {
            return platform.monitor(new Ipv4AddressWatch(node.careOfAddresses()));
        } catch (PlatformException e) {
            LOG.log(Level.WARNING, "IPv4 care-of addresses unavailable: cannot follow the interfaces' addresses", e);
            return null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPathListener(PathListener listener) {
        pathListeners.add(listener);
    }

    void unbindPathListener(PathListener listener) {
        pathListeners.remove(listener);
    }

    /** Unregisters everything and closes the paths. */
    @Deactivate
    void deactivate() {
        if (registration != null) {
            unregister(registration);
        }
        if (ipv4Watch != null) {
            ipv4Watch.close();
        }
        if (node != null) {
            node.close();
            timers.close();
        }
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping
        }
    }

    /** The node's view of the services around it. */
    private final class Services implements NodeServices {
        private final Platform platform;
        private final io.anyhome.api.IpPrefix homePrefix;
        private volatile InnerDelivery delivery;

        Services(Platform platform, io.anyhome.api.IpPrefix homePrefix) {
            this.platform = platform;
            this.homePrefix = homePrefix;
        }

        @Override
        public UdpEndpoint openTunnelSocket(String uplink, InetAddress careOf) throws PlatformException {
            return platform.openUdp(new UdpOptions(careOf, 0, uplink, true));
        }

        @Override
        public void publish(Path path) {
            Hashtable<String, Object> p = new Hashtable<>();
            p.put("anyhome.uplink", path.uplink());
            pathRegistrations.put(path, context.registerService(Path.class, path, p));
        }

        @Override
        public void withdraw(Path path) {
            ServiceRegistration<Path> r = pathRegistrations.remove(path);
            if (r != null) {
                unregister(r);
            }
        }

        @Override
        public HomeLink.Sockets openHomeLink(String uplink, java.net.Inet6Address homeAddress)
                throws PlatformException {
            return PlatformHomeLinkSockets.open(platform, uplink, homeAddress, homePrefix);
        }

        @Override
        public void startHomeLink(HomeLink link) {
            for (Runnable loop : List.<Runnable>of(link::signallingLoop, link::neighbourLoop)) {
                Thread t = new Thread(loop, "anyhome-home-" + link.uplink());
                t.setDaemon(true);
                t.start();
            }
        }

        @Override
        public List<IpPrefix> onLinkPrefixes(String uplink) {
            InterfaceSwitch s = interfaceSwitch;
            if (s == null) {
                return List.of();
            }
            List<IpPrefix> out = new java.util.ArrayList<>();
            try {
                for (AccessLinkDTO link : s.accessLinks()) {
                    if (uplink.equals(link.interfaceName) && link.prefixes != null) {
                        for (PrefixDTO p : link.prefixes) {
                            if (p.onLink && p.prefix != null) {
                                out.add(IpPrefix.parse(p.prefix));
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "the switch's access links could not be read", e);
            }
            return out;
        }

        @Override
        public void startReceiving(TunnelPath path) {
            Thread t = new Thread(path::receiveLoop, "anyhome-path-" + path.uplink());
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void pathStateChanged(Path path, PathState previous, PathState current, long atEpochMillis) {
            for (PathListener l : pathListeners) {
                try {
                    l.pathStateChanged(path, previous, current, atEpochMillis);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "path listener failed", e);
                }
            }
        }

        @Override
        public void reportProbe(String uplink, Map<String, Double> metrics) {
            NicRegistry r = nics;
            if (r != null && !metrics.isEmpty()) {
                try {
                    r.reportProbe(uplink, metrics);
                } catch (AnyhomeException e) {
                    // the registry does not know the interface (not claimed by a driver): nothing to merge into
                }
            }
        }

        @Override
        public String technology(String uplink) {
            NicRegistry r = nics;
            return r == null ? null : r.show(uplink).map((NicDTO d) -> d.technology).orElse(null);
        }

        @Override
        public boolean deliver(ByteBuffer packet) {
            InnerDelivery d = delivery;
            if (d == null) {
                d = new InnerDelivery(() -> duplicateFilter, () -> vi, node.counters());
                delivery = d;
            }
            return d.deliver(packet);
        }

        @Override
        public void flushDelivered() {
            InnerDelivery d = delivery;
            if (d != null) {
                d.flush();
            }
        }
    }
}
