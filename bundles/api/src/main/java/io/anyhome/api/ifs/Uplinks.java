package io.anyhome.api.ifs;

/** Validation of uplink ids, shared by the value types of this package. */
final class Uplinks {
    private Uplinks() {
    }

    static String requireId(String field, String id) {
        if (id == null || id.isEmpty() || id.length() > 64 || !id.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException(field + " '" + id
                    + "' is not an uplink id (1 to 64 printable characters without spaces)");
        }
        return id;
    }
}
