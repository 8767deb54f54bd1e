package io.anyhome.ifs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.anyhome.api.AddressText;
import io.anyhome.api.AnyhomeException;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.Decision;
import io.anyhome.api.ifs.FlowRule;
import io.anyhome.api.ifs.HandoverDTO;
import io.anyhome.api.ifs.InterfaceSelectionPolicy;
import io.anyhome.api.ifs.MovementListener;
import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.mobility.MobilityService;
import io.anyhome.api.mobility.MobilityStatisticsDTO;
import io.anyhome.api.mobility.MobilityStatusDTO;
import io.anyhome.api.nic.NicClaimException;
import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicDriver;
import io.anyhome.api.nic.NicHandle;
import io.anyhome.api.nic.NicRegistry;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.testing.FakePlatform;
import io.anyhome.ifs.internal.flow.CountingPath;
import io.anyhome.platform.sim.RaConfig;
import io.anyhome.platform.sim.SimNetwork;
import io.anyhome.platform.sim.SimPlatform;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterfaceSwitchServiceTest {
    private final Nics nics = new Nics();
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final CountingPath wlan = new CountingPath("wlan0");
    private final CountingPath eth = new CountingPath("eth0");
    private InterfaceSwitchService sw;

    /** Prefers eth0, then wlan0, among usable uplinks. */
    private static final InterfaceSelectionPolicy PREFER_ETH = c -> c.usableUplinks().stream().map(UplinkSnapshot::id)
            .sorted().findFirst().map(id -> Decision.useUplink(id, "first usable by name: " + id))
            .orElse(Decision.noUplink("nothing usable"));

    @BeforeEach
    void start() throws Exception {
        nics.put("eth0", NicState.UP);
        nics.put("wlan0", NicState.UP);
        // a generous budget: on a busy machine a first call may overrun 50 ms and disable the policy
        sw = new InterfaceSwitchService(
                IfsConfiguration.from(Map.of("policy", "prefer-eth", "policyBudgetMs", "10000")), nics,
                System::currentTimeMillis, new Recorder());
        sw.addPath(wlan);
        sw.addPath(eth);
        sw.addPolicy("prefer-eth", 0, 1, "test", PREFER_ETH);
        // no start(): the periodic evaluation stays off so that each test's trigger decides
        sw.trigger(HandoverDTO.TRIGGER_DECISION, System.currentTimeMillis()).get();
    }

    @AfterEach
    void stop() {
        sw.close();
    }

    private static ByteBuffer packet() {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.putInt(0x60000000).putShort((short) 20).put((byte) 6).put((byte) 64);
        b.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10});
        b.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        b.putShort((short) 40000).putShort((short) 443).put(new byte[16]);
        return b.flip();
    }

    @Test
    void givenACareOfAddressAlreadyUsable_whenAMovementListenerArrives_thenItIsToldAtOnce() throws Exception {
        SimNetwork net = new SimNetwork(3);
        net.router("ar").attach(net.link("lan"), RaConfig.of(
                IpPrefix.parse("2001:db8:c::/64")));
        SimPlatform mn = net.node("mn");
        mn.addInterface("eth0", net.link("lan"));
        sw.watch(mn);
        net.clock().advance(Duration.ofSeconds(5)); // advertisement, SLAAC and DAD
        await().atMost(Duration.ofSeconds(10)).until(() -> sw.accessLinks().stream()
                .anyMatch(l -> AccessLinkDTO.COA_USABLE.equals(l.careOfAddressState)));
        List<String> told = new CopyOnWriteArrayList<>();

        sw.addMovementListener(new MovementListener() {
            @Override
            public void careOfAddressUp(String uplink, InetAddress careOfAddress, long atMillis) {
                told.add(uplink + " " + AddressText.format(careOfAddress));
            }

            @Override
            public void careOfAddressDown(String uplink, InetAddress careOfAddress, long atMillis,
                    String cause) {
                told.add("down " + uplink);
            }

            @Override
            public void movementDetected(String uplink, String cause, long atMillis) {
                told.add("movement " + uplink);
            }
        });

        assertThat(told).singleElement().asString().startsWith("eth0 2001:db8:c:");
    }

    @Test
    void givenAListenerBeingToldTheUsableCareOfAddresses_whenOneGoesDownMeanwhile_thenItHearsTheDownLast()
            throws Exception {
        SimNetwork net = new SimNetwork(3);
        net.router("ar").attach(net.link("lan"), RaConfig.of(IpPrefix.parse("2001:db8:c::/64")));
        SimPlatform mn = net.node("mn");
        mn.addInterface("eth0", net.link("lan"));
        sw.watch(mn);
        net.clock().advance(Duration.ofSeconds(5)); // advertisement, SLAAC and DAD
        await().atMost(Duration.ofSeconds(10)).until(() -> usable("eth0"));
        List<String> told = new CopyOnWriteArrayList<>();
        CountDownLatch catchingUp = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MovementListener slow = new MovementListener() {
            @Override
            public void careOfAddressUp(String uplink, InetAddress careOfAddress, long atMillis) {
                catchingUp.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                told.add("up " + uplink);
            }

            @Override
            public void careOfAddressDown(String uplink, InetAddress careOfAddress, long atMillis, String cause) {
                told.add("down " + uplink);
            }

            @Override
            public void movementDetected(String uplink, String cause, long atMillis) {
            }
        };
        String coa = sw.accessLinks().stream().filter(l -> l.interfaceName.equals("eth0")).findFirst().orElseThrow()
                .careOfAddress;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            threads.submit(() -> sw.addMovementListener(slow));
            assertThat(catchingUp.await(10, TimeUnit.SECONDS)).isTrue();

            // the care-of address is removed while the listener is being told it: the removal's
            // signal waits (its thread blocks) or, unordered, reaches the listener first
            AtomicReference<Thread> remover = new AtomicReference<>();
            Future<?> removed = threads.submit(() -> {
                remover.set(Thread.currentThread());
                mn.removeAddress(mn.interfaceIndex("eth0"), IpPrefix.parse(coa + "/64"));
                return null;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> removed.isDone()
                    || remover.get() != null && remover.get().getState() == Thread.State.BLOCKED);
            release.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 2);
            assertThat(told).containsExactly("up eth0", "down eth0");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private boolean usable(String uplink) {
        return sw.accessLinks().stream().anyMatch(l -> l.interfaceName.equals(uplink)
                && AccessLinkDTO.COA_USABLE.equals(l.careOfAddressState));
    }

    @Test
    void givenTwoUsableUplinks_whenPacketsFlow_thenThePolicysChoiceCarriesThem() {
        assertThat(sw.pathFor(packet())).isSameAs(eth);
        assertThat(sw.status().defaultUplink).isEqualTo("eth0");
        assertThat(sw.status().activePolicy).isEqualTo("prefer-eth");
        assertThat(sw.flows()).singleElement().extracting(f -> f.uplink).isEqualTo("eth0");
    }

    @Test
    void givenTheCarryingUplinkGoesDown_whenSignalled_thenTrafficMovesAndTheHandoverIsTimedFromTheTrigger() throws Exception {
        sw.pathFor(packet());
        long seen = System.currentTimeMillis();
        nics.put("eth0", NicState.DOWN);

        sw.uplinkDown("eth0", seen, "carrier lost");
        sw.trigger(HandoverDTO.TRIGGER_DECISION, seen).get();
        assertThat(sw.pathFor(packet())).isSameAs(wlan);

        HandoverDTO h = sw.handovers(1).get(0);
        assertThat(h.trigger).isEqualTo(HandoverDTO.TRIGGER_LINK_DOWN);
        assertThat(h.triggerTime).isEqualTo(seen);
        assertThat(h.from).isEqualTo("eth0");
        assertThat(h.to).isEqualTo("wlan0");
        assertThat(h.flowsMoved).isEqualTo(1);
        assertThat(h.triggerToTrafficMs).isNotNegative();
        assertThat(reported).anyMatch(r -> r.startsWith("switched eth0->wlan0"));
    }

    @Test
    void givenAPinOfAllTraffic_whenCleared_thenTrafficGoesBackToThePolicysChoice() throws Exception {
        sw.pin(FlowRule.any(), "wlan0");
        assertThat(sw.pathFor(packet())).isSameAs(wlan);
        assertThat(sw.status().pins).containsExactly("all -> wlan0");
        assertThat(sw.handovers(1).get(0).trigger).isEqualTo(HandoverDTO.TRIGGER_OPERATOR);
        assertThat(sw.flows()).singleElement().extracting(f -> f.assignedBy).isEqualTo("pin");

        sw.clear();

        assertThat(sw.pathFor(packet())).isSameAs(eth);
        assertThat(sw.status().pins).isEmpty();
    }

    @Test
    void givenAForbiddenUplink_whenDecided_thenItIsNotUsedAndTheLastUsableCannotBeForbidden() throws Exception {
        sw.forbid("eth0");

        assertThat(sw.pathFor(packet())).isSameAs(wlan);
        assertThat(sw.status().uplinks).filteredOn(u -> u.id.equals("eth0")).singleElement()
                .extracting(u -> u.forbidden).isEqualTo(true);
        assertThatThrownBy(() -> sw.forbid("wlan0")).isInstanceOf(AnyhomeException.class)
                .hasMessageContaining("last usable uplink")
                .extracting(e -> ((AnyhomeException) e).code()).isEqualTo(AnyhomeException.Code.CONFLICT);
        assertThatThrownBy(() -> sw.forbid("wwan9")).extracting(e -> ((AnyhomeException) e).code())
                .isEqualTo(AnyhomeException.Code.NOT_FOUND);
    }

    @Test
    void givenTheActivePolicyGoesAway_whenEvaluated_thenTheHighestRankedRemainingDecidesAndSaysSo() throws Exception {
        sw.addPolicy("prefer-wlan", 100, 2, "test", c -> Decision.useUplink("wlan0", "wlan first"));
        sw.removePolicy(1);
        sw.trigger(HandoverDTO.TRIGGER_POLICY, System.currentTimeMillis()).get();

        assertThat(sw.pathFor(packet())).isSameAs(wlan);
        assertThat(sw.status().activePolicy).isEqualTo("prefer-wlan");
        assertThat(sw.status().policyFallback).contains("'prefer-eth' is not registered");
        assertThat(reported).contains("policy prefer-wlan");
    }

    @Test
    void givenAPolicyThatThrows_whenSelected_thenItIsDisabledReportedAndTheOtherDecides() throws Exception {
        sw.addPolicy("broken", -5, 3, "test", c -> {
            throw new IllegalStateException("boom");
        });

        sw.selectPolicy("broken");

        assertThat(reported).anyMatch(r -> r.startsWith("failed broken") && r.contains("boom"));
        assertThat(sw.pathFor(packet())).isSameAs(eth);
        assertThat(sw.policies()).filteredOn(p -> p.name.equals("broken")).singleElement()
                .satisfies(p -> assertThat(p.failures).isEqualTo(1));
        assertThatThrownBy(() -> sw.selectPolicy("nope")).extracting(e -> ((AnyhomeException) e).code())
                .isEqualTo(AnyhomeException.Code.NOT_FOUND);
    }

    @Test
    void givenThePathGoesAway_whenRemoved_thenTheUplinkIsUnusableAndTrafficMoves() throws Exception {
        sw.removePath(eth);
        sw.trigger(HandoverDTO.TRIGGER_PATH, System.currentTimeMillis()).get();

        assertThat(sw.pathFor(packet())).isSameAs(wlan);
        assertThat(sw.status().uplinks).filteredOn(u -> u.id.equals("eth0")).singleElement()
                .extracting(u -> u.usable).isEqualTo(false);
    }

    @Test
    void givenAPerFlowPolicy_whenAFlowsUplinkGoesDown_thenTheMoveIsLoggedThoughTheDefaultStays() throws Exception {
        sw.addPolicy("per-flow", 0, 4, "test", c -> {
            Decision.Builder b = Decision.builder().defaultUplink("wlan0").reason("flows on eth0 while it is usable");
            boolean eth = c.uplink("eth0").map(UplinkSnapshot::isUsable).orElse(false);
            c.flows().forEach(f -> b.routeFlow(f.key(), eth ? "eth0" : "wlan0"));
            return b.build();
        });
        sw.selectPolicy("per-flow");
        sw.pathFor(packet());
        sw.trigger(HandoverDTO.TRIGGER_DECISION, System.currentTimeMillis()).get();
        assertThat(sw.pathFor(packet())).isSameAs(eth);

        nics.put("eth0", NicState.DOWN);
        long seen = System.currentTimeMillis();
        sw.uplinkDown("eth0", seen, "carrier lost");
        sw.trigger(HandoverDTO.TRIGGER_DECISION, seen).get();

        assertThat(sw.pathFor(packet())).isSameAs(wlan);
        HandoverDTO h = sw.handovers(1).get(0);
        assertThat(h.trigger).isEqualTo(HandoverDTO.TRIGGER_LINK_DOWN);
        assertThat(h.from).isEqualTo("wlan0");
        assertThat(h.to).isEqualTo("wlan0");
        assertThat(h.flowsMoved).isEqualTo(1);
        assertThat(h.triggerToTrafficMs).isEqualTo(-1);
    }

    @Test
    void givenAnUplinkThatDownloads_whenEvaluated_thenThePolicySeesItsInterfaceBytesBothDirections() throws Exception {
        AtomicLong time = new AtomicLong(System.currentTimeMillis());
        InterfaceSwitchService metered = new InterfaceSwitchService(
                IfsConfiguration.from(Map.of("policy", "recording", "policyBudgetMs", "10000")), nics, time::get,
                new Recorder(), null);
        try {
            FakePlatform platform = new FakePlatform();
            platform.addEthernet(2, "eth0");
            platform.addEthernet(3, "wlan0");
            platform.counters(3, 7_000_000, 300_000); // before the node ran: not ours
            Map<String, Long> seen = new ConcurrentHashMap<>();
            metered.addPolicy("recording", 0, 2, "test", c -> {
                c.uplinks().forEach(u -> seen.put(u.id(), u.usageBytes()));
                return PREFER_ETH.decide(c);
            });
            metered.watch(platform);
            metered.trigger(HandoverDTO.TRIGGER_DECISION, time.get()).get();

            // a download over wlan0: 5 MB in, 40 kB of acknowledgements out
            platform.counters(3, 12_000_000, 340_000);
            platform.counters(2, 0, 1_000);
            metered.trigger(HandoverDTO.TRIGGER_DECISION, time.get()).get();
            assertThat(metered.status().uplinks).as("counters are read at most once a second")
                    .allSatisfy(u -> assertThat(u.usageBytes).isZero());
            time.addAndGet(InterfaceSwitchService.USAGE_SAMPLE_MS);
            metered.trigger(HandoverDTO.TRIGGER_DECISION, time.get()).get(); // read after this evaluation
            metered.trigger(HandoverDTO.TRIGGER_DECISION, time.get()).get();

            assertThat(seen).containsEntry("wlan0", 5_040_000L).containsEntry("eth0", 1_000L);
            assertThat(metered.status().uplinks).filteredOn(u -> u.id.equals("wlan0")).singleElement()
                    .extracting(u -> u.usageBytes).isEqualTo(5_040_000L);
        } finally {
            metered.close();
        }
    }

    @Test
    void givenAUsageFile_whenTheSwitchCloses_thenTheUsageIsSavedAndTheNextSwitchStartsFromIt(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("data").resolve("ifs-usage.json");
        AtomicLong time = new AtomicLong(System.currentTimeMillis());
        FakePlatform platform = new FakePlatform();
        platform.addEthernet(3, "wlan0");
        InterfaceSwitchService first = new InterfaceSwitchService(IfsConfiguration.from(Map.of()), nics,
                time::get, new Recorder(), file);
        first.watch(platform);
        first.trigger(HandoverDTO.TRIGGER_DECISION, time.get()).get();
        platform.counters(3, 800, 200);
        first.close(); // reads the counters a last time
        assertThat(file).content().contains("\"wlan0\": 1000");

        platform.counters(3, 5_800, 200); // while the node was stopped: not counted
        InterfaceSwitchService second = new InterfaceSwitchService(IfsConfiguration.from(Map.of()), nics,
                time::get, new Recorder(), file);
        try {
            second.watch(platform);
            second.trigger(HandoverDTO.TRIGGER_DECISION, time.get()).get();
            platform.counters(3, 5_900, 200);
            time.addAndGet(InterfaceSwitchService.USAGE_SAMPLE_MS);
            second.trigger(HandoverDTO.TRIGGER_DECISION, time.get()).get();

            assertThat(second.status().uplinks).filteredOn(u -> u.id.equals("wlan0")).singleElement()
                    .extracting(u -> u.usageBytes).isEqualTo(1_100L);
        } finally {
            second.close();
        }
    }

    @Test
    void givenAnUplinkWithoutAdvertisements_whenMobilityRegistersItsIpv4CareOfAddress_thenStatusAndPoliciesSeeIt()
            throws Exception {
        BindingDTO nat = new BindingDTO();
        nat.uplink = "wlan0";
        nat.careOfAddress = "192.0.2.10";
        nat.state = BindingState.REGISTERED;
        BindingDTO home = new BindingDTO();
        home.uplink = "eth0";
        home.careOfAddress = "2001:db8:1::10";
        home.state = BindingState.AT_HOME;
        sw.mobility(new MobilityService() {
            @Override
            public List<BindingDTO> bindings() {
                return List.of(home, nat);
            }

            @Override
            public void register(String uplink) {
            }

            @Override
            public void deregister(String uplink) {
            }

            @Override
            public MobilityStatusDTO status() {
                return new MobilityStatusDTO();
            }

            @Override
            public MobilityStatisticsDTO statistics() {
                return new MobilityStatisticsDTO();
            }
        });

        sw.trigger(HandoverDTO.TRIGGER_DECISION, System.currentTimeMillis()).get();

        assertThat(sw.status().uplinks).filteredOn(u -> u.id.equals("wlan0")).singleElement()
                .satisfies(u -> {
                    assertThat(u.careOfAddress).isEqualTo("192.0.2.10");
                    assertThat(u.bindingState).isEqualTo(BindingState.REGISTERED);
                });
        assertThat(sw.status().uplinks).filteredOn(u -> u.id.equals("eth0")).singleElement()
                .satisfies(u -> assertThat(u.careOfAddress).as("the home address is no care-of address").isNull());
    }

    private final class Recorder implements InterfaceSwitchService.Reports {
        @Override
        public void switched(String from, String to, String trigger, String reason, String policy, long at) {
            reported.add("switched " + from + "->" + to + " " + trigger);
        }

        @Override
        public void decided(String uplink, String reason, String policy) {
        }

        @Override
        public void policyFailed(String policy, String failure) {
            reported.add("failed " + policy + " " + failure);
        }

        @Override
        public void policyChanged(String policy, String reason) {
            reported.add("policy " + policy);
        }

        @Override
        public void moved(String uplink, String cause, long at) {
            reported.add("moved " + uplink);
        }

        @Override
        public void problem(String message, Throwable cause) {
            reported.add("problem " + message);
        }
    }

    /** The registry's merged view, reduced to what the switch reads. */
    private static final class Nics implements NicRegistry {
        private final Map<String, NicDTO> nics = new ConcurrentHashMap<>();

        void put(String name, NicState state) {
            NicDTO d = new NicDTO();
            d.name = name;
            d.driver = "test";
            d.technology = name.startsWith("eth") ? "ethernet" : "wlan";
            d.state = state;
            d.metrics = Map.of();
            nics.put(name, d);
        }

        @Override
        public NicHandle claim(NicDriver driver, String interfaceName) throws NicClaimException {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reportProbe(String interfaceName, Map<String, Double> metrics) {
        }

        @Override
        public List<NicDTO> list() {
            return List.copyOf(nics.values());
        }

        @Override
        public Optional<NicDTO> show(String interfaceName) {
            return Optional.ofNullable(nics.get(interfaceName));
        }

        @Override
        public void setOverride(String interfaceName, String key, String value) {
        }

        @Override
        public boolean clearOverride(String interfaceName, String key) {
            return false;
        }
    }
}
