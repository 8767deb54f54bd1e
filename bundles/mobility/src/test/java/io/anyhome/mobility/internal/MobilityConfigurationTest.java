package io.anyhome.mobility.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MobilityConfigurationTest {
    private static Map<String, Object> valid() {
        Map<String, Object> p = new HashMap<>();
        p.put("role", "mn");
        p.put("homeAddress", "2001:db8:1::10");
        p.put("homePrefix", "2001:db8:1::/64");
        p.put("homeAgent", "2001:db8:1::1");
        p.put("key", "00112233445566778899aabbccddeeff");
        return p;
    }

    @Test
    void givenOnlyTheRequiredKeys_whenRead_thenTheDefaultsApply() {
        MobilityConfiguration c = MobilityConfiguration.from(valid(), null);

        assertThat(c.port()).isEqualTo(4191);
        assertThat(c.lifetimeSeconds()).isEqualTo(600);
        assertThat(c.spi()).isEqualTo(256);
        assertThat(c.algorithm()).isEqualTo(Algorithm.HMAC_SHA256_128);
        assertThat(c.identity()).isEqualTo("2001:db8:1::10");
        assertThat(c.probes().intervalFor("ethernet")).isEqualTo(50);
        assertThat(c.probes().intervalFor("wlan")).isEqualTo(50);
        assertThat(c.probes().intervalFor("cellular")).isEqualTo(250);
        assertThat(c.probes().intervalFor(null)).isEqualTo(50);
        assertThat(c.probes().missesFor("cellular")).isEqualTo(3);
    }

    @Test
    void givenPerTechnologyProbeKeys_whenRead_thenTheyOverrideTheDefault() {
        Map<String, Object> p = valid();
        p.put("probeIntervalMs", "100");
        p.put("probeIntervalMs.cellular", "1000");
        p.put("probeMisses.wlan", "5");
        p.put("algorithm", "hmac-sha1-96");

        MobilityConfiguration c = MobilityConfiguration.from(p, null);

        assertThat(c.probes().intervalFor("ethernet")).isEqualTo(100);
        assertThat(c.probes().intervalFor("cellular")).isEqualTo(1000);
        assertThat(c.probes().missesFor("wlan")).isEqualTo(5);
        assertThat(c.probes().missesFor("ethernet")).isEqualTo(3);
        assertThat(c.algorithm()).isEqualTo(Algorithm.HMAC_SHA1_96);
    }

    @Test
    void givenBadValues_whenRead_thenEachIsRefusedNamingTheFileAndKey() {
        assertRefused("homeAgent", null, "etc/io.anyhome.mobility.cfg: key homeAgent: missing");
        assertRefused("homeAgent", "fe80::1", "etc/io.anyhome.mobility.cfg: key homeAgent = fe80::1");
        assertRefused("homeAddress", null, "etc/io.anyhome.node.cfg: key homeAddress: missing");
        assertRefused("homePrefix", "2001:db8:2::/64", "etc/io.anyhome.node.cfg: key homePrefix");
        assertRefused("encapsulation", "ip6ip6", "etc/io.anyhome.mobility.cfg: key encapsulation = ip6ip6: only udp");
        assertRefused("algorithm", "md5", "key algorithm = md5: not one of hmac-sha256-128, hmac-sha1-96");
        assertRefused("key", "0011", "key key = (hidden): a key of at least 16 bytes");
        assertRefused("key", "zz", "key key = (hidden): not hexadecimal");
        assertRefused("key", null, "key key: missing: give key (hex) or keyFile");
        assertRefused("port", "70000", "key port = 70000: outside 1..65535");
        assertRefused("probeIntervalMs.cellular", "5", "key probeIntervalMs.cellular = 5: outside 10..60000");
        assertRefused("lifetimeSeconds", "ten", "key lifetimeSeconds = ten: not a whole number");
        assertRefused("homeAgentIpv4", "2001:db8:1::1", "etc/io.anyhome.mobility.cfg: key homeAgentIpv4 = 2001:db8:1::1");
        assertRefused("homeAgentIpv4", "224.0.0.1", "key homeAgentIpv4 = 224.0.0.1: the home agent's IPv4 address");
        assertRefused("homeAgentIpv4", "no.such", "key homeAgentIpv4 = no.such");
    }

    @Test
    void givenTheHomeAgentsIpv4Address_whenRead_thenIpv4CareOfAddressesCanBeUsed() {
        assertThat(MobilityConfiguration.from(valid(), null).homeAgentIpv4()).as("not by default").isNull();
        Map<String, Object> p = valid();
        p.put("homeAgentIpv4", "198.51.100.2");

        assertThat(MobilityConfiguration.from(p, null).homeAgentIpv4().getHostAddress()).isEqualTo("198.51.100.2");
    }

    private static void assertRefused(String key, String value, String message) {
        Map<String, Object> p = valid();
        if (value == null) {
            p.remove(key);
        } else {
            p.put(key, value);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> MobilityConfiguration.from(p, null))
                .withMessageContaining(message);
    }

    @Test
    void givenAKeyFileRelativeToEtc_whenRead_thenTheKeyComesFromIt(@TempDir Path etc) throws Exception {
        Files.writeString(etc.resolve("mn.key"), "ffeeddccbbaa99887766554433221100\n");
        Map<String, Object> p = valid();
        p.remove("key");
        p.put("keyFile", "mn.key");

        assertThat(MobilityConfiguration.from(p, etc).key()).hasSize(16).startsWith((byte) 0xff);
        p.put("keyFile", "absent.key");
        assertThatIllegalArgumentException().isThrownBy(() -> MobilityConfiguration.from(p, etc))
                .withMessageContaining("key keyFile = absent.key: cannot read");
    }
}
