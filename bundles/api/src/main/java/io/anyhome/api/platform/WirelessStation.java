package io.anyhome.api.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a WLAN interface knows about the access point it is associated with (nl80211 station
 * information). Returned by {@link Platform#wirelessStation(int)}; the WLAN NIC driver reports the
 * signal as a metric and the SSID / BSSID for the shell.
 *
 * @param ssid the network name, may be empty for a hidden network
 * @param bssid the access point's MAC address as lower-case {@code aa:bb:cc:dd:ee:ff}
 * @param signalDbm the received signal strength in dBm (typically -90 .. -30)
 * @param frequencyMhz the channel frequency in MHz, 0 if unknown
 * @param observedAt when the information was read, epoch milliseconds
 */
public record WirelessStation(String ssid, String bssid, int signalDbm, int frequencyMhz, long observedAt) {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    /**
     * Validates the fields.
     *
     * @param ssid the network name, may be empty for a hidden network
     * @param bssid the access point's MAC address as lower-case {@code aa:bb:cc:dd:ee:ff}
     * @param signalDbm the received signal strength in dBm (typically -90 .. -30)
     * @param frequencyMhz the channel frequency in MHz, 0 if unknown
     * @param observedAt when the information was read, epoch milliseconds
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public WirelessStation {
        Objects.requireNonNull(ssid, "ssid");
        if (bssid == null || !MAC.matcher(bssid).matches()) {
            throw new IllegalArgumentException("bssid '" + bssid + "' is not a lower-case MAC address aa:bb:cc:dd:ee:ff");
        }
        if (signalDbm < -150 || signalDbm > 30) {
            throw new IllegalArgumentException("signalDbm " + signalDbm + " is outside -150..30");
        }
        if (frequencyMhz < 0) {
            throw new IllegalArgumentException("frequencyMhz " + frequencyMhz + " is negative");
        }
    }
}
