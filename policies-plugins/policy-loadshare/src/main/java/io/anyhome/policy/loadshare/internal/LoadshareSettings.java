package io.anyhome.policy.loadshare.internal;

import io.anyhome.api.ifs.UplinkSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The loadshare policy's checked configuration ({@code etc/io.anyhome.policy.loadshare.cfg}): the
 * weight of each uplink by id pattern or technology, and the weight of uplinks no entry matches.
 * Immutable; {@link #from(Map)} parses it from configuration properties and refuses bad values
 * with a message naming the file and the key.
 *
 * @param weights the {@code weights} entries in configured order, no pattern twice
 * @param defaultWeight the weight of an uplink no entry matches
 */
record LoadshareSettings(List<WeightEntry> weights, int defaultWeight) {
    /** Where the configuration lives, named in every error. */
    static final String FILE = "etc/io.anyhome.policy.loadshare.cfg";
    /** Configuration key: comma list of PATTERN:WEIGHT. */
    static final String WEIGHTS = "weights";
    /** Configuration key: the weight of uplinks no entry matches. */
    static final String DEFAULT_WEIGHT = "defaultWeight";

    static final int DEFAULT_DEFAULT_WEIGHT = 1;
    static final int MAX_WEIGHT = 1000;

    /** @throws IllegalArgumentException naming the file and key of a bad value */
    LoadshareSettings {
        weights = List.copyOf(weights);
        Set<String> seen = new HashSet<>();
        for (WeightEntry e : weights) {
            if (!seen.add(e.pattern())) {
                throw refused(WEIGHTS, "'" + e.pattern() + "' is listed twice");
            }
        }
        if (defaultWeight < 0 || defaultWeight > MAX_WEIGHT) {
            throw refused(DEFAULT_WEIGHT, defaultWeight + " is outside 0.." + MAX_WEIGHT);
        }
    }

    /**
     * @param properties configuration properties (strings, string arrays or collections, numbers);
     *        absent keys take their defaults, others are ignored
     * @return the checked settings
     * @throws IllegalArgumentException naming the file and key of a bad value
     */
    static LoadshareSettings from(Map<String, ?> properties) {
        List<WeightEntry> weights = new ArrayList<>();
        for (String text : words(properties.get(WEIGHTS))) {
            try {
                weights.add(WeightEntry.parse(WEIGHTS, text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + ": key " + e.getMessage(), e);
            }
        }
        Object d = properties.get(DEFAULT_WEIGHT);
        int defaultWeight;
        try {
            defaultWeight = d == null ? DEFAULT_DEFAULT_WEIGHT : weight(DEFAULT_WEIGHT, String.valueOf(d), String.valueOf(d));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FILE + ": key " + e.getMessage(), e);
        }
        return new LoadshareSettings(weights, defaultWeight);
    }

    /**
     * @param key the key, named in the error
     * @param entry the whole entry, named in the error
     * @param text the weight
     * @return the weight, 0..{@link #MAX_WEIGHT}
     * @throws IllegalArgumentException naming the key (not the file) if it is not a whole number in range
     */
    static int weight(String key, String entry, String text) {
        String t = text.strip();
        if (!t.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(key + ": '" + entry + "': weight '" + text
                    + "' is not a whole number 0.." + MAX_WEIGHT);
        }
        int w = Integer.parseInt(t);
        if (w > MAX_WEIGHT) {
            throw new IllegalArgumentException(key + ": '" + entry + "': weight " + w + " is outside 0.." + MAX_WEIGHT);
        }
        return w;
    }

    /**
     * Which entry weighs an uplink: one matching its id beats one naming its technology; among
     * entries of the same kind the first configured wins.
     *
     * @param uplink an uplink
     * @return the entry, empty if none matches (the uplink weighs {@link #defaultWeight()})
     */
    Optional<WeightEntry> entryFor(UplinkSnapshot uplink) {
        Optional<WeightEntry> byId = weights.stream().filter(e -> e.matchesId(uplink)).findFirst();
        return byId.isPresent() ? byId : weights.stream().filter(e -> e.matchesTechnology(uplink)).findFirst();
    }

    /** @return the uplink's weight */
    int weightOf(UplinkSnapshot uplink) {
        return entryFor(uplink).map(WeightEntry::weight).orElse(defaultWeight);
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

    private static IllegalArgumentException refused(String key, String why) {
        return new IllegalArgumentException(FILE + ": key " + key + ": " + why);
    }

    @Override
    public String toString() {
        return WEIGHTS + "=" + weights.stream().map(WeightEntry::toString).collect(Collectors.joining(","))
                + ", " + DEFAULT_WEIGHT + "=" + defaultWeight;
    }
}
