package io.anyhome.policy.redundant.internal;

import io.anyhome.api.ifs.UplinkSnapshot;
import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.Technology;
import java.util.Optional;

/**
 * One entry of the redundant policy's {@code order}: it matches an uplink whose technology has
 * this name, or whose id (interface name) matches it as a glob ({@code *} any run, {@code ?} one
 * character). The glob matching itself is the api's {@link InterfacePatterns}; this small wrapper
 * exists in each policy bundle that ranks uplinks, since policy bundles depend on the api alone.
 *
 * @param text the entry as configured
 * @param technology the technology it names, if it is a valid technology name
 * @param names the interface names it matches, empty if it is not a valid glob
 */
record OrderEntry(String text, Optional<Technology> technology, InterfacePatterns names) {

    /**
     * @param key the configuration key, named in the error
     * @param text one entry
     * @return the entry
     * @throws IllegalArgumentException naming the key if the entry is neither a technology name
     *         nor an interface name pattern
     */
    static OrderEntry parse(String key, String text) {
        Optional<Technology> technology;
        try {
            technology = Optional.of(Technology.of(text));
        } catch (IllegalArgumentException e) {
            technology = Optional.empty();
        }
        InterfacePatterns names;
        try {
            names = InterfacePatterns.parse(key, text);
        } catch (IllegalArgumentException e) {
            names = InterfacePatterns.none();
        }
        if (technology.isEmpty() && names.isEmpty()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is neither a technology name"
                    + " (a letter, then up to 31 of a-z 0-9 . _) nor an interface name pattern"
                    + " (1 to 15 of letters, digits, _ . @ + = - and the wildcards * ?)");
        }
        return new OrderEntry(text, technology, names);
    }

    /** @return true if the uplink's technology is the one named here or its id matches the glob */
    boolean matches(UplinkSnapshot uplink) {
        return technology.map(uplink.technology()::equals).orElse(false) || names.matches(uplink.id());
    }

    @Override
    public String toString() {
        return text;
    }
}
