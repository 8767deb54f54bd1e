package io.anyhome.api.nic;

import java.nio.file.Path;
import java.util.Map;

/**
 * Names NIC driver instances, so that every driver (ours and vendors') names its instances the
 * same way: the configured {@code name}, else the technology's default for the instance without
 * configuration, else {@code technology-INSTANCE} for an instance of a factory configuration,
 * INSTANCE being taken from the FileInstall file ({@code etc/io.anyhome.nic.wlan-lab.cfg} gives
 * {@code wlan-lab}) or else from the factory PID ({@code ...~lab} gives {@code wlan-lab}).
 * The NIC driver components of nic-ethernet, nic-wlan and nic-cellular call it on activation.
 */
public final class NicDriverNames {
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";
    private static final String SERVICE_PID = "service.pid";
    private static final String SERVICE_FACTORY_PID = "service.factoryPid";

    private NicDriverNames() {
    }

    /**
     * Names one driver instance.
     *
     * @param technologyDefault the technology's default name ({@code wlan}), used alone for the
     *        instance without configuration and as the prefix of factory instances
     * @param configuredName the configured {@code name}; null or blank when not configured
     * @param componentProperties the component's properties (its configuration, with
     *        {@code felix.fileinstall.filename}, {@code service.pid} and {@code service.factoryPid}
     *        when present)
     * @return the instance's name, never blank
     */
    public static String of(String technologyDefault, String configuredName, Map<String, ?> componentProperties) {
        if (configuredName != null && !configuredName.isBlank()) {
            return configuredName.trim();
        }
        Object file = componentProperties.get(FILEINSTALL_FILENAME);
        if (file != null) {
            String base = Path.of(String.valueOf(file).replaceFirst("^file:", "")).getFileName().toString()
                    .replaceFirst("\\.(cfg|config)$", "");
            int dash = base.indexOf('-');
            if (dash >= 0 && dash < base.length() - 1) {
                return technologyDefault + "-" + base.substring(dash + 1);
            }
        }
        Object pid = componentProperties.get(SERVICE_PID);
        if (componentProperties.get(SERVICE_FACTORY_PID) == null || pid == null) {
            return technologyDefault;
        }
        String p = String.valueOf(pid);
        int tilde = p.lastIndexOf('~');
        return technologyDefault + "-" + (tilde >= 0 ? p.substring(tilde + 1) : p.substring(Math.max(0, p.length() - 8)));
    }
}
