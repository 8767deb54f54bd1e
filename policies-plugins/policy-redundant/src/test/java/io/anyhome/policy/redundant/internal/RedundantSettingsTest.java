package io.anyhome.policy.redundant.internal;

import io.anyhome.api.ifs.UplinkPattern;
import static io.anyhome.policy.redundant.internal.Fixtures.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.ifs.FlowKey;
import io.anyhome.api.ifs.FlowRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedundantSettingsTest {
    private static final String FILE = "etc/io.anyhome.policy.redundant.cfg: key ";

    @Test
    void givenNoConfiguration_whenParsed_thenDefaultOrderNothingDuplicatedHoldDown5s() {
        RedundantSettings s = RedundantSettings.from(Map.of());

        assertThat(s.order()).extracting(UplinkPattern::text).containsExactly("ethernet", "wlan", "cellular");
        assertThat(s.duplicate()).isEmpty();
        assertThat(s.duplicateFlows()).isEmpty();
        assertThat(s.holdDownMs()).isEqualTo(5000);
    }

    @Test
    void givenEveryRuleForm_whenParsed_thenTheMatchingFlowRules() {
        RedundantSettings s = RedundantSettings.from(Map.of("duplicate",
                "udp:5060, tcp:22 dscp:46,proto:17,icmpv6,port:5004-5005,UDP:5004-5005+dscp:46,tcp"));

        assertThat(s.duplicate()).extracting(DuplicateRule::rule).containsExactly(
                FlowRule.port(FlowKey.UDP, 5060), FlowRule.port(FlowKey.TCP, 22), FlowRule.dscp(46),
                FlowRule.protocol(17), FlowRule.protocol(FlowKey.ICMPV6), new FlowRule(FlowRule.ANY, 5004, 5005, FlowRule.ANY),
                new FlowRule(FlowKey.UDP, 5004, 5005, 46), FlowRule.protocol(FlowKey.TCP));
    }

    @Test
    void givenBadRules_whenParsed_thenRefusedNamingKeyAndEntry() {
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "sctp:9")))
                .hasMessageStartingWith(FILE + "duplicate: 'sctp:9': 'sctp:9' is not a flow rule term; expected");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "udp:70000")))
                .hasMessage(FILE + "duplicate: 'udp:70000': 'udp:70000': port '70000' is not a whole number 0..65535");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "dscp:64")))
                .hasMessageContaining("'dscp:64': dscp '64' is not a whole number 0..63");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "udp+tcp")))
                .hasMessageContaining("'udp+tcp': 'tcp': the protocol is given twice");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "udp:9+port:10")))
                .hasMessageContaining("'udp:9+port:10': 'port:10': the port is given twice");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "port:20-10")))
                .hasMessageContaining("'port:20-10': port range 20-10 ends before it starts");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "icmpv6:1")))
                .hasMessageContaining("icmpv6 has no ports");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "proto:")))
                .hasMessageContaining("duplicate: 'proto:': 'proto:': protocol '' is not a whole number 0..255");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicate", "tcp:22,tcp:22")))
                .hasMessage(FILE + "duplicate: 'tcp:22' is listed twice");
    }

    @Test
    void givenFiveTuples_whenParsed_thenTheyMatchTheirFlowsOnly() {
        RedundantSettings s = RedundantSettings.from(Map.of("duplicateFlows",
                "udp/2001:db8::1/*/2001:db8:2::7/5060, 17/*/*/198.51.100.7/*"));
        FlowSelection sip = s.duplicateFlows().get(0);
        FlowSelection v4 = s.duplicateFlows().get(1);

        assertThat(sip.matches(udp("2001:db8::1", 40000, "2001:db8:2::7", 5060))).isTrue();
        assertThat(sip.matches(udp("2001:db8::1", 40000, "2001:db8:2::7", 5061))).isFalse();
        assertThat(sip.matches(udp("2001:db8::2", 40000, "2001:db8:2::7", 5060))).isFalse();
        assertThat(v4.matches(udp("192.0.2.1", 1, "198.51.100.7", 2))).isTrue();
        assertThat(v4.matches(udp("192.0.2.1", 1, "198.51.100.8", 2))).isFalse();
    }

    @Test
    void givenBadFiveTuples_whenParsed_thenRefusedNamingKeyAndEntry() {
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicateFlows", "udp/2001:db8::1/5060")))
                .hasMessage(FILE + "duplicateFlows: 'udp/2001:db8::1/5060': expected PROTO/SOURCE/SPORT/DESTINATION/DPORT,"
                        + " e.g. udp/2001:db8::1/*/2001:db8:2::7/5060");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicateFlows", "udp/example.org/*/*/53")))
                .hasMessageContaining("'udp/example.org/*/*/53': 'example.org' is not an IPv4 or IPv6 address literal");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicateFlows", "udp/192.0.2.1/*/2001:db8::7/53")))
                .hasMessageContaining("source and destination are of different address families");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicateFlows", "gre/*/*/*/1")))
                .hasMessageContaining("protocol 'gre' is not udp, tcp, icmpv6 or a number 0..255");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("duplicateFlows", "udp/*/x/*/1")))
                .hasMessageContaining("source port 'x' is not * or a whole number 0..65535");
    }

    @Test
    void givenBadOrderOrHoldDown_whenParsed_thenRefusedNamingTheKey() {
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("order", "")))
                .hasMessageStartingWith(FILE + "order: is empty");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("order", "wlan,wlan")))
                .hasMessage(FILE + "order: 'wlan' is listed twice");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("order", "wl/an")))
                .hasMessageStartingWith(FILE + "order: 'wl/an' is neither a technology name");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("holdDownMs", "soon")))
                .hasMessage(FILE + "holdDownMs: 'soon' is not a whole number of milliseconds");
        assertThatThrownBy(() -> RedundantSettings.from(Map.of("holdDownMs", -1L)))
                .hasMessage(FILE + "holdDownMs: -1 is outside 0..3600000");
    }
}
