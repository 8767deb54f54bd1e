package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.ifs.FlowRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowRuleSyntaxTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "all;                -1; 0;     65535; -1",
            "ALL;                -1; 0;     65535; -1",
            "tcp;                 6; 0;     65535; -1",
            "udp;                17; 0;     65535; -1",
            "icmpv6;             58; 0;     65535; -1",
            "tcp:22;              6; 22;    22;    -1",
            "udp:5000-5010;      17; 5000;  5010;  -1",
            "dscp:46;            -1; 0;     65535; 46",
            "proto:47;           47; 0;     65535; -1",
            "port:53;            -1; 53;    53;    -1",
            "tcp:443,dscp:10;     6; 443;   443;   10",
            "' dscp:10 , tcp:443 '; 6; 443; 443;   10",
            "proto:132,port:1-2; 132; 1;    2;     -1"})
    void givenAFlow_whenParsed_thenTheRuleMatchesIt(String text, int protocol, int from, int to, int dscp) {
        assertThat(FlowRuleSyntax.parse(text)).isEqualTo(new FlowRule(protocol, from, to, dscp));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "'';                  empty FLOW",
            "sctp;                'sctp' is not a FLOW term",
            "tcp:;                'tcp:' needs a value after ':'",
            "dscp;                'dscp' needs a value after ':'",
            "tcp:ssh;             'tcp:ssh': port 'ssh' is not a number",
            "tcp:70000;           'tcp:70000': port 70000 is outside 0..65535",
            "udp:5010-5000;       'udp:5010-5000': port range 5010-5000 ends before it starts",
            "dscp:64;             'dscp:64': dscp 64 is outside 0..63",
            "proto:256;           'proto:256': protocol 256 is outside 0..255",
            "tcp,udp;             'udp': the protocol is given twice",
            "tcp:22,port:80;      'port:80': the port is given twice",
            "dscp:1,dscp:2;       'dscp:2': dscp given twice",
            "icmpv6:1;            'icmpv6:1': icmpv6 has no ports",
            "all,tcp;             'all' cannot be combined",
            "'tcp,,dscp:1';       has an empty term"})
    void givenBadSyntax_whenParsed_thenTheErrorNamesWhatIsWrong(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> FlowRuleSyntax.parse(text)).withMessageContaining(message);
    }

    @Test
    void givenProtocolNumbers_whenNamed_thenKnownOnesHaveTheirNames() {
        assertThat(FlowRuleSyntax.protocolName(6)).isEqualTo("tcp");
        assertThat(FlowRuleSyntax.protocolName(17)).isEqualTo("udp");
        assertThat(FlowRuleSyntax.protocolName(58)).isEqualTo("icmpv6");
        assertThat(FlowRuleSyntax.protocolName(47)).isEqualTo("47");
    }
}
