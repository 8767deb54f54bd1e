package io.anyhome.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Boots our bundles in Felix and checks that each of them resolves and starts. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkSmokeIT {
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return options(junitBundles(), OurBundles.all());
    }

    @Test
    public void everyAnyhomeBundleIsActive() {
        List<Bundle> ours = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("io.anyhome."))
                .collect(Collectors.toList());
        assertTrue("our bundles installed: " + ours, ours.size() >= 2);
        for (Bundle b : ours) {
            assertEquals(b.getSymbolicName() + " state", Bundle.ACTIVE, b.getState());
        }
    }

    @Test
    public void thePacketCodecsAreUsableFromAnotherBundle() throws Exception {
        Bundle packet = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("io.anyhome.packet")).findFirst()
                .orElseThrow();
        Class<?> seq = packet.loadClass("io.anyhome.packet.SequenceNumbers");
        Object newer = seq.getMethod("isNewer", int.class, int.class).invoke(null, 0, 65535);
        assertEquals(Boolean.TRUE, newer);
    }
}
