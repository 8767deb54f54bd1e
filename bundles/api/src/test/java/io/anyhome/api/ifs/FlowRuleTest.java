package io.anyhome.api.ifs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.AddressText;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class FlowRuleTest {
    private static final InetAddress HOA = AddressText.parse("2001:db8:1::10");
    private static final InetAddress CN = AddressText.parse("2001:db8:2::7");

    @Test
    void givenAPortRule_whenTheFlowHasThePortAtEitherEnd_thenItMatches() {
        FlowRule ssh = FlowRule.port(FlowKey.TCP, 22);
        assertThat(ssh.matches(new FlowKey(HOA, CN, FlowKey.TCP, 50000, 22, 0), 0)).as("client").isTrue();
        assertThat(ssh.matches(new FlowKey(HOA, CN, FlowKey.TCP, 22, 50000, 0), 0)).as("server").isTrue();
        assertThat(ssh.matches(new FlowKey(HOA, CN, FlowKey.UDP, 50000, 22, 0), 0)).as("other protocol").isFalse();
        assertThat(ssh.matches(new FlowKey(HOA, CN, FlowKey.TCP, 50000, 23, 0), 0)).as("other port").isFalse();
    }

    @Test
    void givenADscpRule_whenMatched_thenOnlyTheMarkMatters() {
        FlowRule voice = FlowRule.dscp(46);
        FlowKey rtp = new FlowKey(HOA, CN, FlowKey.UDP, 16384, 16384, 0);
        assertThat(voice.matches(rtp, 46)).isTrue();
        assertThat(voice.matches(rtp, 0)).isFalse();
        assertThat(FlowRule.any().matches(rtp, 0)).isTrue();
    }

    @Test
    void givenInvalidFields_whenConstructed_thenTheMessageNamesThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FlowRule(6, 100, 99, FlowRule.ANY))
                .withMessageContaining("port range 100..99");
        assertThatIllegalArgumentException().isThrownBy(() -> new FlowRule(6, 0, 65535, 64))
                .withMessageContaining("dscp 64");
        assertThatIllegalArgumentException().isThrownBy(() -> new FlowRule(300, 0, 65535, FlowRule.ANY))
                .withMessageContaining("protocol 300");
    }

    @Test
    void givenRules_whenPrinted_thenTheyReadLikeTheShellSyntax() {
        assertThat(FlowRule.port(6, 22)).hasToString("tcp:22");
        assertThat(new FlowRule(17, 5000, 5100, 46)).hasToString("udp:5000-5100+dscp:46");
        assertThat(new FlowRule(47, 0, 65535, FlowRule.ANY)).hasToString("proto:47");
        assertThat(new FlowRule(58, 1, 1, FlowRule.ANY)).hasToString("proto:58+port:1");
        assertThat(new FlowRule(FlowRule.ANY, 53, 53, FlowRule.ANY)).hasToString("port:53");
        assertThat(FlowRule.dscp(46)).hasToString("dscp:46");
        assertThat(FlowRule.any()).hasToString("all");
    }

    @Test
    void givenTheTextForm_whenParsed_thenEachTermSetsItsField() {
        assertThat(FlowRule.parse("all")).isEqualTo(FlowRule.any());
        assertThat(FlowRule.parse("TCP:22")).isEqualTo(FlowRule.port(6, 22));
        assertThat(FlowRule.parse("udp:5000-5010")).isEqualTo(new FlowRule(17, 5000, 5010, FlowRule.ANY));
        assertThat(FlowRule.parse("tcp:443+dscp:10")).isEqualTo(new FlowRule(6, 443, 443, 10));
        assertThat(FlowRule.parse("proto:47")).isEqualTo(FlowRule.protocol(47));
        assertThat(FlowRule.parse("port:53")).isEqualTo(new FlowRule(FlowRule.ANY, 53, 53, FlowRule.ANY));
        assertThat(FlowRule.parse("icmpv6")).isEqualTo(FlowRule.protocol(58));
    }

    @Test
    void givenAnyRule_whenWrittenAndReadBack_thenItIsTheSameRule() {
        for (FlowRule r : new FlowRule[] {FlowRule.any(), FlowRule.port(6, 22), new FlowRule(17, 5000, 5100, 46),
                new FlowRule(58, 1, 1, FlowRule.ANY), FlowRule.protocol(58), new FlowRule(FlowRule.ANY, 7, 9, 0),
                new FlowRule(132, 0, 65535, 63)}) {
            assertThat(FlowRule.parse(r.toString())).as(r.toString()).isEqualTo(r);
        }
    }

    @Test
    void givenBadText_whenParsed_thenRefusedNamingTheTerm() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FlowRule.parse("tcp:ssh"))
                .withMessageContaining("'tcp:ssh'").withMessageContaining("port 'ssh'");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FlowRule.parse("tcp+udp"))
                .withMessageContaining("protocol is given twice");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FlowRule.parse("icmpv6:1"))
                .withMessageContaining("icmpv6 has no ports");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FlowRule.parse("port:9-1"))
                .withMessageContaining("ends before it starts");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FlowRule.parse("dscp:64"))
                .withMessageContaining("0..63");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FlowRule.parse("all+tcp"))
                .withMessageContaining("cannot be combined");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FlowRule.parse(" "))
                .withMessageContaining("empty");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FlowRule.parse("ssh"))
                .withMessageContaining("not a flow rule term");
    }
}
