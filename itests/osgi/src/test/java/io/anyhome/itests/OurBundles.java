package io.anyhome.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.Arrays;
import org.ops4j.pax.exam.Option;

/**
 * Provisions the bundles of this build from the jars the build staged in {@code target/bundles}
 * (system property {@code anyhome.bundles}), never from the local Maven repository, so a fresh
 * clone tests what it just built.
 */
final class OurBundles {
    private OurBundles() {
    }

    static Option all() {
        String dir = System.getProperty("anyhome.bundles");
        if (dir == null) {
            throw new IllegalStateException("system property anyhome.bundles is not set: run the tests through Maven failsafe");
        }
        File[] jars = new File(dir).listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles staged in " + dir);
        }
        Arrays.sort(jars);
        Option[] bundles = Arrays.stream(jars).map(j -> bundle(j.toURI().toString()).start())
                .toArray(Option[]::new);
        return composite(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                composite(bundles));
    }
}
