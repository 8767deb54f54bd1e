package io.anyhome.ifs.internal;

import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.NodeRole;
import io.anyhome.api.event.EventProperties;
import io.anyhome.api.event.EventTopics;
import io.anyhome.api.ifs.DecisionListener;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.ifs.MovementListener;
import io.anyhome.api.ifs.UplinkListener;
import io.anyhome.api.mobility.MobilityService;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathListener;
import io.anyhome.api.platform.Platform;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Runs the Interface Switching module on mobile nodes and mobile routers: a thin adapter that
 * feeds an {@link InterfaceSwitchService} with policies, paths and decision listeners (all
 * whiteboard, dynamic), and registers it as the {@link InterfaceSwitch}, {@link UplinkListener}
 * and {@link PathListener} services. On a home agent it stays idle ("not used by this role").
 *
 * <p>Settings come from {@code etc/io.anyhome.ifs.cfg} ({@link IfsConfiguration}); a bad value
 * fails the activation with a message naming the file and key. The uplinks' usage is kept in
 * {@code DIR/data/ifs-usage.json} of the node's state directory ({@link UsageMeter}).
 */
@Component(immediate = true, configurationPid = {ConfigurationPids.NODE, ConfigurationPids.IFS},
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {"anyhome.roles=mn", "anyhome.roles=mr"})
public class InterfaceSwitchComponent {
    /** The keys of {@code etc/io.anyhome.ifs.cfg}, described for the metatype service. */
    @ObjectClassDefinition(pid = ConfigurationPids.IFS, name = "anyhome interface switching")
    public @interface Config {
        /** @return the active policy */
        @AttributeDefinition(description = "the active policy's name (anyhome.policy.name); empty: the highest-ranked policy", required = false)
        String policy();

        /** @return the policy time budget */
        @AttributeDefinition(description = "milliseconds of CPU time a policy evaluation may use before the policy is disabled (a call held back by load is waited for up to 20 budgets, at least 1 s)")
        int policyBudgetMs() default 50;

        /** @return the evaluation interval */
        @AttributeDefinition(description = "milliseconds between periodic evaluations, 10..1000")
        int evaluationIntervalMs() default 1000;

        /** @return the idle timeout */
        @AttributeDefinition(description = "seconds a flow may be silent before it leaves the flow table")
        int flowIdleSeconds() default 300;

        /** @return the table size */
        @AttributeDefinition(description = "flow table slots, a power of two; keep it twice the flows expected at once")
        int flowTableSlots() default 65_536;

        /** @return the log size */
        @AttributeDefinition(description = "handovers kept for ifs:handovers")
        int handoverLogSize() default 256;

        /** @return the accounting day */
        @AttributeDefinition(description = "day of the month (1..28, UTC) on which the uplinks' usage (interface bytes, both directions) starts again")
        int accountingDay() default 1;
    }

    /** The framework property naming the node's state directory. */
    static final String STATE_PROPERTY = "anyhome.state";
    /** The framework property naming the node's data directory (default: the state's {@code data}). */
    static final String DATA_PROPERTY = "anyhome.data";

    private final Logger logger;
    private final InterfaceSwitchService service;
    private final IfsConfiguration config;
    private final List<ServiceRegistration<?>> registrations = new CopyOnWriteArrayList<>();
    private volatile EventAdmin events;

    /**
     * @param context the bundle context, to register the services
     * @param registry the NIC registry (same bundle)
     * @param logger the logger
     * @param props the merged node and ifs configuration
     */
    @Activate
    public InterfaceSwitchComponent(BundleContext context, @Reference(name = "registry") NicRegistry registry,
            @Reference(service = LoggerFactory.class) Logger logger, Map<String, Object> props) {
        this.logger = logger;
        Object roleValue = props.get(ConfigurationPids.NODE_ROLE);
        NodeRole role = roleValue == null ? null : NodeRole.parse(roleValue.toString());
        if (role == null || !role.isMobile()) {
            this.service = null;
            this.config = null;
            return;
        }
        this.config = IfsConfiguration.from(props);
        this.service = new InterfaceSwitchService(config, registry, System::currentTimeMillis, new Reports(),
                usageFile(context));
        service.start();
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Constants.SERVICE_DESCRIPTION, "anyhome interface switching");
        registrations.add(context.registerService(InterfaceSwitch.class, service, p));
        registrations.add(context.registerService(UplinkListener.class, service, p));
        registrations.add(context.registerService(PathListener.class, service, p));
    }

    /**
     * Where the uplinks' usage is kept across restarts: {@code anyhome.data} (the node's data
     * directory, which {@code anyhome check} points at its throwaway place), else
     * {@code anyhome.state}{@code /data}; neither (tests, Pax Exam): kept in memory only.
     */
    static java.nio.file.Path usageFile(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        String state = context.getProperty(STATE_PROPERTY);
        java.nio.file.Path dir = data != null && !data.isBlank() ? java.nio.file.Path.of(data)
                : state != null && !state.isBlank() ? java.nio.file.Path.of(state, "data") : null;
        return dir == null ? null : dir.resolve(UsageFile.NAME);
    }

    /**
     * Takes a changed {@code policy} at once, keeping flows, pins and the decision in force;
     * other changed keys (and a changed role) are logged as taking effect at the next start,
     * and a bad value is refused naming the file and key.
     *
     * @param props the new merged configuration
     */
    @Modified
    void modified(Map<String, Object> props) {
        Object role = props.get(ConfigurationPids.NODE_ROLE);
        boolean mobile = role != null && NodeRole.parse(role.toString()).isMobile();
        if (service == null) {
            if (mobile) {
                logger.warn("role changed to {}: the interface switch starts when the node restarts", role);
            }
            return;
        }
        if (!mobile) {
            logger.warn("role changed to {}: the interface switch keeps running until the node restarts", role);
        }
        IfsConfiguration changed = IfsConfiguration.from(props);
        if (!changed.withPolicy(null).equals(config.withPolicy(null))) {
            logger.warn("{}: changed keys other than policy take effect when the node restarts (running with {})",
                    IfsConfiguration.FILE, config);
        }
        service.configurePolicy(changed.policy());
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
        if (service != null) {
            service.close();
        }
    }

    // DS binds the dynamic references after the constructor; on a home agent there is no service
    private void withService(Runnable r) {
        if (service != null) {
            r.run();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPolicy(InterfaceSelectionPolicy policy, ServiceReference<InterfaceSelectionPolicy> ref) {
        Object name = ref.getProperty(InterfaceSelectionPolicy.POLICY_NAME_PROPERTY);
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        String bundle = ref.getBundle() == null ? null : ref.getBundle().getSymbolicName();
        if (name == null || name.toString().isBlank()) {
            logger.warn("policy service {} from {} has no {} property; ignored", id, bundle,
                    InterfaceSelectionPolicy.POLICY_NAME_PROPERTY);
            return;
        }
        int rank = ranking instanceof Integer r ? r : 0;
        withService(() -> service.addPolicy(name.toString(), rank, id, bundle, policy));
    }

    void unbindPolicy(InterfaceSelectionPolicy policy, ServiceReference<InterfaceSelectionPolicy> ref) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        withService(() -> service.removePolicy(id));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPath(Path path) {
        withService(() -> service.addPath(path));
    }

    void unbindPath(Path path) {
        withService(() -> service.removePath(path));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDecisionListener(DecisionListener listener) {
        withService(() -> service.addDecisionListener(listener));
    }

    void unbindDecisionListener(DecisionListener listener) {
        withService(() -> service.removeDecisionListener(listener));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMovementListener(MovementListener listener) {
        withService(() -> service.addMovementListener(listener));
    }

    void unbindMovementListener(MovementListener listener) {
        withService(() -> service.removeMovementListener(listener));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMobility(MobilityService mobility) {
        withService(() -> service.mobility(mobility));
    }

    void unbindMobility(MobilityService mobility) {
        withService(() -> service.mobilityGone(mobility));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPlatform(Platform platform) {
        withService(() -> service.watch(platform));
    }

    void unbindPlatform(Platform platform) {
        withService(() -> service.unwatch(platform));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin eventAdmin) {
        events = eventAdmin;
    }

    void unbindEventAdmin(EventAdmin eventAdmin) {
        if (events == eventAdmin) {
            events = null;
        }
    }

    /** Logs and posts what the switch reports. */
    private final class Reports implements InterfaceSwitchService.Reports {
        @Override
        public void switched(String from, String to, String trigger, String reason, String policy, long at) {
            logger.info("traffic moved from {} to {} ({}, policy {}): {}", Objects.toString(from, "no uplink"),
                    Objects.toString(to, "no uplink"), trigger, policy, reason);
            post(EventTopics.IFS_SWITCHED, EventProperties.FROM, from, EventProperties.TO, to,
                    EventProperties.TRIGGER, trigger, EventProperties.REASON, reason, EventProperties.POLICY, policy,
                    EventProperties.TIMESTAMP, at);
        }

        @Override
        public void decided(String uplink, String reason, String policy) {
            post(EventTopics.IFS_DECIDED, EventProperties.UPLINK, uplink, EventProperties.REASON, reason,
                    EventProperties.POLICY, policy);
        }

        @Override
        public void policyFailed(String policy, String failure) {
            logger.warn("policy '{}' disabled: it {}", policy, failure);
            post(EventTopics.IFS_POLICY_FAILED, EventProperties.POLICY, policy, EventProperties.REASON, failure);
        }

        @Override
        public void policyChanged(String policy, String reason) {
            logger.info("active policy: {} ({})", policy, reason);
            post(EventTopics.IFS_POLICY_CHANGED, EventProperties.POLICY, policy, EventProperties.REASON, reason);
        }

        @Override
        public void moved(String uplink, String cause, long at) {
            logger.info("movement on {}: {}", uplink, cause);
            post(EventTopics.RA_MOVED, EventProperties.INTERFACE, uplink, EventProperties.REASON, cause,
                    EventProperties.TIMESTAMP, at);
        }

        @Override
        public void problem(String message, Throwable cause) {
            logger.warn(message, cause);
        }
    }

    private void post(String topic, Object... keysAndValues) {
        EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        admin.postEvent(new Event(topic, properties));
    }
}
