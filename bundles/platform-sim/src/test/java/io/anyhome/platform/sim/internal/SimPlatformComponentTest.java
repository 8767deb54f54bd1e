package io.anyhome.platform.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.platform.sim.SimClock;
import io.anyhome.platform.sim.SimPlatform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimPlatformComponentTest {

    @Test
    void givenNoPlatformKey_whenDeciding_thenTheEmulatorIsNotSelected() {
        assertThat(SimPlatformComponent.selected(Map.of())).isFalse();
        assertThat(SimPlatformComponent.selected(Map.of("platform", "linux"))).isFalse();
        assertThat(SimPlatformComponent.selected(Map.of("platform", " sim "))).isTrue();
    }

    @Test
    void givenNoTopology_whenBuilding_thenWlanWwanAndEthGetAddressesFromTheirRouters() throws Exception {
        SimClock clock = new SimClock();
        SimPlatform node = SimPlatformComponent.build(Map.of("platform", "sim"), clock);
        List<LinkEvent> links = new ArrayList<>();
        node.monitor(new NetworkListener() {
            @Override
            public void link(LinkEvent event) {
                links.add(event);
            }
        });

        clock.advance(Duration.ofSeconds(5));

        assertThat(links).extracting(LinkEvent::name).containsExactly("wlan0", "wwan0", "eth0");
        assertThat(node.iface("wlan0").addresses()).anyMatch(p -> p.toString().startsWith("2001:db8:a:"));
        assertThat(node.iface("eth0").addresses()).anyMatch(p -> p.toString().startsWith("2001:db8:c:"));
        assertThat(node.linkDetails(node.interfaceIndex("wlan0")).wireless()).isTrue();
        assertThat(node.linkDetails(node.interfaceIndex("wwan0")).devType()).isEqualTo("wwan");
        assertThat(node.wirelessStation(node.interfaceIndex("wlan0"))).isPresent();
    }

    @Test
    void givenBadValues_whenBuilding_thenTheMessageNamesTheKey() {
        SimClock clock = new SimClock();

        assertThatThrownBy(() -> SimPlatformComponent.build(Map.of("links",
                new String[] {"wlan0 2001:db8:a::/64 rate=fast"}), clock))
                .hasMessageContaining("links[0]").hasMessageContaining("rate 'fast'");
        assertThatThrownBy(() -> SimPlatformComponent.build(Map.of("links",
                new String[] {"wlan0 2001:db8:a::/64 loss=1.5"}), clock)).hasMessageContaining("loss '1.5'");
        assertThatThrownBy(() -> SimPlatformComponent.build(Map.of("links",
                new String[] {"wlan0 2001:db8:a::/64 colour=red"}), clock)).hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> SimPlatformComponent.build(Map.of("links",
                "wlan0 2001:db8:a::/64, wlan0 2001:db8:b::/64"), clock)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> SimPlatformComponent.build(Map.of("seed", "x"), clock))
                .hasMessageContaining("seed 'x'");
    }
}
