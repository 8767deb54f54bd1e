package io.anyhome.nic.ethernet.internal;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;

/**
 * One Ethernet driver instance's checked configuration: which interfaces it claims (name
 * patterns, and with {@code detect} whatever the system says is Ethernet), their cost and metered
 * flag, and how often speed and duplex are read again.
 */
record EthernetSettings(InterfacePatterns patterns, boolean detect, double cost, boolean metered, long pollIntervalMs) {
    /** @throws IllegalArgumentException naming the key of a bad value */
    EthernetSettings {
        if (!Double.isFinite(cost) || cost < 0) {
            throw new IllegalArgumentException("cost: " + cost + " is not a number >= 0");
        }
        if (pollIntervalMs < 100 || pollIntervalMs > 3_600_000) {
            throw new IllegalArgumentException("pollIntervalMs: " + pollIntervalMs + " is outside 100..3600000");
        }
    }

    /** @return true if the driver claims this interface */
    boolean claims(NicCandidate c) {
        return patterns.matches(c.name()) || detect && isEthernet(c);
    }

    /**
     * What the system says is Ethernet: a link-layer address, not wireless, not a WWAN modem, and
     * no link kind (a physical device) or {@code veth} (the lab's stand-in for a cable).
     */
    static boolean isEthernet(NicCandidate c) {
        return !c.linkLayerAddress().isEmpty() && !c.wireless() && !"wlan".equals(c.devType())
                && !"wwan".equals(c.devType()) && (c.linkKind().isEmpty() || "veth".equals(c.linkKind()));
    }
}
