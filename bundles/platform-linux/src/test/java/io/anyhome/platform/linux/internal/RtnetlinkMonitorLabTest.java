package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.Registration;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rtnetlink monitor in a network namespace: dump, carrier loss, DAD states, overrun, failing listeners. */
class RtnetlinkMonitorLabTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Records every callback with the monotonic time it arrived. */
    static class Recorder implements NetworkListener {
        final List<Object> events = new CopyOnWriteArrayList<>();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        final AtomicInteger dumpsComplete = new AtomicInteger();
        final AtomicInteger resynchronisations = new AtomicInteger();

        private void record(Object e) {
            arrivals.add(System.nanoTime());
            events.add(e);
        }

        @Override
        public void link(LinkEvent event) {
            record(event);
        }

        @Override
        public void address(AddressEvent event) {
            record(event);
        }

        @Override
        public void initialDumpComplete() {
            dumpsComplete.incrementAndGet();
        }

        @Override
        public void resynchronising() {
            resynchronisations.incrementAndGet();
        }

        List<LinkEvent> links(String name) {
            return events.stream().filter(LinkEvent.class::isInstance).map(LinkEvent.class::cast)
                    .filter(l -> l.name().equals(name)).toList();
        }

        List<AddressEvent> addresses(String prefix) {
            return events.stream().filter(AddressEvent.class::isInstance).map(AddressEvent.class::cast)
                    .filter(a -> a.address().equals(IpPrefix.parse(prefix))).toList();
        }
    }

    private static Registration monitor(LabNamespace ns, NetworkListener listener) throws Exception {
        return ns.inside(() -> new RtnetlinkPlatformOps().monitor(listener));
    }

    @Test
    void givenLoopbackAndAVethPair_whenMonitoringStarts_thenTheInitialDumpHasAllThreeBeforeCompletion()
            throws Exception {
        try (LabNamespace ns = LabNamespace.create("mondump")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
            Recorder r = new Recorder();
            try (Registration reg = monitor(ns, r)) {
                await().atMost(WAIT).until(() -> r.dumpsComplete.get() == 1);

                assertThat(r.links("lo")).singleElement().satisfies(l -> assertThat(l.isAdminUp()).isTrue());
                assertThat(r.links("up0")).singleElement().satisfies(l -> assertThat(l.kind()).isEqualTo("veth"));
                assertThat(r.links("up1")).singleElement().satisfies(l -> assertThat(l.change()).isEqualTo(Change.NEW));
                assertThat(r.addresses("::1/128")).isNotEmpty();
            }
        }
    }

    @Test
    void givenAVethWithCarrier_whenThePeerGoesDown_thenTheListenerSeesCarrierLoss() throws Exception {
        try (LabNamespace ns = LabNamespace.create("moncarrier")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
            ns.ip("link", "set", "up0", "up");
            ns.ip("link", "set", "up1", "up");
            Recorder r = new Recorder();
            try (Registration reg = monitor(ns, r)) {
                await().atMost(WAIT).until(() -> r.dumpsComplete.get() == 1
                        && r.links("up0").stream().anyMatch(LinkEvent::carrier));
                int before = r.events.size();

                long start = System.nanoTime();
                ns.ip("link", "set", "up1", "down");
                long returned = System.nanoTime();

                await().atMost(WAIT).until(() -> r.events.subList(before, r.events.size()).stream()
                        .anyMatch(e -> e instanceof LinkEvent l && l.name().equals("up0") && !l.carrier()));
                int at = before;
                while (!(r.events.get(at) instanceof LinkEvent l && l.name().equals("up0") && !l.carrier())) {
                    at++;
                }
                long arrival = r.arrivals.get(at);
                System.out.printf("carrier loss of up0: event %.3f ms after 'ip link set up1 down' returned"
                        + " (%.3f ms after it started; the command itself took %.3f ms)%n",
                        (arrival - returned) / 1e6, (arrival - start) / 1e6, (returned - start) / 1e6);
                LinkEvent lost = (LinkEvent) r.events.get(at);
                assertThat(lost.canCarryTraffic()).isFalse();
                assertThat(lost.observedAt()).isPositive();
            }
        }
    }

    @Test
    void givenAnAddressWithDad_whenAdded_thenItIsTentativeFirstAndUsableLater_andRemovalIsReported()
            throws Exception {
        try (LabNamespace ns = LabNamespace.create("mondad")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
            ns.ip("link", "set", "up0", "up");
            ns.ip("link", "set", "up1", "up");
            Recorder r = new Recorder();
            try (Registration reg = monitor(ns, r)) {
                await().atMost(WAIT).until(() -> r.dumpsComplete.get() == 1);

                ns.ip("addr", "add", "2001:db8:1::5/64", "dev", "up0");
                await().atMost(WAIT).until(() -> r.addresses("2001:db8:1::5/64").stream()
                        .anyMatch(a -> a.change() == Change.NEW && !a.tentative()));
                List<AddressEvent> seen = r.addresses("2001:db8:1::5/64");
                assertThat(seen.get(0).tentative()).isTrue();
                assertThat(seen.get(0).isUsableAsSource()).isFalse();
                assertThat(seen.get(seen.size() - 1).isUsableAsSource()).isTrue();

                ns.ip("addr", "del", "2001:db8:1::5/64", "dev", "up0");
                await().atMost(WAIT).until(() -> r.addresses("2001:db8:1::5/64").stream()
                        .anyMatch(a -> a.change() == Change.DELETED));
            }
        }
    }

    @Test
    void givenIpv4Addresses_whenPresentAtStartAddedAndRemoved_thenEachIsReportedGlobalOnItsLink() throws Exception {
        try (LabNamespace ns = LabNamespace.create("monv4")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
            ns.ip("link", "set", "up0", "up");
            ns.ip("addr", "add", "192.0.2.10/24", "dev", "up0");
            Recorder r = new Recorder();
            try (Registration reg = monitor(ns, r)) {
                await().atMost(WAIT).until(() -> r.dumpsComplete.get() == 1);
                AddressEvent dumped = r.addresses("192.0.2.10/24").get(0);
                assertThat(dumped.change()).isEqualTo(Change.NEW);
                assertThat(dumped.scope()).isEqualTo(AddressEvent.SCOPE_GLOBAL);
                assertThat(dumped.index()).isEqualTo(r.links("up0").get(0).index());
                assertThat(dumped.isUsableAsSource()).isTrue();

                ns.ip("addr", "add", "198.51.100.7/24", "dev", "up0");
                ns.ip("addr", "del", "192.0.2.10/24", "dev", "up0");
                await().atMost(WAIT).until(() -> r.addresses("192.0.2.10/24").stream()
                        .anyMatch(a -> a.change() == Change.DELETED));
                assertThat(r.addresses("198.51.100.7/24")).extracting(AddressEvent::change).contains(Change.NEW);
            }
        }
    }

    @Test
    void givenTheSameAddressOnThePeer_whenAddedWithDad_thenDadFailureIsReported() throws Exception {
        try (LabNamespace ns = LabNamespace.create("mondupl")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
            ns.ip("link", "set", "up0", "up");
            ns.ip("link", "set", "up1", "up");
            ns.ip("addr", "add", "2001:db8:1::7/64", "dev", "up1", "nodad");
            Recorder r = new Recorder();
            try (Registration reg = monitor(ns, r)) {
                await().atMost(WAIT).until(() -> r.dumpsComplete.get() == 1);

                ns.ip("addr", "add", "2001:db8:1::7/64", "dev", "up0");

                int up0 = ns.inside(() -> new RtnetlinkPlatformOps().interfaceIndex("up0"));
                await().atMost(WAIT).until(() -> r.addresses("2001:db8:1::7/64").stream()
                        .anyMatch(a -> a.index() == up0 && a.dadFailed()));
                assertThat(r.addresses("2001:db8:1::7/64").stream().filter(a -> a.index() == up0 && a.dadFailed()))
                        .allSatisfy(a -> assertThat(a.isUsableAsSource()).isFalse());
            }
        }
    }

    @Test
    void givenAListenerThatThrows_whenEventsArrive_thenLaterEventsStillReachIt() throws Exception {
        try (LabNamespace ns = LabNamespace.create("monthrow")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
            Recorder r = new Recorder() {
                @Override
                public void link(LinkEvent event) {
                    super.link(event);
                    throw new IllegalStateException("a listener bug");
                }
            };
            try (RtnetlinkMonitor m = (RtnetlinkMonitor) monitor(ns, r)) {
                await().atMost(WAIT).until(() -> r.dumpsComplete.get() == 1);

                ns.ip("link", "set", "up0", "mtu", "1400");
                ns.ip("link", "set", "up0", "mtu", "1300");

                await().atMost(WAIT).until(() -> r.links("up0").stream().anyMatch(l -> l.mtu() == 1300));
                assertThat(m.listenerFailures()).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void givenAListenerThatStalls_whenTheKernelBufferOverflows_thenTheMonitorResynchronisesWithAFreshDump()
            throws Exception {
        try (LabNamespace ns = LabNamespace.create("monoverrun")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");
            CountDownLatch stalled = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Recorder r = new Recorder() {
                @Override
                public void link(LinkEvent event) {
                    super.link(event);
                    if (dumpsComplete.get() == 1 && event.name().equals("up0") && stalled.getCount() > 0) {
                        stalled.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            };
            RtnetlinkPlatformOps smallBuffer = new RtnetlinkPlatformOps(new LinkDetailsReader(), 4096);
            try (RtnetlinkMonitor m = (RtnetlinkMonitor) ns.inside(() -> smallBuffer.monitor(r))) {
                await().atMost(WAIT).until(() -> r.dumpsComplete.get() == 1);
                ns.ip("link", "set", "up0", "up");
                assertThat(stalled.await(15, TimeUnit.SECONDS)).isTrue();

                Path batch = Files.createTempFile("addresses", ".ip");
                StringBuilder commands = new StringBuilder();
                for (int i = 1; i <= 200; i++) {
                    commands.append("addr add 2001:db8:2::").append(Integer.toHexString(i)).append("/64 dev up0 nodad\n");
                }
                Files.writeString(batch, commands);
                ns.ip("-batch", batch.toString());
                Files.delete(batch);
                release.countDown();

                // with so small a buffer the events of the batch's tail may overflow it again
                await().atMost(WAIT).until(() -> r.resynchronisations.get() >= 1
                        && r.dumpsComplete.get() == 1 + r.resynchronisations.get()
                        && !r.addresses("2001:db8:2::c8/64").isEmpty());
                assertThat(m.overruns()).isEqualTo(r.resynchronisations.get());
            }
        }
    }

    @Test
    void givenAMonitor_whenClosed_thenItsReaderThreadEnds() throws Exception {
        try (LabNamespace ns = LabNamespace.create("monclose")) {
            Recorder r = new Recorder();
            RtnetlinkMonitor m = (RtnetlinkMonitor) monitor(ns, r);
            await().atMost(WAIT).until(() -> r.dumpsComplete.get() == 1);

            m.close();
            m.close();

            assertThat(m.isRunning()).isFalse();
        }
    }
}
