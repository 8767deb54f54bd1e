package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which node configurations select the Linux platform. */
class LinuxPlatformComponentTest {
    @Test
    void givenNoConfigurationOrNoPlatformKey_whenAsked_thenLinuxIsSelected() {
        assertThat(LinuxPlatformComponent.selected(null)).isTrue();
        assertThat(LinuxPlatformComponent.selected(Map.of("role", "mn"))).isTrue();
        assertThat(LinuxPlatformComponent.selected(Map.of("platform", " linux "))).isTrue();
    }

    @Test
    void givenAnotherPlatform_whenAsked_thenLinuxIsNotSelected() {
        assertThat(LinuxPlatformComponent.selected(Map.of("platform", "sim"))).isFalse();
        assertThat(LinuxPlatformComponent.selected(Map.of("platform", "Linux"))).isFalse();
    }
}
