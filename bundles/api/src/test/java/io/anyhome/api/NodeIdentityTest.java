package io.anyhome.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.path.Encapsulation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class NodeIdentityTest {
    @Test
    void givenRoleValuesFromConfiguration_whenParsed_thenTheRoleIsFoundAndUnknownOnesAreNamed() {
        assertThat(NodeRole.parse(" MR ")).isEqualTo(NodeRole.MR);
        assertThat(NodeRole.HA.isMobile()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> NodeRole.parse("router"))
                .withMessageContaining("'router'").withMessageContaining("mn, mr, ha");
    }

    @Test
    void givenEncapsulationValues_whenParsed_thenOnlyTheKnownOnesAreAccepted() {
        assertThat(Encapsulation.parse("IP6IP6")).isEqualTo(Encapsulation.IP6IP6);
        assertThatIllegalArgumentException().isThrownBy(() -> Encapsulation.parse("gre"))
                .withMessageContaining("'gre'");
    }

    @Test
    void givenTheConfigurationPids_whenChecked_thenNoneContainsADashWhichFileInstallWouldSplit() throws Exception {
        int pids = 0;
        for (Field f : ConfigurationPids.class.getFields()) {
            String value = (String) f.get(null);
            if (Modifier.isStatic(f.getModifiers()) && value.startsWith("io.anyhome.")
                    && !f.getName().endsWith("_PROPERTY")) {
                pids++;
                assertThat(value).as(f.getName()).matches("io\\.anyhome\\.[a-z.]+");
            }
        }
        assertThat(pids).isEqualTo(5);
        assertThat(CommandScopes.ALL).containsExactly("nic", "vi", "ifs", "ra", "mip", "ha", "node");
    }
}
