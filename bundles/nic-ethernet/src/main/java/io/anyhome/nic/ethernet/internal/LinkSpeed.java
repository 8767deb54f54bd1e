package io.anyhome.nic.ethernet.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads an Ethernet link's negotiated speed and duplex from sysfs
 * ({@code /sys/class/net/IF/speed}, {@code .../duplex}). The kernel fails the read (EINVAL) or
 * answers -1 / {@code unknown} while the link is down or for virtual devices; all such answers
 * count as absent, never as an error.
 */
final class LinkSpeed {
    private final Path classNet;

    LinkSpeed(Path classNet) {
        this.classNet = classNet;
    }

    /** @return the speed in Mbit/s, if the kernel knows it */
    OptionalDouble speedMbps(String interfaceName) {
        OptionalInt speed = readInt(interfaceName, "speed");
        return speed.isPresent() && speed.getAsInt() > 0 ? OptionalDouble.of(speed.getAsInt()) : OptionalDouble.empty();
    }

    /** @return {@code full} or {@code half}, or null if unknown */
    String duplex(String interfaceName) {
        String text = read(interfaceName, "duplex");
        if (text == null) {
            return null;
        }
        String d = text.toLowerCase(Locale.ROOT);
        return d.equals("full") || d.equals("half") ? d : null;
    }

    private OptionalInt readInt(String interfaceName, String file) {
        String text = read(interfaceName, file);
        try {
            return text == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private String read(String interfaceName, String file) {
        try {
            return Files.readString(classNet.resolve(interfaceName).resolve(file)).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
