package io.anyhome.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.anyhome.api.Registration;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.OperState;
import io.anyhome.api.platform.Platform;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A vendor's NIC driver bundle, built against the api jar alone, installed into a running node:
 * its interfaces show in {@code nic:list} with its own technology, and go when it is uninstalled.
 * The node gets a stand-in {@link Platform} with one link, {@code sat0}, so that no root is needed;
 * it ranks above the node's own platform, which the registry then leaves for it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VendorNicDriverIT {
    private static final long TIMEOUT_SECONDS = 20;

    @Inject
    BundleContext context;

    private final BlockingQueue<Event> nicEvents = new LinkedBlockingQueue<>();
    private ServiceRegistration<?> platform;
    private ServiceRegistration<?> handler;

    @Configuration
    public Option[] config() {
        return options(junitBundles(), OurBundles.all());
    }

    @Before
    public void aNodeWithOneSatelliteLink() throws Exception {
        ServiceTracker<Object, Object> server = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(objectClass=io.anyhome.shell.internal.CtlSocketServer)"), null);
        server.open();
        try {
            assertNotNull("the control socket server did not start", server.waitForService(TIMEOUT_SECONDS * 1000));
        } finally {
            server.close();
        }
        Hashtable<String, Object> topics = new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "io/anyhome/nic/*"));
        handler = context.registerService(EventHandler.class, nicEvents::add, topics);
        platform = context.registerService(Platform.class, oneLinkPlatform(),
                new Hashtable<>(Map.of("anyhome.platform.name", "itest",
                        org.osgi.framework.Constants.SERVICE_RANKING, 100)));
    }

    @After
    public void removeTheStandIns() {
        platform.unregister();
        handler.unregister();
    }

    @Test
    public void givenAVendorDriverBundle_whenInstalledAndUninstalled_thenItsInterfacesComeAndGoInNicList() throws Exception {
        String before = exchange("nic:list");
        assertTrue(before, before.contains("sat0"));
        assertFalse(before, before.contains("satellite"));

        Bundle vendor = context.installBundle(new File(System.getProperty("anyhome.vendor.bundle")).toURI().toString());
        vendor.start();
        awaitEvent("io/anyhome/nic/CLAIMED", "sat0");

        String claimed = exchange("nic:list");
        assertTrue(claimed, claimed.matches("(?s).*\\nsat0 +satellite +example-satellite .*"));
        String shown = exchange("nic:show sat0");
        assertTrue(shown, shown.contains("satellite.latency.ms  600"));
        assertTrue(shown, shown.endsWith("%exit 0\n"));

        vendor.uninstall();
        awaitEvent("io/anyhome/nic/RELEASED", "sat0");

        String after = exchange("nic:list");
        assertTrue(after, after.contains("sat0"));
        assertFalse(after, after.contains("satellite"));
    }

    private void awaitEvent(String topic, String nic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            Event e = nicEvents.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull("no " + topic + " event for " + nic, e);
            if (e.getTopic().equals(topic) && nic.equals(e.getProperty("interface"))) {
                return;
            }
        }
    }

    /** A platform whose only link is sat0: up, no link-layer address (so no Ethernet look). */
    private static Platform oneLinkPlatform() {
        LinkEvent sat0 = new LinkEvent(Change.NEW, 42, "sat0", LinkEvent.IFF_UP | LinkEvent.IFF_RUNNING, true,
                OperState.UP, 1500, "", "", System.currentTimeMillis());
        return (Platform) Proxy.newProxyInstance(VendorNicDriverIT.class.getClassLoader(), new Class<?>[] {Platform.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "monitor":
                            NetworkListener listener = (NetworkListener) args[0];
                            listener.link(sat0);
                            listener.initialDumpComplete();
                            return (Registration) () -> { };
                        case "linkDetails":
                            return new LinkDetails("", false);
                        case "wirelessStation":
                            return Optional.empty();
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "stand-in platform with sat0";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private String exchange(String line) throws IOException {
        String socket = context.getProperty("anyhome.ctl.socket");
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            c.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            Channels.newInputStream(c).transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
