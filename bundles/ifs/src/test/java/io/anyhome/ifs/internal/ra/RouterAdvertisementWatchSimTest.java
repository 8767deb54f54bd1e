package io.anyhome.ifs.internal.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.anyhome.api.AddressText;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.RouterDTO;
import io.anyhome.platform.sim.RaConfig;
import io.anyhome.platform.sim.SimInterface;
import io.anyhome.platform.sim.SimNetwork;
import io.anyhome.platform.sim.SimPlatform;
import io.anyhome.platform.sim.SimRouter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The watch on the emulated platform: a router's advertisements reach it through a real endpoint and monitor. */
class RouterAdvertisementWatchSimTest {
    private static final IpPrefix NET_A = IpPrefix.parse("2001:db8:a::/64");
    private static final IpPrefix NET_B = IpPrefix.parse("2001:db8:b::/64");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final RecordingMovementListener signals = new RecordingMovementListener();
    private final List<String> logged = new CopyOnWriteArrayList<>();

    @Test
    void givenARouterOnTheLink_whenItAdvertises_thenTheWatchListsRouterPrefixIntervalAndCareOfAddress()
            throws Exception {
        SimNetwork net = new SimNetwork(7);
        SimRouter ar1 = net.router("ar1");
        SimInterface port = ar1.attach(net.link("wlan"), RaConfig.of(NET_A)
                .withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(2)).withRouterLifetime(Duration.ofSeconds(6)));
        SimPlatform mn = net.node("mn");
        mn.addInterface("wlan0", net.link("wlan"));
        String router = AddressText.format(ar1.linkLocalAddress(port));

        try (RouterAdvertisementWatch watch = new RouterAdvertisementWatch(mn, net.clock()::epochMillis, signals,
                logged::add)) {
            watch.start();
            net.clock().advance(Duration.ofSeconds(5)); // advertisements, SLAAC and DAD

            await().atMost(PATIENCE).until(() -> wlan0(watch).filter(l -> !l.routers.isEmpty()).isPresent()
                    && wlan0(watch).get().careOfAddress != null);
            AccessLinkDTO link = wlan0(watch).orElseThrow();
            RouterDTO r = link.routers.get(0);
            assertThat(r.address).isEqualTo(router);
            assertThat(r.current).isTrue();
            assertThat(r.lifetimeMs).isEqualTo(6000);
            assertThat(r.advertisementIntervalMs).isEqualTo(2000);
            assertThat(link.prefixes).extracting(p -> p.prefix).containsExactly("2001:db8:a::/64");
            assertThat(link.advertisementsDropped).isZero();
            assertThat(NET_A.contains(AddressText.parse(link.careOfAddress))).isTrue();
            assertThat(link.careOfAddressState).isEqualTo(AccessLinkDTO.COA_USABLE);
            assertThat(signals.of("movement")).extracting(s -> s.what())
                    .containsExactly("new on-link prefix 2001:db8:a::/64");
            assertThat(signals.of("up")).extracting(s -> s.what()).containsExactly(link.careOfAddress);
            assertThat(logged).isEmpty();
        }
    }

    @Test
    void givenAWatchedLink_whenTheRouterAdvertisesAnotherPrefixAndThenFallsSilent_thenMovementTwice()
            throws Exception {
        SimNetwork net = new SimNetwork(8);
        SimRouter ar1 = net.router("ar1");
        RaConfig config = RaConfig.of(NET_A).withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(2))
                .withRouterLifetime(Duration.ofSeconds(60));
        SimInterface port = ar1.attach(net.link("wlan"), config);
        SimPlatform mn = net.node("mn");
        mn.addInterface("wlan0", net.link("wlan"));

        try (RouterAdvertisementWatch watch = new RouterAdvertisementWatch(mn, net.clock()::epochMillis, signals,
                logged::add)) {
            watch.start();
            net.clock().advance(Duration.ofSeconds(5));
            await().atMost(PATIENCE).until(() -> signals.of("up").size() == 1);

            ar1.configure(port, new RaConfig(List.of(NET_B), config.minInterval(), config.maxInterval(),
                    config.routerLifetime(), config.validLifetime(), config.preferredLifetime(), 0, false));
            net.clock().advance(Duration.ofSeconds(5));

            await().atMost(PATIENCE).until(() -> signals.of("up").size() == 2);
            assertThat(signals.of("movement")).extracting(s -> s.what()).containsExactly(
                    "new on-link prefix 2001:db8:a::/64", "new on-link prefix 2001:db8:b::/64");
            assertThat(signals.of("down")).singleElement().satisfies(s -> {
                assertThat(NET_A.contains(AddressText.parse(s.what()))).isTrue();
                assertThat(s.cause()).isEqualTo("movement: new on-link prefix 2001:db8:b::/64");
            });
            assertThat(NET_B.contains(AddressText.parse(signals.of("up").get(1).what()))).isTrue();

            ar1.stop();
            net.clock().advance(Duration.ofSeconds(7)); // more than 3 advertisement intervals of 2 s

            await().atMost(PATIENCE).until(() -> signals.of("movement").size() == 3);
            assertThat(signals.of("movement").get(2).what())
                    .isEqualTo("default router lost: 3 advertisement intervals of 2000 ms missed");
            assertThat(wlan0(watch).orElseThrow().routers).isEmpty();
            assertThat(wlan0(watch).orElseThrow().careOfAddressState).isEqualTo(AccessLinkDTO.COA_NONE);
        }
    }

    private static Optional<AccessLinkDTO> wlan0(RouterAdvertisementWatch watch) {
        return watch.accessLinks().stream().filter(l -> "wlan0".equals(l.interfaceName)).findFirst();
    }
}
