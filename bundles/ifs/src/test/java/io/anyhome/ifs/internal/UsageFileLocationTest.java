package io.anyhome.ifs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** Where the component keeps the uplinks' usage, from the framework properties the launcher sets. */
class UsageFileLocationTest {

    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void givenAStateDirectory_thenTheUsageIsKeptInItsDataDirectory() {
        assertThat(InterfaceSwitchComponent.usageFile(context(Map.of("anyhome.state", "/var/lib/anyhome/n1"))))
                .isEqualTo(Path.of("/var/lib/anyhome/n1/data/ifs-usage.json"));
    }

    @Test
    void givenADataDirectory_thenItWinsOverTheState() {
        assertThat(InterfaceSwitchComponent.usageFile(context(Map.of("anyhome.state", "/var/lib/anyhome/n1",
                "anyhome.data", "/tmp/anyhome-check-1/data"))))
                .isEqualTo(Path.of("/tmp/anyhome-check-1/data/ifs-usage.json"));
    }

    @Test
    void givenNeither_thenNothingIsPersisted() {
        assertThat(InterfaceSwitchComponent.usageFile(context(Map.of()))).isNull();
    }
}
