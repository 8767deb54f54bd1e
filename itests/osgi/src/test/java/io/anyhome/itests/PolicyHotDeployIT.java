package io.anyhome.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.anyhome.api.ifs.FlowDTO;
import io.anyhome.api.ifs.IfsStatusDTO;
import io.anyhome.api.ifs.InterfaceSwitch;
import io.anyhome.api.path.Path;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.api.vi.VirtualInterface;
import io.anyhome.api.vi.ViCountersDTO;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot deploy under traffic: on an emulated mobile node, 100 000 packets leave through home0 (UDP
 * from the home address, routed by the emulated stack into the virtual interface's TUN device,
 * read by the VI, which asks the interface switch for a path per packet) while the active
 * policy's bundle ({@code io.anyhome.policy.priority}) is updated and then uninstalled. Every
 * packet reaches a path, the VI drops none, the flows stay in the flow table, and the switch
 * falls back to another policy and says why.
 *
 * <p>The paths are stand-ins registered by the test, one per emulated uplink (wlan0, wwan0,
 * eth0), always UP, counting what they are given.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicyHotDeployIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String POLICY_BUNDLE = "io.anyhome.policy.priority";
    private static final String HOME_ADDRESS = "2001:db8:1::10";
    private static final String CORRESPONDENT = "2001:db8:ffff::1";
    private static final List<String> UPLINKS = List.of("eth0", "wlan0", "wwan0");
    private static final int PACKETS = 100_000;
    private static final int FLOWS = 4;
    private static final int FIRST_SOURCE_PORT = 40_000;
    private static final int FIRST_DESTINATION_PORT = 5_000;
    /** The bundle is updated after this many packets reached a path, and uninstalled this many later. */
    private static final int PACKETS_BEFORE_EACH_CHANGE = 15_000;
    /** The sender holds back its last packets until the switch has fallen back. */
    private static final int RESERVE = 10_000;

    @Inject
    BundleContext context;

    private final List<CountingPath> paths = new ArrayList<>();
    private final List<ServiceRegistration<Path>> pathRegistrations = new ArrayList<>();
    private final List<UdpEndpoint> sockets = new ArrayList<>();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private InterfaceSwitch interfaceSwitch;
    private VirtualInterface home0;
    private Platform platform;

    @Configuration
    public Option[] config() {
        return options(junitBundles(),
                mavenBundle("org.hamcrest", "hamcrest", System.getProperty("anyhome.hamcrest.version")),
                mavenBundle("org.awaitility", "awaitility", System.getProperty("anyhome.awaitility.version")),
                OurBundles.all());
    }

    @Before
    public void aMobileNodeWithAPathOverEachUplink() throws Exception {
        interfaceSwitch = service(InterfaceSwitch.class, "(objectClass=" + InterfaceSwitch.class.getName() + ")");
        home0 = service(VirtualInterface.class, "(objectClass=" + VirtualInterface.class.getName() + ")");
        platform = service(Platform.class, "(&(objectClass=" + Platform.class.getName() + ")(anyhome.platform.name=sim))");
        for (String uplink : UPLINKS) {
            CountingPath path = new CountingPath(uplink, FIRST_SOURCE_PORT, FLOWS);
            paths.add(path);
            pathRegistrations.add(context.registerService(Path.class, path, null));
        }
        await("a default uplink").atMost(TIMEOUT).until(() -> interfaceSwitch.status().defaultUplink != null);
        interfaceSwitch.selectPolicy("priority"); // as etc/io.anyhome.ifs.cfg ships it: policy=priority
        await("priority is the configured, active policy").atMost(TIMEOUT).until(() -> {
            IfsStatusDTO s = interfaceSwitch.status();
            return "priority".equals(s.activePolicy) && s.policyFallback == null && s.defaultUplink != null;
        });
        await("home0 running").atMost(TIMEOUT).until(() -> home0.describe().running);
        InetAddress home = InetAddress.getByName(HOME_ADDRESS);
        for (int i = 0; i < FLOWS; i++) {
            sockets.add(platform.openUdp(new UdpOptions(home, FIRST_SOURCE_PORT + i, null, false)));
        }
    }

    @After
    public void removeTheStandIns() throws Exception {
        for (UdpEndpoint s : sockets) {
            s.close();
        }
        pathRegistrations.forEach(ServiceRegistration::unregister);
        trackers.forEach(ServiceTracker::close);
    }

    @Test
    public void givenTrafficThroughHome0_whenTheActivePolicyBundleIsUpdatedThenUninstalled_thenNoPacketIsLost()
            throws Exception {
        Bundle priority = bundle(POLICY_BUNDLE);
        Map<String, Long> droppedBefore = home0.describe().counters.drops;
        long viSentBefore = home0.describe().counters.packetsOut;
        long othersBefore = others();
        long serviceBefore = priorityServiceId();
        AtomicLong atUpdate = new AtomicLong(-1);
        AtomicLong atUninstall = new AtomicLong(-1);
        SynchronousBundleListener changes = e -> {
            if (e.getBundle().getBundleId() == priority.getBundleId()) {
                if (e.getType() == BundleEvent.UPDATED) {
                    atUpdate.set(ours());
                } else if (e.getType() == BundleEvent.UNINSTALLED) {
                    atUninstall.set(ours());
                }
            }
        };
        context.addBundleListener(changes);
        Sender sender = new Sender();
        Thread thread = new Thread(sender, "itest-home0-sender");
        try {
            thread.start();

            await("packets flowing before the update").atMost(TIMEOUT).until(() -> ours() >= PACKETS_BEFORE_EACH_CHANGE);
            priority.update();
            await("priority registered again and active").atMost(TIMEOUT).until(() ->
                    priorityServiceId() != serviceBefore && "priority".equals(interfaceSwitch.status().activePolicy));
            long afterUpdate = atUpdate.get();
            await("packets flowing after the update").atMost(TIMEOUT)
                    .until(() -> ours() >= afterUpdate + PACKETS_BEFORE_EACH_CHANGE);
            priority.uninstall();
            await("a fallback policy decides").atMost(TIMEOUT).until(() -> {
                IfsStatusDTO s = interfaceSwitch.status();
                return s.activePolicy != null && !"priority".equals(s.activePolicy);
            });
            long atFallback = ours();
            sender.release();
            await("the sender finished").atMost(TIMEOUT).until(() -> !thread.isAlive());
            long total = ours();
            IfsStatusDTO status = interfaceSwitch.status();

            System.out.printf("PolicyHotDeployIT: %d packets sent through home0; update at %d, uninstall at %d,"
                    + " fallback seen at %d; per uplink %s; other packets through home0 %d; now %s decides (%s)%n",
                    sender.sent.get(), atUpdate.get(), atUninstall.get(), atFallback, perUplink(), others(),
                    status.activePolicy, status.policyFallback);
            assertNull("the sender failed: " + sender.failure, sender.failure);
            assertEquals("packets sent", PACKETS, sender.sent.get());
            assertEquals("packets that reached a path", PACKETS, total);
            assertTrue("updated after the first packet and before the last: " + atUpdate,
                    atUpdate.get() > 0 && atUpdate.get() < PACKETS);
            assertTrue("uninstalled after the update and before the last packet: " + atUninstall,
                    atUninstall.get() > atUpdate.get() && atUninstall.get() < PACKETS - RESERVE);

            ViCountersDTO vi = home0.describe().counters;
            assertEquals("the VI's drops", droppedBefore, vi.drops);
            assertEquals("packets the VI sent", PACKETS + others() - othersBefore, vi.packetsOut - viSentBefore);

            List<FlowDTO> flows = interfaceSwitch.flows();
            for (int i = 0; i < FLOWS; i++) {
                int port = FIRST_SOURCE_PORT + i;
                assertTrue("flow from port " + port + " still in the flow table: " + flows, flows.stream()
                        .anyMatch(f -> f.protocol == 17 && HOME_ADDRESS.equals(f.source) && f.sourcePort == port
                                && CORRESPONDENT.equals(f.destination)
                                && f.destinationPort == FIRST_DESTINATION_PORT + (port - FIRST_SOURCE_PORT)
                                && f.uplink != null));
            }
            assertTrue("another registered policy decides: " + status.activePolicy + " of " + policyNames(),
                    policyNames().contains(status.activePolicy) && !"priority".equals(status.activePolicy));
            assertNotNull("the status says why", status.policyFallback);
            assertTrue(status.policyFallback, status.policyFallback.contains("'priority'"));
            assertNotNull("a default uplink", status.defaultUplink);
        } finally {
            sender.release();
            sender.stop();
            thread.join(TIMEOUT.toMillis());
            context.removeBundleListener(changes);
        }
    }

    /**
     * Sends {@link #PACKETS} UDP datagrams from the home address over {@link #FLOWS} flows, round
     * robin, each a datagram carrying its sequence number. It keeps at most {@link #WINDOW} packets
     * between the socket and the paths, so that the emulated TUN queue (1000 packets) never
     * overflows, and holds back the last {@link #RESERVE} until {@link #release()}.
     */
    private final class Sender implements Runnable {
        private static final int WINDOW = 256;
        private static final long STALL_NANOS = 10_000_000_000L;

        final AtomicLong sent = new AtomicLong();
        volatile String failure;
        private volatile boolean released;
        private volatile boolean stopped;

        void release() {
            released = true;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(64);
            try {
                InetSocketAddress[] destinations = new InetSocketAddress[FLOWS];
                for (int i = 0; i < FLOWS; i++) {
                    destinations[i] = new InetSocketAddress(InetAddress.getByName(CORRESPONDENT), FIRST_DESTINATION_PORT + i);
                }
                for (int n = 0; n < PACKETS && !stopped; n++) {
                    if (n == PACKETS - RESERVE) {
                        waitFor(() -> released, "the fallback");
                    }
                    waitFor(() -> sent.get() - ours() < WINDOW || sent.get() - ours() - dropped() < WINDOW,
                            "room in the window");
                    payload.clear();
                    payload.putLong(n).position(payload.capacity()).flip();
                    sockets.get(n % FLOWS).send(payload, destinations[n % FLOWS]);
                    sent.incrementAndGet();
                }
            } catch (Exception | AssertionError e) {
                failure = e.toString();
            }
        }

        /** Parks briefly while the condition is false; fails after a stall of 10 s. */
        private void waitFor(java.util.function.BooleanSupplier condition, String what) {
            long start = System.nanoTime();
            while (!condition.getAsBoolean() && !stopped) {
                if (System.nanoTime() - start > STALL_NANOS) {
                    throw new AssertionError("sender stalled waiting for " + what + " after " + sent.get()
                            + " packets; " + ours() + " reached a path, " + dropped() + " dropped by the VI");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000);
            }
        }

        private long dropped() {
            return home0.describe().counters.drops.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private long ours() {
        long n = 0;
        for (CountingPath p : paths) {
            n += p.ours();
        }
        return n;
    }

    private long others() {
        return paths.stream().mapToLong(CountingPath::others).sum();
    }

    private String perUplink() {
        StringBuilder b = new StringBuilder();
        for (CountingPath p : paths) {
            b.append(p.uplink()).append('=').append(p.ours()).append(' ');
        }
        return b.toString().strip();
    }

    /** @return the service id of the registered priority policy, -1 if none */
    private long priorityServiceId() {
        return interfaceSwitch.policies().stream().filter(p -> "priority".equals(p.name)).mapToLong(p -> p.serviceId)
                .findFirst().orElse(-1);
    }

    private List<String> policyNames() {
        return interfaceSwitch.policies().stream().map(p -> p.name).toList();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(TIMEOUT.toMillis());
        assertNotNull("no " + type.getSimpleName() + " service " + filter, service);
        return service;
    }
}
