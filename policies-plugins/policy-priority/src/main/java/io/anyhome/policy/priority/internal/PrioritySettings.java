package io.anyhome.policy.priority.internal;

import io.anyhome.api.ifs.UplinkPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The priority policy's checked configuration ({@code etc/io.anyhome.policy.priority.cfg}): the
 * order of technologies and interface name patterns, the failback rule and the hold-down time.
 * Immutable; {@link #from(Map)} parses it from configuration properties and refuses bad values
 * with a message naming the file and the key.
 *
 * @param order the entries, best first; never empty, no entry twice
 * @param failback when to move back to a better-ranked uplink
 * @param holdDownMs with {@link Failback#BETTER}, how long a better-ranked uplink must have stayed
 *        usable before traffic moves back to it, milliseconds
 */
record PrioritySettings(List<UplinkPattern> order, Failback failback, long holdDownMs) {
    /** Where the configuration lives, named in every error. */
    static final String FILE = "etc/io.anyhome.policy.priority.cfg";
    /** Configuration key: the order, a comma list of technology names and interface name globs. */
    static final String ORDER = "order";
    /** Configuration key: always, better or on-failure. */
    static final String FAILBACK = "failback";
    /** Configuration key: the hold-down time of failback=better, milliseconds. */
    static final String HOLD_DOWN_MS = "holdDownMs";

    static final String DEFAULT_ORDER = "ethernet, wlan, cellular";
    static final Failback DEFAULT_FAILBACK = Failback.BETTER;
    static final long DEFAULT_HOLD_DOWN_MS = 5_000;
    static final long MAX_HOLD_DOWN_MS = 3_600_000;

    /** @throws IllegalArgumentException naming the file and key of a bad value */
    PrioritySettings {
        order = List.copyOf(order);
        Objects.requireNonNull(failback, FAILBACK);
        if (order.isEmpty()) {
            throw refused(ORDER, "is empty; list technologies and/or interface name patterns, best first,"
                    + " e.g. " + DEFAULT_ORDER);
        }
        Set<String> seen = new HashSet<>();
        for (UplinkPattern e : order) {
            if (!seen.add(e.text())) {
                throw refused(ORDER, "'" + e.text() + "' is listed twice");
            }
        }
        if (holdDownMs < 0 || holdDownMs > MAX_HOLD_DOWN_MS) {
            throw refused(HOLD_DOWN_MS, holdDownMs + " is outside 0.." + MAX_HOLD_DOWN_MS);
        }
    }

    /** @return the settings without configuration */
    static PrioritySettings defaults() {
        return from(Map.of());
    }

    /**
     * @param properties configuration properties (as ConfigAdmin or DS hands them: strings, string
     *        arrays or collections, numbers); absent keys take their defaults, others are ignored
     * @return the checked settings
     * @throws IllegalArgumentException naming the file and key of a bad value
     */
    static PrioritySettings from(Map<String, ?> properties) {
        List<UplinkPattern> order = new ArrayList<>();
        for (String text : words(properties.get(ORDER), DEFAULT_ORDER)) {
            try {
                order.add(UplinkPattern.parse(ORDER, text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + ": key " + e.getMessage(), e);
            }
        }
        Object f = properties.get(FAILBACK);
        Failback failback;
        try {
            failback = f == null ? DEFAULT_FAILBACK : Failback.parse(String.valueOf(f));
        } catch (IllegalArgumentException e) {
            throw refused(FAILBACK, e.getMessage());
        }
        return new PrioritySettings(order, failback, milliseconds(properties.get(HOLD_DOWN_MS)));
    }

    private static List<String> words(Object value, String defaultValue) {
        Collection<?> values;
        if (value == null) {
            values = List.of(defaultValue);
        } else if (value instanceof Object[] array) {
            values = Arrays.asList(array);
        } else if (value instanceof Collection<?> c) {
            values = c;
        } else {
            values = List.of(value);
        }
        List<String> words = new ArrayList<>();
        for (Object v : values) {
            for (String w : String.valueOf(v).split("[,\\s]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static long milliseconds(Object value) {
        if (value == null) {
            return DEFAULT_HOLD_DOWN_MS;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw refused(HOLD_DOWN_MS, "'" + value + "' is not a whole number of milliseconds");
        }
    }

    private static IllegalArgumentException refused(String key, String why) {
        return new IllegalArgumentException(FILE + ": key " + key + ": " + why);
    }

    @Override
    public String toString() {
        return ORDER + "=" + String.join(", ", order.stream().map(UplinkPattern::text).toList()) + ", "
                + FAILBACK + "=" + failback + ", " + HOLD_DOWN_MS + "=" + holdDownMs;
    }
}
