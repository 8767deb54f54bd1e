package io.anyhome.platform.linux.internal;

import io.anyhome.api.platform.LinkDetails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads what sysfs says about an interface's device: {@code DEVTYPE} from
 * {@code /sys/class/net/NAME/uevent} and whether {@code wireless/} or {@code phy80211} exists.
 *
 * <p>sysfs is read by name and is the mount of the process, not of the calling thread: in a
 * network namespace entered with {@code setns} it shows the interfaces of the namespace sysfs was
 * mounted in. An interface sysfs does not show yields an empty device type and no wireless.
 * Used by {@link RtnetlinkPlatformOps#linkDetails(int)}.
 */
final class LinkDetailsReader {
    private final Path classNet;

    /** Reads the real {@code /sys/class/net}. */
    LinkDetailsReader() {
        this(Path.of("/sys/class/net"));
    }

    /** @param classNet the directory standing for {@code /sys/class/net} (tests pass their own) */
    LinkDetailsReader(Path classNet) {
        this.classNet = classNet;
    }

    /**
     * @param name an interface name, already validated (no '/')
     * @return the details; empty and false where sysfs says nothing
     */
    LinkDetails read(String name) {
        Path dir = classNet.resolve(name);
        boolean wireless = Files.exists(dir.resolve("wireless")) || Files.exists(dir.resolve("phy80211"));
        return new LinkDetails(devType(dir.resolve("uevent")), wireless);
    }

    private static String devType(Path uevent) {
        try {
            for (String line : Files.readAllLines(uevent, StandardCharsets.UTF_8)) {
                if (line.startsWith("DEVTYPE=")) {
                    return line.substring("DEVTYPE=".length()).trim();
                }
            }
        } catch (IOException | RuntimeException absent) {
            // no such interface in this sysfs, or unreadable: the system says nothing
        }
        return "";
    }
}
