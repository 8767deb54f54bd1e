package io.anyhome.policy.priority.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When the priority policy moves back to a better-ranked uplink that has become usable again
 * (configuration key {@code failback}).
 */
enum Failback {
    /** As soon as the better-ranked uplink is usable. */
    ALWAYS("always"),
    /** Once the better-ranked uplink has stayed usable for the hold-down time. */
    BETTER("better"),
    /** Never while the current uplink is usable; only when it fails. */
    ON_FAILURE("on-failure");

    private final String configName;

    Failback(String configName) {
        this.configName = configName;
    }

    /** @return the value as written in the configuration */
    String configName() {
        return configName;
    }

    /**
     * @param text a configured value, case-insensitive
     * @return the matching value
     * @throws IllegalArgumentException if it is none of them (the caller names the key)
     */
    static Failback parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Failback f : values()) {
            if (f.configName.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of "
                + Arrays.stream(values()).map(Failback::configName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return configName;
    }
}
