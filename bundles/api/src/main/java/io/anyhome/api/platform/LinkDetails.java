package io.anyhome.api.platform;

import java.util.Objects;

/**
 * What the system says about an interface's device, beyond its link attributes: the sysfs
 * {@code DEVTYPE} ({@code wlan}, {@code wwan}, {@code bridge}, ...; empty when there is none, as
 * for veth and most Ethernet) and whether the kernel sees a wireless device behind it. NIC
 * drivers use it, besides their configured name patterns, to recognise their interfaces.
 * Provided by {@link Platform#linkDetails(int)}.
 *
 * @param devType the device type, empty if the system names none
 * @param wireless whether the interface is an IEEE 802.11 device (sysfs {@code wireless/} or
 *     {@code phy80211})
 */
public record LinkDetails(String devType, boolean wireless) {
    /** Normalises a missing device type to the empty string. */
    public LinkDetails {
        devType = Objects.requireNonNullElse(devType, "");
    }
}
