package io.anyhome.policy.cost.internal;

import java.util.Locale;

/**
 * The tier an uplink is put in by the {@code cost} policy; earlier tiers are preferred. An uplink in
 * {@link #NEVER} carries no traffic, even when nothing else works.
 */
enum Tier {
    /** Preferred over every other tier. */
    PRIMARY,
    /** The default for unmetered uplinks. */
    SECONDARY,
    /** The default for metered uplinks, and where a capped uplink goes with {@code capAction=backup}. */
    BACKUP,
    /** Never used. */
    NEVER;

    /**
     * @param text a tier name, case-insensitive
     * @return the tier
     * @throws IllegalArgumentException if the name is not a tier
     */
    static Tier parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Tier tier : values()) {
            if (tier.label().equals(t)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a tier (primary, secondary, backup or never)");
    }

    /** @return the name as written in configuration and reasons */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
