package io.anyhome.policy.redundant.internal;

import java.util.Map;

/**
 * The duplicate filter's checked configuration ({@code etc/io.anyhome.policy.redundant.dedup.cfg}).
 * Immutable; {@link #from(Map)} refuses bad values with a message naming the file and the key.
 *
 * @param windowMs how long a delivered packet is remembered, milliseconds
 * @param capacity how many packets the filter remembers at most
 */
record DedupSettings(long windowMs, int capacity) {
    /** Where the configuration lives, named in every error. */
    static final String FILE = "etc/io.anyhome.policy.redundant.dedup.cfg";
    /** Configuration key: the window, milliseconds. */
    static final String WINDOW_MS = "dedupWindowMs";
    /** Configuration key: the table size, packets. */
    static final String CAPACITY = "dedupCapacity";

    static final long DEFAULT_WINDOW_MS = 500;
    static final int DEFAULT_CAPACITY = 65_536;
    static final long MAX_WINDOW_MS = 60_000;
    static final int MAX_CAPACITY = 1 << 24;

    /** @throws IllegalArgumentException naming the file and key of a value out of range */
    DedupSettings {
        if (windowMs < 1 || windowMs > MAX_WINDOW_MS) {
            throw refused(WINDOW_MS, windowMs + " is outside 1.." + MAX_WINDOW_MS);
        }
        if (capacity < WindowedDuplicateFilter.WAYS || capacity > MAX_CAPACITY) {
            throw refused(CAPACITY, capacity + " is outside " + WindowedDuplicateFilter.WAYS + ".." + MAX_CAPACITY);
        }
    }

    /**
     * @param properties configuration properties; absent keys take their defaults
     * @return the checked settings
     * @throws IllegalArgumentException naming the file and key of a bad value
     */
    static DedupSettings from(Map<String, ?> properties) {
        long window = number(properties, WINDOW_MS, DEFAULT_WINDOW_MS);
        long capacity = number(properties, CAPACITY, DEFAULT_CAPACITY);
        if (capacity > MAX_CAPACITY) {
            throw refused(CAPACITY, capacity + " is outside " + WindowedDuplicateFilter.WAYS + ".." + MAX_CAPACITY);
        }
        return new DedupSettings(window, (int) capacity);
    }

    private static long number(Map<String, ?> properties, String key, long defaultValue) {
        Object value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw refused(key, "'" + value + "' is not a whole number");
        }
    }

    private static IllegalArgumentException refused(String key, String why) {
        return new IllegalArgumentException(FILE + ": key " + key + ": " + why);
    }
}
