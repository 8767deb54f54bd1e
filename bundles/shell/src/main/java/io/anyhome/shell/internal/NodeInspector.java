package io.anyhome.shell.internal;

import io.anyhome.api.NodeRole;
import java.util.Arrays;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Builds the {@link NodeCheckDTO} of {@code node:check} from facts about bundles and the DS
 * runtime's DTOs. A component that declares the service property {@value #ROLES_PROPERTY} (the
 * roles it serves) and does not list this node's role is reported "not used by this role" and is
 * never a failure. Plain Java; {@link NodeCommands} feeds it from the framework.
 */
final class NodeInspector {
    /** Component property: the roles ({@code mn}, {@code mr}, {@code ha}) a component serves. */
    static final String ROLES_PROPERTY = NodeRole.COMPONENT_PROPERTY;
    static final String NOT_USED = "not used by this role";

    /** What {@code node:check} needs to know of one bundle. */
    record BundleFacts(long id, String symbolicName, String version, int state, boolean fragment) {
    }

    private NodeInspector() {
    }

    static NodeCheckDTO inspect(NodeIdentity identity, PlatformCapabilitiesDTO platform, List<BundleFacts> bundles,
            Collection<ComponentDescriptionDTO> descriptions, Function<ComponentDescriptionDTO, Boolean> enabled,
            Function<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> configurations) {
        NodeCheckDTO check = new NodeCheckDTO();
        check.role = identity.role();
        if (identity.problem() != null) {
            check.problems.add(identity.problem());
        }
        platform(check, identity.platform(), platform);
        for (BundleFacts facts : bundles) {
            BundleCheckDTO b = bundle(facts);
            check.bundles.add(b);
            if (!b.ok) {
                check.problems.add("bundle " + b.symbolicName + " is " + b.state);
            }
        }
        for (ComponentDescriptionDTO description : descriptions) {
            ComponentCheckDTO c = component(identity.role(), description, enabled.apply(description),
                    configurations.apply(description));
            check.components.add(c);
            if (!c.ok) {
                check.problems.add("component " + c.name + " is " + c.state
                        + (c.detail == null ? "" : ": " + c.detail));
            }
        }
        check.ok = check.problems.isEmpty();
        return check;
    }

    static BundleCheckDTO bundle(BundleFacts facts) {
        BundleCheckDTO b = new BundleCheckDTO();
        b.id = facts.id();
        b.symbolicName = facts.symbolicName();
        b.version = facts.version();
        b.state = BundleStates.name(facts.state());
        b.ok = facts.state() == BundleStates.ACTIVE || facts.fragment() && facts.state() == BundleStates.RESOLVED;
        return b;
    }

    static ComponentCheckDTO component(String role, ComponentDescriptionDTO d, boolean enabled,
            Collection<ComponentConfigurationDTO> configurations) {
        ComponentCheckDTO c = new ComponentCheckDTO();
        c.name = d.name;
        c.bundle = d.bundle == null ? null : d.bundle.symbolicName;
        if (!servesRole(d, role)) {
            c.state = NOT_USED;
            c.ok = true;
            return c;
        }
        if (!enabled) {
            c.state = "disabled";
            c.ok = true;
            return c;
        }
        if (configurations.isEmpty()) {
            if (d.factory != null) {
                c.state = "factory";
                c.ok = true;
            } else if ("require".equals(d.configurationPolicy)) {
                c.state = "unsatisfied configuration";
                c.detail = "missing configuration " + String.join(", ", d.configurationPid);
            } else {
                c.state = "not created";
            }
            return c;
        }
        ComponentConfigurationDTO worst = configurations.stream()
                .min((a, b) -> Integer.compare(rank(a.state), rank(b.state))).orElseThrow();
        c.state = ComponentStates.name(worst.state);
        c.ok = worst.state == ComponentConfigurationDTO.ACTIVE || worst.state == ComponentConfigurationDTO.SATISFIED;
        c.detail = detail(d, worst);
        return c;
    }

    private static String detail(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        switch (c.state) {
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return "missing " + Arrays.stream(c.unsatisfiedReferences).map(NodeInspector::reference)
                        .collect(Collectors.joining(", "));
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "missing configuration " + String.join(", ", d.configurationPid);
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return rootCause(c.failure);
            default:
                return null;
        }
    }

    private static String reference(UnsatisfiedReferenceDTO r) {
        return r.name + (r.target == null || r.target.isEmpty() ? "" : " " + r.target);
    }

    /** Lower is worse: a component is reported by its least healthy configuration. */
    private static int rank(int state) {
        switch (state) {
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return 0;
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return 1;
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return 2;
            case ComponentConfigurationDTO.SATISFIED:
                return 3;
            default:
                return 4;
        }
    }

    static boolean servesRole(ComponentDescriptionDTO d, String role) {
        Object roles = d.properties == null ? null : d.properties.get(ROLES_PROPERTY);
        if (roles == null || role == null) {
            return true;
        }
        List<Object> list = roles instanceof String[] ? Arrays.asList((Object[]) roles)
                : roles instanceof Collection<?> ? List.copyOf((Collection<?>) roles) : List.of(roles);
        return list.stream().anyMatch(r -> role.equals(String.valueOf(r).trim()));
    }

    /**
     * The innermost cause of a failed activation, as one line: what the component said (for
     * example a refused configuration key), not the reflection wrapper DS puts around it.
     */
    static String rootCause(String failure) {
        if (failure == null) {
            return null;
        }
        String cause = failure.lines().findFirst().orElse(failure);
        for (String line : (Iterable<String>) failure.lines()::iterator) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause;
    }

    /**
     * The platform line of the report. A platform that is registered but cannot work here (no
     * CAP_NET_ADMIN, no /dev/net/tun) is a problem, named with its cause; a missing platform
     * shows up as the unsatisfied references of the components that need it.
     */
    static void platform(NodeCheckDTO check, String selected, PlatformCapabilitiesDTO caps) {
        check.platformCapabilities = caps;
        if (caps == null) {
            check.platform = selected + ": no platform service";
            return;
        }
        if (caps.available) {
            List<String> missing = caps.featureCauses == null ? List.of()
                    : caps.featureCauses.keySet().stream().sorted().collect(Collectors.toList());
            check.platform = caps.name + ": available" + (missing.isEmpty() ? "" : " (without " + String.join(", ", missing) + ")");
        } else {
            check.platform = caps.name + ": unavailable: " + caps.unavailabilityCause;
            check.problems.add("platform " + check.platform);
        }
    }
}
