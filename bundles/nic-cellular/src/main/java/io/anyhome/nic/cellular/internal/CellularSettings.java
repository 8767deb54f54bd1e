package io.anyhome.nic.cellular.internal;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.NicCandidate;
import java.util.OptionalDouble;

/**
 * One cellular driver instance's checked configuration: which interfaces it claims (name
 * patterns, and with {@code detect} DEVTYPE {@code wwan}), cost and metered flag, and the modem
 * facts it reports as configured (signal, quality, access technology, operator, registration).
 */
record CellularSettings(InterfacePatterns patterns, boolean detect, double cost, boolean metered,
        OptionalDouble signalDbm, OptionalDouble signalQualityPercent, String accessTechnology, String operator,
        ModemRegistration registration) {
    /** @throws IllegalArgumentException naming the key of a bad value */
    CellularSettings {
        if (!Double.isFinite(cost) || cost < 0) {
            throw new IllegalArgumentException("cost: " + cost + " is not a number >= 0");
        }
        if (signalDbm.isPresent() && (signalDbm.getAsDouble() < -150 || signalDbm.getAsDouble() > 0)) {
            throw new IllegalArgumentException("signalDbm: " + signalDbm.getAsDouble() + " is outside -150..0");
        }
        if (signalQualityPercent.isPresent()
                && (signalQualityPercent.getAsDouble() < 0 || signalQualityPercent.getAsDouble() > 100)) {
            throw new IllegalArgumentException("signalQuality: " + signalQualityPercent.getAsDouble() + " is outside 0..100");
        }
        accessTechnology = accessTechnology == null ? "" : accessTechnology.trim();
        operator = operator == null ? "" : operator.trim();
    }

    /** @return true if the driver claims this interface */
    boolean claims(NicCandidate c) {
        return patterns.matches(c.name()) || detect && isCellular(c);
    }

    /** What the system says is a cellular modem's network interface: DEVTYPE {@code wwan}. */
    static boolean isCellular(NicCandidate c) {
        return "wwan".equals(c.devType());
    }

    /**
     * @param key the configuration key, named in the error
     * @param text the configured text, empty for "not configured"
     * @throws IllegalArgumentException naming the key if the text is not a number
     */
    static OptionalDouble number(String key, String text) {
        if (text == null || text.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(text.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return OptionalDouble.of(d);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a number");
        }
    }
}
