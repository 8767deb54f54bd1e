package io.anyhome.api.ifs;

import io.anyhome.api.nic.InterfacePatterns;
import io.anyhome.api.nic.Technology;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a policy's list of uplinks ({@code order=ethernet, wlan*, eth0}): it matches an
 * uplink whose technology has this name, or whose id (interface name) matches it as a glob
 * ({@code *} any run, {@code ?} one character). {@code ethernet} thus matches every Ethernet
 * uplink, {@code wlan*} every interface whose name starts with {@code wlan}, and {@code eth0} the
 * interface eth0. Shared by the policies that rank uplinks, which see the api alone.
 *
 * @param text the entry as configured
 * @param technology the technology it names, if it is a valid technology name
 * @param names the interface names it matches, empty if it is not a valid glob
 */
public record UplinkPattern(String text, Optional<Technology> technology, InterfacePatterns names) {

    /**
     * Checks the fields.
     *
     * @param text the entry as configured
     * @param technology the technology it names, if any
     * @param names the interface names it matches
     */
    public UplinkPattern {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(names, "names");
    }

    /**
     * @param key the configuration key, named in the error (e.g. {@code etc/io.anyhome.policy.priority.cfg: key order})
     * @param text one entry
     * @return the entry
     * @throws IllegalArgumentException naming the key if the entry is neither a technology name
     *         nor an interface name pattern
     */
    public static UplinkPattern parse(String key, String text) {
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
        return new UplinkPattern(text, technology, names);
    }

    /**
     * @param uplink an uplink
     * @return true if its technology is the one named here or its id matches the glob
     */
    public boolean matches(UplinkSnapshot uplink) {
        return technology.map(uplink.technology()::equals).orElse(false) || names.matches(uplink.id());
    }

    @Override
    public String toString() {
        return text;
    }
}
