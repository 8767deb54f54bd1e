package io.anyhome.mobility.internal;

import java.util.Map;

/** Reading configuration values as text, numbers in a range, and refusing them naming the file and key. */
final class ConfigText {
    private ConfigText() {
    }

    static String text(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? fallback : s;
    }

    static int integer(Map<String, ?> props, String file, String key, int fallback, int min, int max) {
        return (int) longValue(props, file, key, fallback, min, max);
    }

    static long longValue(Map<String, ?> props, String file, String key, long fallback, long min, long max) {
        String s = text(props, key, null);
        if (s == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw refused(file, key, s, "not a whole number");
        }
        if (value < min || value > max) {
            throw refused(file, key, s, "outside " + min + ".." + max);
        }
        return value;
    }

    static double ratio(Map<String, ?> props, String file, String key, double fallback) {
        String s = text(props, key, null);
        if (s == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw refused(file, key, s, "not a number");
        }
        if (!(value > 0 && value <= 1)) {
            throw refused(file, key, s, "outside (0, 1]");
        }
        return value;
    }

    static IllegalArgumentException refused(String file, String key, String value, String why) {
        return new IllegalArgumentException(file + ": key " + key + (value == null ? "" : " = " + value) + ": " + why);
    }
}
