package io.anyhome.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
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
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The installation's bundles as a daemon node runs them: all active, every component of this
 * configuration satisfied, and the control socket running Gogo commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT {
    private static final long TIMEOUT_MILLIS = 20_000;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return options(junitBundles(), OurBundles.all());
    }

    /** The control socket server is the last of our components to come up: wait for it. */
    @Before
    public void awaitControlSocket() throws Exception {
        ServiceTracker<Object, Object> server = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(objectClass=io.anyhome.shell.internal.CtlSocketServer)"), null);
        server.open();
        try {
            assertNotNull("the control socket server did not start", server.waitForService(TIMEOUT_MILLIS));
        } finally {
            server.close();
        }
    }

    @Test
    public void everyShippedBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " " + b.getState());
            }
        }
        assertEquals("bundles not active", List.of(), notActive);
        assertTrue(hasBundle("io.anyhome.shell"));
        assertTrue(hasBundle("org.apache.felix.scr"));
    }

    @Test
    public void everyComponentIsSatisfied() throws Exception {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker =
                new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.waitForService(TIMEOUT_MILLIS);
            assertNotNull("no ServiceComponentRuntime", scr);
            List<String> unsatisfied = new ArrayList<>();
            int count = 0;
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                count++;
                if (scr.getComponentConfigurationDTOs(d).isEmpty()) {
                    unsatisfied.add(d.name + " has no configuration");
                }
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                        unsatisfied.add(d.name + " state " + c.state);
                    }
                }
            }
            assertTrue("our components are found: " + count, count >= 4);
            assertEquals("unsatisfied components", List.of(), unsatisfied);
        } finally {
            tracker.close();
        }
    }

    @Test
    public void anEmulatedMobileNodeRunsHome0WithItsHomeAddress() throws Exception {
        ServiceTracker<Object, Object> vi = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(objectClass=io.anyhome.api.vi.VirtualInterface)"), null);
        vi.open();
        try {
            assertNotNull("no virtual interface on an emulated mobile node", vi.waitForService(TIMEOUT_MILLIS));
        } finally {
            vi.close();
        }

        String response = exchange("vi:show --json");

        assertTrue(response, response.contains("\"name\":\"home0\""));
        assertTrue(response, response.contains("\"homeAddress\":\"2001:db8:1::10\""));
        assertTrue(response, response.contains("\"running\":true"));
        assertTrue(response, response.endsWith("\n%exit 0\n"));
    }

    @Test
    public void theControlSocketAnswersLb() throws IOException {
        String response = exchange("lb");

        assertTrue(response, response.contains("anyhome shell"));
        assertTrue(response, response.endsWith("\n%exit 0\n"));
    }

    @Test
    public void theControlSocketReportsUnknownCommandsAsUsageErrors() throws IOException {
        String response = exchange("nosuchcommand");

        assertTrue(response, response.contains("nosuchcommand"));
        assertTrue(response, response.endsWith("\n%exit 2\n"));
    }

    /** The socket named by the framework property, as the control socket server reads it. */
    private String exchange(String line) throws IOException {
        String socket = context.getProperty("anyhome.ctl.socket");
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            c.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            Channels.newInputStream(c).transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private boolean hasBundle(String name) {
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }
}
