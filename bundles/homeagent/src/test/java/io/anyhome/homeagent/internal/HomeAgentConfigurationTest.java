package io.anyhome.homeagent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeAgentConfigurationTest {
    private static final Path ETC = Path.of("/opt/anyhome/etc");

    private static Map<String, Object> props() {
        Map<String, Object> p = new HashMap<>();
        p.put("role", "ha");
        p.put("homePrefix", "2001:db8:1::/64");
        p.put("address", "2001:db8:1::1");
        p.put("homeLink", "eth0");
        return p;
    }

    @Test
    void givenTheRequiredKeys_whenRead_thenTheContractsDefaultsApply() {
        HomeAgentConfiguration c = HomeAgentConfiguration.from(props(), ETC);

        assertThat(c.port()).isEqualTo(4191);
        assertThat(c.maxLifetimeSeconds()).isEqualTo(3600);
        assertThat(c.timestampToleranceSeconds()).isEqualTo(7);
        assertThat(c.tun()).isEqualTo("ha0");
        assertThat(c.ackRateLimitPerSecond()).isEqualTo(10);
        assertThat(c.keysDirectory()).isEqualTo(Path.of("/opt/anyhome/etc/homeagent-keys"));
        assertThat(c.homePrefix().toString()).isEqualTo("2001:db8:1::/64");
        assertThat(c.ipv4Address()).isNull();
    }

    @Test
    void givenKeysDirectories_whenResolved_thenRelativeOnesAreInsideEtc() {
        assertThat(HomeAgentConfiguration.resolve(ETC, "keys")).isEqualTo(Path.of("/opt/anyhome/etc/keys"));
        assertThat(HomeAgentConfiguration.resolve(ETC, "/srv/keys")).isEqualTo(Path.of("/srv/keys"));
    }

    @Test
    void givenNoHomePrefix_whenRead_thenTheNodeFileAndKeyAreNamed() {
        Map<String, Object> p = props();
        p.remove("homePrefix");

        assertThatIllegalArgumentException().isThrownBy(() -> HomeAgentConfiguration.from(p, ETC))
                .withMessageStartingWith("etc/io.anyhome.node.cfg: key homePrefix: missing");
    }

    @Test
    void givenBadValues_whenRead_thenTheHomeAgentFileAndKeyAreNamed() {
        assertRefused("address", "2001:db8:2::1", "etc/io.anyhome.homeagent.cfg: key address = 2001:db8:2::1: not inside");
        assertRefused("address", "fe80::1", "key address = fe80::1: a global IPv6 unicast address");
        assertRefused("homeLink", null, "key homeLink: missing");
        assertRefused("port", "70000", "key port = 70000: outside 1..65535");
        assertRefused("maxLifetimeSeconds", "soon", "key maxLifetimeSeconds = soon: not a whole number");
        assertRefused("tun", "ha/0", "key tun = ha/0");
        assertRefused("timestampToleranceSeconds", "0", "key timestampToleranceSeconds = 0: outside");
        assertRefused("ipv4Address", "2001:db8:1::1", "key ipv4Address = 2001:db8:1::1: an IPv4 unicast address");
    }

    private static void assertRefused(String key, String value, String message) {
        Map<String, Object> p = props();
        if (value == null) {
            p.remove(key);
        } else {
            p.put(key, value);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> HomeAgentConfiguration.from(p, ETC))
                .withMessageContaining(message);
    }
}
