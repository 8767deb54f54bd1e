package io.anyhome.packet.describe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The value shapes of a description tree, in one place so every layer writes them alike:
 * objects keep insertion order, byte strings are lower-case hex without separators, 16-bit
 * checksums are {@code 0x} and four hex digits, 64-bit opaque values sixteen hex digits, flags a
 * list of their letters.
 */
final class Json {
    private static final HexFormat HEX = HexFormat.of();

    private Json() {
    }

    /** @return a new, empty object */
    static LinkedHashMap<String, Object> object() {
        return new LinkedHashMap<>();
    }

    /** @return the bytes as lower-case hex, "" for none */
    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** @return {@code length} bytes at absolute index {@code offset} as lower-case hex */
    static String hex(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return hex(bytes);
    }

    /** @return a 16-bit field as {@code 0x} and four hex digits */
    static String hex16(int value) {
        return String.format("0x%04x", value & 0xffff);
    }

    /** @return a 64-bit opaque value (cookie, token, timestamp) as sixteen hex digits */
    static String hex64(long value) {
        return String.format("%016x", value);
    }

    /** @return a 32-bit field read as a signed int, as its unsigned value */
    static long unsigned(int value) {
        return value & 0xffffffffL;
    }

    /**
     * The set bits of a flags field, most significant first: the name of each named bit, and
     * {@code 0x}-hex of each set bit without a name (reserved bits are kept, not dropped).
     *
     * @param value the field
     * @param width its width in bits (8 or 16)
     * @param names the names of bits from the most significant down; null or missing = unnamed
     * @return the list
     */
    static List<Object> flags(int value, int width, String... names) {
        List<Object> set = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            int bit = 1 << (width - 1 - i);
            if ((value & bit) == 0) {
                continue;
            }
            String name = i < names.length ? names[i] : null;
            set.add(name != null ? name : String.format("0x%0" + (width / 4) + "x", bit));
        }
        return set;
    }

    /** @return an enum constant's name in camelCase: {@code HOP_BY_HOP} becomes {@code hopByHop} */
    static String camel(Enum<?> constant) {
        String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
        }
        return sb.toString();
    }
}
