package io.anyhome.api.nic;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The access technology of an uplink: an open value, not a closed enum, so that a vendor's NIC
 * driver can name its own (say {@code satellite}) without patching anyhome.
 *
 * <p>Names are lower case letters, digits and {@code .} / {@code _}, starting with a letter.
 * Well-known values are provided as constants; policies compare technologies by value.
 */
public final class Technology implements Comparable<Technology> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._]{0,31}");

    /** Wired Ethernet. */
    public static final Technology ETHERNET = new Technology("ethernet");
    /** IEEE 802.11 wireless LAN. */
    public static final Technology WLAN = new Technology("wlan");
    /** Cellular (3GPP) modems. */
    public static final Technology CELLULAR = new Technology("cellular");

    private final String name;

    private Technology(String name) {
        this.name = name;
    }

    /**
     * Returns the technology with this name.
     *
     * @param name the name, case-insensitive
     * @return the technology
     * @throws IllegalArgumentException if the name is not a valid technology name
     */
    public static Technology of(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("invalid technology name '" + name
                    + "': expected a letter followed by up to 31 of [a-z0-9._]");
        }
        return new Technology(n);
    }

    /** @return the technology's name, as used in configuration and DTOs */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Technology t && t.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public int compareTo(Technology o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
