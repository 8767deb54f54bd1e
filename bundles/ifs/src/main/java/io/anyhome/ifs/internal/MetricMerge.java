package io.anyhome.ifs.internal;

import io.anyhome.api.nic.NicDTO;
import io.anyhome.api.nic.NicMetrics;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges an interface's metrics by precedence: an operator override beats a path-probe value,
 * which beats the driver's report; each value's source is recorded for {@link NicDTO#metricSources}.
 */
final class MetricMerge {
    /** The merged values and, per key, where each came from. */
    record Merged(Map<String, Double> metrics, Map<String, String> sources) {
    }

    private MetricMerge() {
    }

    static Merged merge(Map<String, Double> driver, Map<String, Double> probe, Map<String, String> overrides) {
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        put(metrics, sources, driver, NicDTO.SOURCE_DRIVER);
        put(metrics, sources, probe, NicDTO.SOURCE_PROBE);
        overrides.forEach((key, value) -> {
            if (!NicMetrics.STATE_OVERRIDE.equals(key)) {
                metrics.put(key, OverrideValue.metric(key, value));
                sources.put(key, NicDTO.SOURCE_OVERRIDE);
            }
        });
        return new Merged(metrics, sources);
    }

    private static void put(Map<String, Double> metrics, Map<String, String> sources, Map<String, Double> values,
            String source) {
        values.forEach((key, value) -> {
            metrics.put(key, value);
            sources.put(key, source);
        });
    }
}
