package io.anyhome.shell.internal;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import io.anyhome.api.platform.Platform;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Gogo commands of scope {@code node}: {@code node:status} and {@code node:check}. Both return a
 * DTO (printed as a table, or as JSON with {@code --json}); {@code node:check} prints its report
 * and fails when something this node's role needs is not running, so that {@code anyhome ctl
 * node:check} and {@code anyhome check} exit 1.
 */
@Component(service = NodeCommands.class, configurationPid = NodeIdentity.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.command.scope=node", "osgi.command.function=status", "osgi.command.function=check"})
public class NodeCommands {
    private static final String JSON = "--json";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private volatile NodeIdentity identity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Platform platform;

    @Activate
    public NodeCommands(BundleContext context, @Reference ServiceComponentRuntime scr, Map<String, Object> config) {
        this.context = context;
        this.scr = scr;
        this.identity = NodeIdentity.from(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        identity = NodeIdentity.from(config);
    }

    @Descriptor("show this node's role, platform, state directory, uptime and bundle count")
    public Object status(
            @Descriptor("print JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        NodeIdentity id = identity;
        NodeStatusDTO status = new NodeStatusDTO();
        status.role = id.role();
        status.platform = id.platform();
        status.stateDir = context.getProperty("anyhome.state");
        status.startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        status.uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        status.bundleCount = context.getBundles().length;
        return json ? DtoFormatter.json(status) : status;
    }

    @Descriptor("check that every bundle and every component this node's role needs is running; fails otherwise")
    public Object check(
            @Descriptor("print JSON instead of a table") @Parameter(names = JSON, presentValue = "true", absentValue = "false") boolean json) {
        Platform p = platform;
        NodeCheckDTO check = NodeInspector.inspect(identity, p == null ? null : p.capabilities(), bundles(),
                scr.getComponentDescriptionDTOs(),
                scr::isComponentEnabled, scr::getComponentConfigurationDTOs);
        if (!check.ok) {
            System.out.println(json ? DtoFormatter.json(check) : DtoFormatter.table(check));
            throw new IllegalStateException("node check failed: " + String.join("; ", check.problems));
        }
        return json ? DtoFormatter.json(check) : check;
    }

    private List<NodeInspector.BundleFacts> bundles() {
        return Arrays.stream(context.getBundles())
                .map(b -> new NodeInspector.BundleFacts(b.getBundleId(), b.getSymbolicName(),
                        b.getVersion().toString(), b.getState(), b.getHeaders("").get(Constants.FRAGMENT_HOST) != null))
                .collect(Collectors.toList());
    }
}
