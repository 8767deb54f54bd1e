package io.anyhome.homeagent.internal;

import java.util.Map;

/**
 * Reads typed values from a configuration map (ConfigAdmin properties or a key file) and refuses
 * bad ones with a message naming the file and the key. Used by {@link HomeAgentConfiguration}
 * and {@link NodeKeys}.
 */
final class ConfigValues {
    private final Map<String, ?> props;
    private final String file;

    ConfigValues(Map<String, ?> props, String file) {
        this.props = props;
        this.file = file;
    }

    /** @return the trimmed value, or {@code fallback} when absent or blank */
    String text(String key, String fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? fallback : s;
    }

    /** @return the value, required */
    String required(String key, String why) {
        String s = text(key, null);
        if (s == null) {
            throw refused(key, null, "missing: " + why);
        }
        return s;
    }

    long integer(String key, long fallback, long min, long max) {
        String s = text(key, null);
        if (s == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw refused(key, s, "not a whole number");
        }
        if (value < min || value > max) {
            throw refused(key, s, "outside " + min + ".." + max);
        }
        return value;
    }

    IllegalArgumentException refused(String key, String value, String why) {
        return new IllegalArgumentException(file + ": key " + key
                + (value == null ? "" : " = " + value) + ": " + why);
    }
}
