package io.anyhome.api.nic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of interface name patterns from a NIC driver's configuration ({@code interfaces=wlan*,wlp*}):
 * shell-style globs where {@code *} matches any run of characters and {@code ?} one character;
 * everything else matches itself. NIC drivers (ours and vendors') use it to recognise the
 * interfaces an operator assigns to them, and refuse a bad pattern at activation with a message
 * naming the configuration key.
 */
public final class InterfacePatterns {
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9_.@*?+=-]{1,15}");
    private static final InterfacePatterns NONE = new InterfacePatterns(List.of(), List.of());

    private final List<String> globs;
    private final List<Pattern> patterns;

    private InterfacePatterns(List<String> globs, List<Pattern> patterns) {
        this.globs = globs;
        this.patterns = patterns;
    }

    /** @return the empty list, matching nothing */
    public static InterfacePatterns none() {
        return NONE;
    }

    /**
     * Parses the patterns of one configuration key; each value may itself hold several patterns
     * separated by commas or white space.
     *
     * @param key the configuration key, named in the error
     * @param values the configured values, null or empty for none
     * @return the patterns
     * @throws IllegalArgumentException naming the key and the pattern if one is not a valid glob
     *         (1 to 15 characters of letters, digits, {@code _ . @ + = -} and the wildcards)
     */
    public static InterfacePatterns parse(String key, Collection<String> values) {
        if (values == null) {
            return NONE;
        }
        List<String> globs = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String glob : value.split("[,\\s]+")) {
                if (glob.isEmpty()) {
                    continue;
                }
                if (!GLOB.matcher(glob).matches()) {
                    throw new IllegalArgumentException(key + ": '" + glob + "' is not an interface name pattern"
                            + " (1 to 15 of letters, digits, _ . @ + = - and the wildcards * ?)");
                }
                globs.add(glob);
                patterns.add(Pattern.compile(toRegex(glob)));
            }
        }
        return globs.isEmpty() ? NONE : new InterfacePatterns(List.copyOf(globs), List.copyOf(patterns));
    }

    /**
     * @param key the configuration key, named in the error
     * @param values the configured values, as DS hands a {@code String[]} property
     * @return the patterns
     * @throws IllegalArgumentException naming the key if a pattern is not valid
     */
    public static InterfacePatterns parse(String key, String... values) {
        return parse(key, values == null ? null : List.of(values));
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /**
     * @param interfaceName an interface name
     * @return true if one of the patterns matches the whole name
     */
    public boolean matches(String interfaceName) {
        if (interfaceName == null) {
            return false;
        }
        for (Pattern p : patterns) {
            if (p.matcher(interfaceName).matches()) {
                return true;
            }
        }
        return false;
    }

    /** @return true if there are no patterns */
    public boolean isEmpty() {
        return globs.isEmpty();
    }

    /** @return the patterns as configured, in order */
    public List<String> globs() {
        return globs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterfacePatterns p && p.globs.equals(globs);
    }

    @Override
    public int hashCode() {
        return globs.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", globs);
    }
}
