package io.anyhome.mobility.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * How often each path is probed and after how many unanswered probes it is down, per uplink
 * technology. Keys {@code probeIntervalMs} and {@code probeMisses} set the default;
 * {@code probeIntervalMs.TECHNOLOGY} and {@code probeMisses.TECHNOLOGY} override it for one
 * technology. Defaults: 50 ms and 3 misses (a dead path is seen within 150 ms), cellular 250 ms
 * and 3 misses (a radio kept awake by 20 probes a second drains a battery and may be billed).
 *
 * @param defaultIntervalMs the interval for technologies without their own
 * @param defaultMisses the misses for technologies without their own
 * @param intervalMs per-technology intervals
 * @param misses per-technology misses
 * @param degradedLossRatio the loss ratio (over the last 32 probes) from which a path is DEGRADED
 */
record ProbeSettings(int defaultIntervalMs, int defaultMisses, Map<String, Integer> intervalMs,
        Map<String, Integer> misses, double degradedLossRatio) {
    static final int DEFAULT_INTERVAL_MS = 50;
    static final int DEFAULT_CELLULAR_INTERVAL_MS = 250;
    static final int DEFAULT_MISSES = 3;
    static final double DEFAULT_DEGRADED_LOSS_RATIO = 0.1;

    /** @return the defaults */
    static ProbeSettings defaults() {
        return from(Map.of(), MobilityConfiguration.FILE);
    }

    static ProbeSettings from(Map<String, ?> props, String file) {
        int interval = ConfigText.integer(props, file, "probeIntervalMs", DEFAULT_INTERVAL_MS, 10, 60_000);
        int misses = ConfigText.integer(props, file, "probeMisses", DEFAULT_MISSES, 1, 100);
        Map<String, Integer> intervals = new HashMap<>();
        Map<String, Integer> missesBy = new HashMap<>();
        intervals.put("ethernet", interval);
        intervals.put("wlan", interval);
        intervals.put("cellular", DEFAULT_CELLULAR_INTERVAL_MS);
        for (String key : props.keySet()) {
            if (key.startsWith("probeIntervalMs.")) {
                intervals.put(key.substring(16), ConfigText.integer(props, file, key, interval, 10, 60_000));
            } else if (key.startsWith("probeMisses.")) {
                missesBy.put(key.substring(12), ConfigText.integer(props, file, key, misses, 1, 100));
            }
        }
        double degraded = ConfigText.ratio(props, file, "degradedLossRatio", DEFAULT_DEGRADED_LOSS_RATIO);
        return new ProbeSettings(interval, misses, Map.copyOf(intervals), Map.copyOf(missesBy), degraded);
    }

    /** @return the probe interval for an uplink of this technology (null: unknown) */
    int intervalFor(String technology) {
        return technology == null ? defaultIntervalMs : intervalMs.getOrDefault(technology, defaultIntervalMs);
    }

    /** @return the misses for an uplink of this technology (null: unknown) */
    int missesFor(String technology) {
        return technology == null ? defaultMisses : misses.getOrDefault(technology, defaultMisses);
    }
}
