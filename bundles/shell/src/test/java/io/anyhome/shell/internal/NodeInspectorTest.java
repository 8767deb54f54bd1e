package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class NodeInspectorTest {
    static final NodeIdentity MN = NodeIdentity.from(Map.of("role", "mn"));

    static ComponentDescriptionDTO description(String name, Map<String, Object> properties) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.properties = properties;
        d.configurationPolicy = "optional";
        d.configurationPid = new String[] {name};
        return d;
    }

    static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return c;
    }

    static NodeCheckDTO inspect(NodeIdentity id, List<NodeInspector.BundleFacts> bundles,
            ComponentDescriptionDTO d, List<ComponentConfigurationDTO> configurations) {
        return NodeInspector.inspect(id, null, bundles, List.of(d), x -> true, x -> configurations);
    }

    @Test
    void givenEverythingActive_thenTheCheckPasses() {
        NodeCheckDTO check = inspect(MN, List.of(new NodeInspector.BundleFacts(1, "io.anyhome.shell", "1", Bundle.ACTIVE, false)),
                description("a", Map.of()), List.of(configuration(ComponentConfigurationDTO.ACTIVE)));

        assertThat(check.ok).isTrue();
        assertThat(check.problems).isEmpty();
        assertThat(check.components.get(0).state).isEqualTo("active");
    }

    @Test
    void givenAResolvedBundle_thenTheCheckFailsNamingIt_butAResolvedFragmentIsFine() {
        NodeCheckDTO check = inspect(MN, List.of(
                new NodeInspector.BundleFacts(1, "io.anyhome.vi", "1", Bundle.RESOLVED, false),
                new NodeInspector.BundleFacts(2, "some.fragment", "1", Bundle.RESOLVED, true)),
                description("a", Map.of()), List.of(configuration(ComponentConfigurationDTO.ACTIVE)));

        assertThat(check.ok).isFalse();
        assertThat(check.problems).containsExactly("bundle io.anyhome.vi is RESOLVED");
    }

    @Test
    void givenAnUnsatisfiedReference_thenTheReportNamesTheMissingReference() {
        ComponentConfigurationDTO c = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO r = new UnsatisfiedReferenceDTO();
        r.name = "platform";
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {r};

        NodeCheckDTO check = inspect(MN, List.of(), description("io.anyhome.vi", Map.of()), List.of(c));

        assertThat(check.ok).isFalse();
        assertThat(check.components.get(0).detail).isEqualTo("missing platform");
        assertThat(check.problems).containsExactly("component io.anyhome.vi is unsatisfied reference: missing platform");
    }

    @Test
    void givenAComponentRequiringMissingConfiguration_thenTheReportNamesThePid() {
        ComponentDescriptionDTO d = description("io.anyhome.mobility", Map.of());
        d.configurationPolicy = "require";

        NodeCheckDTO check = inspect(MN, List.of(), d, List.of());

        assertThat(check.ok).isFalse();
        assertThat(check.components.get(0).detail).isEqualTo("missing configuration io.anyhome.mobility");
    }

    @Test
    void givenAComponentOfAnotherRole_thenItIsNotUsed_andNotAFailure() {
        ComponentDescriptionDTO d = description("io.anyhome.homeagent", Map.of(NodeInspector.ROLES_PROPERTY, new String[] {"ha"}));
        d.configurationPolicy = "require";

        NodeCheckDTO check = inspect(MN, List.of(), d, List.of());

        assertThat(check.ok).isTrue();
        assertThat(check.components.get(0).state).isEqualTo(NodeInspector.NOT_USED);
    }

    @Test
    void givenNoRoleConfigured_thenTheCheckFailsNamingTheFileAndKey() {
        NodeCheckDTO check = NodeInspector.inspect(NodeIdentity.from(Map.of()), null, List.of(), List.of(), x -> true, x -> List.of());

        assertThat(check.ok).isFalse();
        assertThat(check.problems).singleElement().asString().contains("role").contains("io.anyhome.node.cfg");
    }

    @Test
    void givenABadRole_thenTheProblemNamesTheValue() {
        assertThat(NodeIdentity.from(Map.of("role", "router")).problem()).contains("role=router");
        assertThat(NodeIdentity.from(Map.of("role", "ha", "platform", "bsd")).problem()).contains("platform=bsd");
    }

    @Test
    void givenAFailedActivation_thenTheDetailIsTheComponentsOwnMessage() {
        String trace = String.join("\n",
                "java.lang.reflect.InvocationTargetException",
                "\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)",
                "Caused by: java.lang.IllegalArgumentException: etc/io.anyhome.node.cfg: key homeAddress: missing",
                "\tat io.anyhome.vi.internal.ViConfiguration.from(ViConfiguration.java:60)");

        assertThat(NodeInspector.rootCause(trace))
                .isEqualTo("java.lang.IllegalArgumentException: etc/io.anyhome.node.cfg: key homeAddress: missing");
        assertThat(NodeInspector.rootCause("plain message")).isEqualTo("plain message");
    }

    @Test
    void givenAPlatformWithoutNetAdmin_thenTheCheckFailsSayingWhy() {
        io.anyhome.api.platform.PlatformCapabilitiesDTO caps = new io.anyhome.api.platform.PlatformCapabilitiesDTO();
        caps.name = "linux";
        caps.available = false;
        caps.unavailabilityCause = "no CAP_NET_ADMIN: run as root or grant the capability";

        NodeCheckDTO check = NodeInspector.inspect(NodeIdentity.from(Map.of("role", "mn", "platform", "linux")), caps,
                List.of(), List.of(), x -> true, x -> List.of());

        assertThat(check.ok).isFalse();
        assertThat(check.platform).isEqualTo("linux: unavailable: no CAP_NET_ADMIN: run as root or grant the capability");
        assertThat(check.problems).contains("platform " + check.platform);
    }

    @Test
    void givenAWorkingPlatform_thenItsLineNamesWhatItLacks() {
        io.anyhome.api.platform.PlatformCapabilitiesDTO caps = new io.anyhome.api.platform.PlatformCapabilitiesDTO();
        caps.name = "linux";
        caps.available = true;
        caps.featureCauses = Map.of("wirelessInfo", "no nl80211 family");

        NodeCheckDTO check = NodeInspector.inspect(NodeIdentity.from(Map.of("role", "ha", "platform", "linux")), caps,
                List.of(), List.of(), x -> true, x -> List.of());

        assertThat(check.ok).isTrue();
        assertThat(check.platform).isEqualTo("linux: available (without wirelessInfo)");
    }
}
