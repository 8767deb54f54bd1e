package io.anyhome.policy.loadshare.internal;

import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.Technology;

/**
 * One entry of the loadshare policy's {@code weights}: {@code PATTERN:WEIGHT}, where PATTERN is an
 * uplink id glob ({@code wlan0}, {@code eth*}; {@code *} any run, {@code ?} one character) or a
 * technology name ({@code cellular}). A word without wildcards is both, so {@code cellular}
 * matches every cellular uplink and also an uplink named {@code cellular}.
 *
 * @param pattern the pattern as configured
 * @param ids the id glob, or null if the pattern is not a valid glob (a long technology name)
 * @param technology the technology it names, or null if it is not one (it has wildcards)
 * @param weight the weight, 0..{@link LoadshareSettings#MAX_WEIGHT}; 0 takes no new flows
 */
record WeightEntry(String pattern, InterfacePatterns ids, Technology technology, int weight) {

    /**
     * @param key the configuration key, named in the error
     * @param text one entry, {@code PATTERN:WEIGHT}
     * @return the entry
     * @throws IllegalArgumentException naming the key and the entry if it is malformed
     */
    static WeightEntry parse(String key, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not PATTERN:WEIGHT, e.g. wlan0:3 or cellular:1");
        }
        String pattern = text.substring(0, colon);
        int weight = LoadshareSettings.weight(key, text, text.substring(colon + 1));
        InterfacePatterns ids = null;
        Technology technology = null;
        try {
            ids = InterfacePatterns.parse(key, pattern);
        } catch (IllegalArgumentException notAGlob) {
            // maybe a technology name longer than an interface name
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            try {
                technology = Technology.of(pattern);
            } catch (IllegalArgumentException notATechnology) {
                // maybe an interface name that is no technology name (eth-1)
            }
        }
        if (ids == null && technology == null) {
            throw new IllegalArgumentException(key + ": '" + pattern + "' in '" + text + "' is neither an uplink id"
                    + " pattern (1 to 15 of letters, digits, _ . @ + = - and the wildcards * ?) nor a technology name");
        }
        return new WeightEntry(pattern, ids, technology, weight);
    }

    /** @return true if the pattern matches the uplink's id */
    boolean matchesId(UplinkSnapshot uplink) {
        return ids != null && ids.matches(uplink.id());
    }

    /** @return true if the pattern names the uplink's technology */
    boolean matchesTechnology(UplinkSnapshot uplink) {
        return technology != null && technology.equals(uplink.technology());
    }

    @Override
    public String toString() {
        return pattern + ":" + weight;
    }
}
