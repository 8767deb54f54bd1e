package io.anyhome.api.nic;

import java.util.regex.Pattern;

/**
 * Well-known metric keys that NIC drivers, path probes (mobility) and shell overrides report for
 * an interface, and that policies read. Keys are open: a driver may add its own (lower case,
 * dotted, starting with a letter, such as {@code vendor.snr.db}); a unit suffix says what the
 * number means. All values are {@code double}; flags are 1 (true) or 0 (false).
 */
public final class NicMetrics {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    private NicMetrics() {
    }

    /** Received signal strength in dBm (WLAN, cellular). */
    public static final String SIGNAL_DBM = "signal.dbm";
    /** Round-trip time in milliseconds (path probes to the home agent). */
    public static final String RTT_MS = "rtt.ms";
    /** Fraction of probes or packets lost, 0..1. */
    public static final String LOSS_RATIO = "loss.ratio";
    /** Round-trip time variation in milliseconds. */
    public static final String JITTER_MS = "jitter.ms";
    /** Link speed in Mbit/s. */
    public static final String SPEED_MBPS = "speed.mbps";
    /** Relative cost of sending over the interface; higher is more expensive, 0 is free. */
    public static final String COST = "cost";
    /** 1 if the interface is metered (charged by volume), 0 if not. */
    public static final String METERED = "metered";
    /** Data cap for the current period in bytes, for metered interfaces. */
    public static final String DATA_CAP_BYTES = "data.cap.bytes";

    /** Key of an override (not a metric) that forces the interface's {@link NicState}: value {@code UP}, {@code DOWN}, ... */
    public static final String STATE_OVERRIDE = "state";

    /**
     * @param key a metric key
     * @return true if the key is well formed (lower case, dotted, starting with a letter, at most 64 characters)
     */
    public static boolean isValidKey(String key) {
        return key != null && key.length() <= 64 && KEY.matcher(key).matches();
    }
}
