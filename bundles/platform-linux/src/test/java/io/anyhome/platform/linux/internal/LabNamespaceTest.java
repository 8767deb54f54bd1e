package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab helper itself: a thread inside the namespace sees its interfaces, the JVM does not. */
class LabNamespaceTest {
    @Test
    void givenANamespaceWithAVethEnd_whenCodeRunsInside_thenItSeesThatNamespacesInterfaces()
            throws Exception {
        try (LabNamespace ns = LabNamespace.create("lab")) {
            ns.ip("link", "add", "up0", "type", "veth", "peer", "name", "up1");

            // /proc/thread-self/net is the calling thread's namespace (/proc/self/net is the
            // process's, which is why java.net.NetworkInterface does not see the namespace)
            List<String> inside = ns.inside(LabNamespaceTest::interfaces);
            List<String> outside = interfaces();

            assertThat(inside).contains("lo", "up0", "up1");
            assertThat(outside).doesNotContain("up0");
        }
    }

    private static List<String> interfaces() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/thread-self/net/dev")).stream().skip(2)
                .map(l -> l.substring(0, l.indexOf(':')).trim()).toList();
    }
}
