package io.anyhome.policy.redundant.internal;

import io.anyhome.api.ifs.UplinkPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The redundant policy's checked configuration ({@code etc/io.anyhome.policy.redundant.cfg}): the
 * order of uplinks, what to duplicate (rules and 5-tuple selections) and the hold-down before
 * moving back to a better-ranked uplink. Immutable; {@link #from(Map)} parses it from
 * configuration properties and refuses bad values with a message naming the file and the key.
 *
 * @param order the entries, best first; never empty, no entry twice
 * @param duplicate the duplication rules, in configured order
 * @param duplicateFlows the 5-tuple selections, in configured order
 * @param holdDownMs how long a better-ranked uplink must have stayed usable before it becomes the
 *        default uplink again, milliseconds (it carries copies at once)
 */
record RedundantSettings(List<UplinkPattern> order, List<DuplicateRule> duplicate, List<FlowSelection> duplicateFlows,
        long holdDownMs) {
    /** Where the configuration lives, named in every error. */
    static final String FILE = "etc/io.anyhome.policy.redundant.cfg";
    /** Configuration key: technology names and interface name globs, best first. */
    static final String ORDER = "order";
    /** Configuration key: duplication rules by protocol, port and DSCP. */
    static final String DUPLICATE = "duplicate";
    /** Configuration key: duplication of flows chosen by 5-tuple. */
    static final String DUPLICATE_FLOWS = "duplicateFlows";
    /** Configuration key: the hold-down before moving back to a better-ranked uplink, milliseconds. */
    static final String HOLD_DOWN_MS = "holdDownMs";

    static final String DEFAULT_ORDER = "ethernet, wlan, cellular";
    static final long DEFAULT_HOLD_DOWN_MS = 5_000;
    static final long MAX_HOLD_DOWN_MS = 3_600_000;

    /** @throws IllegalArgumentException naming the file and key of a bad value */
    RedundantSettings {
        order = List.copyOf(order);
        duplicate = List.copyOf(duplicate);
        duplicateFlows = List.copyOf(duplicateFlows);
        if (order.isEmpty()) {
            throw refused(ORDER, "is empty; list technologies and/or interface name patterns, best first,"
                    + " e.g. " + DEFAULT_ORDER);
        }
        once(ORDER, order.stream().map(UplinkPattern::text).toList());
        once(DUPLICATE, duplicate.stream().map(DuplicateRule::text).toList());
        once(DUPLICATE_FLOWS, duplicateFlows.stream().map(FlowSelection::text).toList());
        if (holdDownMs < 0 || holdDownMs > MAX_HOLD_DOWN_MS) {
            throw refused(HOLD_DOWN_MS, holdDownMs + " is outside 0.." + MAX_HOLD_DOWN_MS);
        }
    }

    /**
     * @param properties configuration properties (strings, string arrays or collections, numbers);
     *        absent keys take their defaults, others are ignored
     * @return the checked settings
     * @throws IllegalArgumentException naming the file and key of a bad value
     */
    static RedundantSettings from(Map<String, ?> properties) {
        Object order = properties.get(ORDER);
        return new RedundantSettings(
                parse(ORDER, order == null ? DEFAULT_ORDER : order, UplinkPattern::parse),
                parse(DUPLICATE, properties.get(DUPLICATE), DuplicateRule::parse),
                parse(DUPLICATE_FLOWS, properties.get(DUPLICATE_FLOWS), FlowSelection::parse),
                milliseconds(properties.get(HOLD_DOWN_MS)));
    }

    private static <T> List<T> parse(String key, Object value, BiFunction<String, String, T> parser) {
        List<T> parsed = new ArrayList<>();
        for (String word : words(value)) {
            try {
                parsed.add(parser.apply(key, word));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + ": key " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    private static void once(String key, List<String> texts) {
        Set<String> seen = new HashSet<>();
        for (String t : texts) {
            if (!seen.add(t)) {
                throw refused(key, "'" + t + "' is listed twice");
            }
        }
    }

    private static List<String> words(Object value) {
        Collection<?> values;
        if (value == null) {
            return List.of();
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
        return ORDER + "=" + order.stream().map(UplinkPattern::text).collect(Collectors.joining(", "))
                + ", " + DUPLICATE + "=" + duplicate.stream().map(DuplicateRule::text).collect(Collectors.joining(","))
                + ", " + DUPLICATE_FLOWS + "=" + duplicateFlows.stream().map(FlowSelection::text)
                        .collect(Collectors.joining(","))
                + ", " + HOLD_DOWN_MS + "=" + holdDownMs;
    }
}
