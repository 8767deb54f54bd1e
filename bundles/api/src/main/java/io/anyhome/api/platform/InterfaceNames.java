package io.anyhome.api.platform;

import java.util.regex.Pattern;

/** Validation of Linux interface names, shared by the platform value types. */
final class InterfaceNames {
    private static final Pattern VALID = Pattern.compile("[^/:\\s]{1,15}");

    private InterfaceNames() {
    }

    static String requireValid(String field, String name) {
        if (name == null || !VALID.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(field + " '" + name
                    + "' is not an interface name (1 to 15 characters, no '/', ':' or white space)");
        }
        return name;
    }

    static String requireValidOrNull(String field, String name) {
        return name == null ? null : requireValid(field, name);
    }
}
