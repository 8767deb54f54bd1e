package io.anyhome.homeagent.internal;

import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The IPv6 settings (sysctls) a component changed, with the values it found, so that it can put
 * them back when it stops: the home agent turns on forwarding and {@code proxy_ndp} and restores
 * what was there before at close. Setting one setting twice keeps the first value found. Not
 * thread-safe; used by {@link HomeLinkPublisher} from its constructor and close.
 */
final class Ipv6SettingChanges {
    private static final Logger LOG = Logger.getLogger(Ipv6SettingChanges.class.getName());

    private record Change(String interfaceName, Ipv6Setting setting, int found) {
    }

    private final Platform platform;
    private final List<Change> changes = new ArrayList<>();

    Ipv6SettingChanges(Platform platform) {
        this.platform = platform;
    }

    /**
     * Sets a value, remembering the one found first.
     *
     * @param interfaceName an interface name, {@code all} or {@code default}
     * @param setting the setting
     * @param value the value
     * @throws PlatformException if the setting cannot be read or written
     */
    void set(String interfaceName, Ipv6Setting setting, int value) throws PlatformException {
        int found = platform.ipv6Setting(interfaceName, setting);
        boolean known = changes.stream().anyMatch(c -> c.interfaceName().equals(interfaceName) && c.setting() == setting);
        if (!known) {
            changes.add(new Change(interfaceName, setting, found));
        }
        if (found != value) {
            platform.setIpv6Setting(interfaceName, setting, value);
        }
    }

    /**
     * Puts every changed setting back to the value found, last change first. A setting that cannot
     * be restored (the interface is gone) is logged and the others are still restored.
     */
    void restore() {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            try {
                if (platform.ipv6Setting(c.interfaceName(), c.setting()) != c.found()) {
                    platform.setIpv6Setting(c.interfaceName(), c.setting(), c.found());
                }
            } catch (PlatformException e) {
                LOG.warning("cannot restore net.ipv6.conf." + c.interfaceName() + "." + c.setting().sysctlName()
                        + " to " + c.found() + ": " + e.getMessage());
            }
        }
        changes.clear();
    }
}
