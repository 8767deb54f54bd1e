package io.anyhome.nic.cellular.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * A driver instance's name: the configured {@code name}, else the technology for the instance
 * without configuration, else technology-INSTANCE from the factory configuration's file
 * ({@code etc/io.anyhome.nic.cellular-lab.cfg} gives {@code cellular-lab}) or its PID.
 */
final class DriverName {
    private DriverName() {
    }

    static String of(String technology, String configured, Map<String, Object> properties) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String base = Path.of(String.valueOf(file).replaceFirst("^file:", "")).getFileName().toString()
                    .replaceFirst("\\.(cfg|config)$", "");
            int dash = base.indexOf('-');
            if (dash >= 0 && dash < base.length() - 1) {
                return technology + "-" + base.substring(dash + 1);
            }
        }
        Object pid = properties.get("service.pid");
        if (properties.get("service.factoryPid") == null || pid == null) {
            return technology;
        }
        String p = String.valueOf(pid);
        int tilde = p.lastIndexOf('~');
        return technology + "-" + (tilde >= 0 ? p.substring(tilde + 1) : p.substring(Math.max(0, p.length() - 8)));
    }
}
