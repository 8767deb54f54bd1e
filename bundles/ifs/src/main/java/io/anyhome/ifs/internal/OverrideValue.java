package io.anyhome.ifs.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicState;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks and reads the text of an operator override ({@code nic:set NAME KEY VALUE}): the
 * {@link NicMetrics#STATE_OVERRIDE} key takes a {@link NicState} name, {@link NicMetrics#METERED}
 * takes {@code true}/{@code false} (or 1/0), every other well-formed metric key a finite number.
 */
final class OverrideValue {
    private OverrideValue() {
    }

    /**
     * @return the normalised text to store (state names upper case, metered as true/false)
     * @throws AnyhomeException INVALID_ARGUMENT naming the key or value
     */
    static String normalise(String key, String value) throws AnyhomeException {
        if (value == null || value.isBlank()) {
            throw invalid("override " + key + " needs a value");
        }
        String v = value.trim();
        if (NicMetrics.STATE_OVERRIDE.equals(key)) {
            try {
                return NicState.valueOf(v.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw invalid("override state: '" + value + "' is not one of " + Arrays.toString(NicState.values()));
            }
        }
        if (!NicMetrics.isValidKey(key)) {
            throw invalid("override key '" + key + "' is not a metric key (lower case, dotted, starting with a letter)");
        }
        if (NicMetrics.METERED.equals(key)) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes":
                    return "true";
                case "false", "0", "no":
                    return "false";
                default:
                    throw invalid("override metered: '" + value + "' is not true or false");
            }
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw invalid("override " + key + ": '" + value + "' is not a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid("override " + key + ": '" + value + "' is not a number");
        }
    }

    /** @return the metric value of a normalised override (not for the state key) */
    static double metric(String key, String normalised) {
        if (NicMetrics.METERED.equals(key)) {
            return "true".equals(normalised) ? 1 : 0;
        }
        return Double.parseDouble(normalised);
    }

    private static AnyhomeException invalid(String message) {
        return new AnyhomeException(AnyhomeException.Code.INVALID_ARGUMENT, message);
    }
}
