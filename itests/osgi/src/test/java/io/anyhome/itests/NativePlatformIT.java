package io.anyhome.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
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
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The native path is live inside the framework: platform-linux resolves with nothing but api and
 * the framework (jnr-ffi, jffi and asm are inside it), registers the Linux {@link Platform}, and
 * jffi's stub library is loaded from the node's {@code run/native} directory, so that a real
 * ioctl on {@code /dev/net/tun} answered the capability probe. No device is created here: this
 * test runs in the host's network namespace, which tests leave alone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativePlatformIT {
    private static final long TIMEOUT_MILLIS = 20_000;

    @Inject
    BundleContext context;

    private Platform platform;

    @Configuration
    public Option[] config() {
        return options(junitBundles(), OurBundles.node(OurBundles.LINUX_HOME_AGENT));
    }

    @Before
    public void awaitPlatform() throws Exception {
        ServiceTracker<Platform, Platform> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(
                "(&(objectClass=" + Platform.class.getName() + ")(" + ConfigurationPids.PLATFORM_NAME_PROPERTY + "=linux))"),
                null);
        tracker.open();
        try {
            platform = tracker.waitForService(TIMEOUT_MILLIS);
            assertNotNull("no Linux platform service", platform);
        } finally {
            tracker.close();
        }
    }

    @Test
    public void thePlatformBundleImportsNothingOfWhatItEmbeds() {
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(b -> "io.anyhome.platform.linux".equals(b.getSymbolicName())).findFirst().orElseThrow();
        String imports = bundle.getHeaders("").get("Import-Package");

        assertEquals(Bundle.ACTIVE, bundle.getState());
        for (String embedded : List.of("jnr.", "com.kenai.", "org.objectweb.")) {
            assertFalse(imports, imports.contains(embedded));
        }
    }

    @Test
    public void givenRoot_whenTheCapabilitiesAreRead_thenTunWorkedThroughTheEmbeddedNativeLibrary() throws Exception {
        rootOrCi();
        PlatformCapabilitiesDTO c = platform.capabilities();

        assertEquals("linux", c.name);
        assertTrue("unavailable: " + c.unavailabilityCause + " " + c.featureCauses, c.available);
        assertTrue(c.netAdmin);
        // only a TUNGETFEATURES ioctl made through jnr-ffi can set these
        assertTrue(String.valueOf(c.featureCauses), c.tun && c.tunVnetHeader && c.tunMultiQueue);
    }

    @Test
    public void givenTheFrameworkProperty_whenNativeCodeLoaded_thenJffiCameFromTheNodesRunNativeDirectory()
            throws Exception {
        rootOrCi();
        assertTrue(platform.capabilities().available);
        String dir = context.getProperty("jffi.extract.dir");

        List<String> jffi = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(l -> l.contains("jffi")).collect(Collectors.toList());

        assertTrue(jffi.toString(), jffi.stream().anyMatch(l -> l.contains(dir + "/")));
        assertTrue(Files.isDirectory(Path.of(dir)));
    }

    private static void rootOrCi() {
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue("the native platform needs root", "root".equals(System.getProperty("user.name")));
        }
    }
}
