package io.anyhome.nic.wlan.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The signal level of a wireless interface from {@code /proc/net/wireless} (wireless extensions),
 * for when the platform has no station information. Lines after the two headers look like
 * {@code " wlan0: 0000   70.  -40.  -256  ..."}: status, link quality, level (dBm), noise.
 * An unreadable file or a missing line means "no signal known".
 */
final class ProcNetWireless {
    private final Path file;

    ProcNetWireless(Path file) {
        this.file = file;
    }

    OptionalInt signalDbm(String interfaceName) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).trim().equals(interfaceName)) {
                continue;
            }
            String[] fields = line.substring(colon + 1).trim().split("\\s+");
            if (fields.length < 3) {
                return OptionalInt.empty();
            }
            try {
                int level = (int) Double.parseDouble(fields[2].replace(".", ""));
                return level < 0 && level >= -150 ? OptionalInt.of(level) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }
}
