package io.anyhome.homeagent.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeAgentComponentTest {
    @Test
    void givenAMobileNodeOrNoRole_whenActivated_thenTheComponentStaysIdleWithoutTouchingThePlatform() {
        // a null context and platform would fail on any use: idle means not using them
        assertThatCode(() -> new HomeAgentComponent(null, null, Map.of("role", "mn", "homePrefix", "bad")).deactivate())
                .doesNotThrowAnyException();
        assertThatCode(() -> new HomeAgentComponent(null, null, Map.of()).deactivate()).doesNotThrowAnyException();
    }
}
