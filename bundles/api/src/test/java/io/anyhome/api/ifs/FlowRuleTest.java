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
        assertThat(FlowRule.port(6, 22)).hasToString("proto 6 port 22");
        assertThat(new FlowRule(17, 5000, 5100, 46)).hasToString("proto 17 port 5000-5100 dscp 46");
        assertThat(FlowRule.any()).hasToString("any");
    }
}
