package io.anyhome.packet.icmp6;

/** Range checks for the fields of this package's records, refused when a record is built. */
final class Fields {
    private Fields() {
    }

    static void require(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside 0.." + max);
        }
    }
}
