package io.anyhome.nic.wlan.internal;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;

/**
 * One WLAN driver instance's checked configuration: which interfaces it claims (name patterns,
 * and with {@code detect} whatever the system says is IEEE 802.11), their cost and metered flag,
 * and how often the station (signal, SSID, BSSID) is read: at least every second.
 */
record WlanSettings(InterfacePatterns patterns, boolean detect, double cost, boolean metered, long pollIntervalMs) {
    /** @throws IllegalArgumentException naming the key of a bad value */
    WlanSettings {
        if (!Double.isFinite(cost) || cost < 0) {
            throw new IllegalArgumentException("cost: " + cost + " is not a number >= 0");
        }
        if (pollIntervalMs < 100 || pollIntervalMs > 1000) {
            throw new IllegalArgumentException("pollIntervalMs: " + pollIntervalMs + " is outside 100..1000");
        }
    }

    /** @return true if the driver claims this interface */
    boolean claims(NicCandidate c) {
        return patterns.matches(c.name()) || detect && isWlan(c);
    }

    /** What the system says is WLAN: sysfs {@code wireless/} or {@code phy80211}, or DEVTYPE {@code wlan}. */
    static boolean isWlan(NicCandidate c) {
        return c.wireless() || "wlan".equals(c.devType());
    }
}
