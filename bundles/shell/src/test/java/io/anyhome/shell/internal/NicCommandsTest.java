package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.NicState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NicCommandsTest {
    /** Two interfaces; overrides are stored and shown with source "override", as the real registry does. */
    private static final class TwoNics implements NicRegistry {
        final Map<String, String> overrides = new TreeMap<>();

        public NicHandle claim(NicDriver driver, String interfaceName) throws NicClaimException {
            throw new UnsupportedOperationException();
        }

        public void reportProbe(String interfaceName, Map<String, Double> metrics) {
        }

        public List<NicDTO> list() {
            return List.of(eth0(), wlan0());
        }

        public Optional<NicDTO> show(String name) {
            return list().stream().filter(n -> n.name.equals(name)).findFirst();
        }

        public void setOverride(String name, String key, String value) throws AnyhomeException {
            if (show(name).isEmpty()) {
                throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no interface " + name);
            }
            if (!value.matches("-?[0-9.]+")) {
                throw new AnyhomeException(AnyhomeException.Code.INVALID_ARGUMENT, "override " + key + ": '" + value + "' is not a number");
            }
            overrides.put(key, value);
        }

        public boolean clearOverride(String name, String key) {
            return overrides.remove(key) != null;
        }

        private NicDTO eth0() {
            NicDTO n = base("eth0", 2);
            n.technology = "ethernet";
            n.driver = "ethernet";
            n.state = NicState.UP;
            n.carrier = true;
            n.metrics = new TreeMap<>(Map.of("cost", 0.0, "speed.mbps", 1000.0, "rtt.ms", 12.5));
            n.metricSources = new TreeMap<>(Map.of("cost", "driver", "speed.mbps", "driver", "rtt.ms", "probe"));
            n.info = Map.of("duplex", "full");
            overrides.forEach((k, v) -> {
                n.metrics.put(k, Double.parseDouble(v));
                n.metricSources.put(k, "override");
            });
            n.overrides = new TreeMap<>(overrides);
            n.cost = n.metrics.get("cost");
            return n;
        }

        private static NicDTO wlan0() {
            NicDTO n = base("wlan0", 3);
            n.state = NicState.DOWN;
            n.metrics = Map.of();
            n.metricSources = Map.of();
            n.info = Map.of();
            n.overrides = Map.of();
            n.claimError = "driver 'sat': claimed by 'wlan'";
            return n;
        }

        private static NicDTO base(String name, int index) {
            NicDTO n = new NicDTO();
            n.name = name;
            n.index = index;
            n.stateSince = 0;
            return n;
        }
    }

    private final TwoNics registry = new TwoNics();
    private final NicCommands commands = new NicCommands(registry);

    @Test
    void givenTwoInterfaces_whenListed_thenATableShowsOwnerStateCostAndTheRefusedClaim() {
        String table = (String) commands.list(false);

        assertThat(table.lines()).containsExactly(
                "NAME   TECHNOLOGY  DRIVER    STATE  CARRIER  COST  METERED  SIGNAL  PROBLEM",
                "eth0   ethernet    ethernet  UP     true     0     false    -       -",
                "wlan0  -           -         DOWN   false    0     false    -       refused driver 'sat': claimed by 'wlan'");
    }

    @Test
    void givenJson_whenListed_thenTheRegistrysDtosArePrintedOnOneLine() {
        String json = (String) commands.list(true);

        assertThat(json).startsWith("[{\"name\":\"eth0\",\"index\":2,\"technology\":\"ethernet\"")
                .contains("\"metricSources\":{\"cost\":\"driver\",\"rtt.ms\":\"probe\",\"speed.mbps\":\"driver\"}")
                .contains("\"claimError\":\"driver 'sat': claimed by 'wlan'\"").doesNotContain("\n");
    }

    @Test
    void givenAnOverride_whenShown_thenItIsMarkedAsSuchBesideDriverAndProbeValues() throws Exception {
        assertThat(commands.set(false, "eth0", "cost", "5")).isEqualTo("eth0: cost=5 (override)");

        String shown = DtoFormatter.table(commands.show(false, "eth0"));

        assertThat(shown).contains("name: eth0\n", "driver: ethernet\n", "cost: 5.0\n", "info: duplex=full\n",
                "overrides: cost=5\n");
        assertThat(shown).contains("metrics:\nKEY         VALUE  SOURCE\ncost        5      override\n"
                + "rtt.ms      12.5   probe\nspeed.mbps  1000   driver");
        assertThat((String) commands.list(false)).contains("eth0   ethernet    ethernet  UP     true     5*");
    }

    @Test
    void givenClear_whenSet_thenTheOverrideIsGone() throws Exception {
        commands.set(false, "eth0", "cost", "5");

        assertThat(commands.set(true, "eth0", "cost")).isEqualTo("eth0: override cost cleared");
        assertThat(commands.set(true, "eth0", "cost")).isEqualTo("eth0: no override cost");
        assertThat(registry.overrides).isEmpty();
    }

    @Test
    void givenWrongArguments_whenSet_thenUsageErrors() {
        assertThatIllegalArgumentException().isThrownBy(() -> commands.set(false, "eth0", "cost"))
                .withMessageStartingWith("usage: nic:set");
        assertThatIllegalArgumentException().isThrownBy(() -> commands.set(true, "eth0", "cost", "5"))
                .withMessageStartingWith("usage: nic:set");
        assertThatIllegalArgumentException().isThrownBy(() -> commands.set(false, "eth0", "cost", "cheap"))
                .withMessage("override cost: 'cheap' is not a number");
    }

    @Test
    void givenAnUnknownInterface_whenShownOrSet_thenTheCommandFailsNamingIt() {
        assertThatThrownBy(() -> commands.show(false, "eth9")).isInstanceOf(AnyhomeException.class)
                .hasMessage("no interface eth9");
        assertThatThrownBy(() -> commands.set(true, "eth9", "cost")).isInstanceOf(AnyhomeException.class);
        assertThat(CommandLineRunner.exitStatusOf(new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "x")))
                .isEqualTo(CommandLineRunner.FAILED);
    }
}
