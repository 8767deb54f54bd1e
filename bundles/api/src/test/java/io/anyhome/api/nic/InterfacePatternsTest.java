package io.anyhome.api.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterfacePatternsTest {
    @Test
    void givenGlobsInOneValue_whenMatched_thenStarAndQuestionMarkAreWildcardsAndTheRestLiteral() {
        InterfacePatterns p = InterfacePatterns.parse("interfaces", "wlan*, wlp?s0");

        assertThat(p.globs()).containsExactly("wlan*", "wlp?s0");
        assertThat(p.matches("wlan0")).isTrue();
        assertThat(p.matches("wlp3s0")).isTrue();
        assertThat(p.matches("wlp33s0")).isFalse();
        assertThat(p.matches("eth0")).isFalse();
        assertThat(InterfacePatterns.parse("interfaces", "eth.0").matches("eth10")).isFalse();
    }

    @Test
    void givenSeveralValues_whenParsed_thenAllCount() {
        InterfacePatterns p = InterfacePatterns.parse("interfaces", List.of("eth0", "enp*"));

        assertThat(p.matches("eth0")).isTrue();
        assertThat(p.matches("enp0s3")).isTrue();
    }

    @Test
    void givenNothing_whenParsed_thenNothingMatches() {
        assertThat(InterfacePatterns.parse("interfaces", (List<String>) null).isEmpty()).isTrue();
        assertThat(InterfacePatterns.parse("interfaces", "  ").matches("eth0")).isFalse();
    }

    @Test
    void givenABadPattern_whenParsed_thenTheErrorNamesTheKeyAndThePattern() {
        assertThatIllegalArgumentException().isThrownBy(() -> InterfacePatterns.parse("interfaces", "wlan[0-9]"))
                .withMessageStartingWith("interfaces: 'wlan[0-9]'");
        assertThatIllegalArgumentException().isThrownBy(() -> InterfacePatterns.parse("interfaces", "eth/0"))
                .withMessageContaining("interfaces");
    }
}
