package io.anyhome.api.nic;

import java.util.Objects;

/**
 * An interface the {@link NicRegistry} offers to drivers because no driver owns it, with what the
 * system says about it; a driver decides from its configured name patterns and these hints
 * whether the interface is of its technology.
 *
 * @param name the interface name
 * @param index the interface index
 * @param linkKind the rtnetlink link kind ({@code veth}, {@code tun}, ...), empty if none
 * @param devType the sysfs {@code DEVTYPE} ({@code wlan}, {@code wwan}, ...), empty if none
 * @param wireless true if sysfs has a {@code wireless/} or {@code phy80211} entry for it
 * @param linkLayerAddress the hardware address as lower-case {@code aa:bb:...}, empty if none
 */
public record NicCandidate(String name, int index, String linkKind, String devType, boolean wireless,
        String linkLayerAddress) {
    /**
     * Validates the fields.
     *
     * @param name the interface name
     * @param index the interface index
     * @param linkKind the rtnetlink link kind ({@code veth}, {@code tun}, ...), empty if none
     * @param devType the sysfs {@code DEVTYPE} ({@code wlan}, {@code wwan}, ...), empty if none
     * @param wireless true if sysfs has a {@code wireless/} or {@code phy80211} entry for it
     * @param linkLayerAddress the hardware address as lower-case {@code aa:bb:...}, empty if none
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public NicCandidate {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (index <= 0) {
            throw new IllegalArgumentException("index " + index + " is not a positive interface index");
        }
        linkKind = Objects.requireNonNullElse(linkKind, "");
        devType = Objects.requireNonNullElse(devType, "");
        linkLayerAddress = Objects.requireNonNullElse(linkLayerAddress, "");
    }
}
