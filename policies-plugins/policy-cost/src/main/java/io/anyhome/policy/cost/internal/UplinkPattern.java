package io.anyhome.policy.cost.internal;

import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.Technology;

/**
 * The left side of a {@code tiers} or {@code caps} entry: an uplink id glob ({@code eth*},
 * {@code wwan0}) or a technology name ({@code cellular}). A word without wildcards is both, so
 * {@code cellular} matches every cellular uplink and also an uplink named {@code cellular}. Entries
 * matching an uplink by id win over entries matching it by technology.
 *
 * @param text the pattern as configured
 * @param ids the id glob, or null if the text is not a valid glob (a long technology name)
 * @param technology the technology name, or null if the text is not one (it has wildcards)
 */
record UplinkPattern(String text, InterfacePatterns ids, String technology) {

    /**
     * @param key the configuration key, named in the error
     * @param text the pattern
     * @return the pattern
     * @throws IllegalArgumentException naming the key if the text is neither an id glob nor a technology name
     */
    static UplinkPattern parse(String key, String text) {
        InterfacePatterns ids = null;
        String technology = null;
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
            throw notAPattern(text);
        }
        try {
            ids = InterfacePatterns.parse(key, text);
        } catch (IllegalArgumentException notAGlob) {
            // maybe a technology name longer than an interface name
        }
        if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
            try {
                technology = Technology.of(text).name();
            } catch (IllegalArgumentException notATechnology) {
                // maybe an interface name that is no technology name (eth-1)
            }
        }
        if (ids == null && technology == null) {
            throw notAPattern(text);
        }
        return new UplinkPattern(text, ids, technology);
    }

    private static IllegalArgumentException notAPattern(String text) {
        return new IllegalArgumentException("'" + text + "' is neither an uplink id pattern (1 to 15 of letters,"
                + " digits, _ . @ + = - and the wildcards * ?) nor a technology name");
    }

    /**
     * @param uplink an uplink
     * @return true if the pattern matches the uplink's id
     */
    boolean matchesId(UplinkSnapshot uplink) {
        return ids != null && ids.matches(uplink.id());
    }

    /**
     * @param uplink an uplink
     * @return true if the pattern names the uplink's technology
     */
    boolean matchesTechnology(UplinkSnapshot uplink) {
        return technology != null && technology.equals(uplink.technology().name());
    }

    @Override
    public String toString() {
        return text;
    }
}
