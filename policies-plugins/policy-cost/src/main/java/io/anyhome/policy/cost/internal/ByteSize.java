package io.anyhome.policy.cost.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data sizes as operators write them in the {@code caps} key: a number with an optional unit,
 * {@code B}, decimal {@code KB MB GB TB} (powers of 1000, as carriers count) or binary
 * {@code KiB MiB GiB TiB}, case-insensitive; {@code 1.5GB} is allowed.
 */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b|b)?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /**
     * @param text the size
     * @return the size in bytes, at least 1
     * @throws IllegalArgumentException if the text is not a positive size
     */
    static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (like 500MB, 5GB, 1.5GiB)");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier(unit)));
        if (bytes.compareTo(BigDecimal.ONE) < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is not a size of at least 1 byte that fits in 63 bits");
        }
        return bytes.longValue();
    }

    private static long multiplier(String unit) {
        return switch (unit) {
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> 1L;
        };
    }

    /**
     * @param bytes a byte count
     * @return it in decimal units with one decimal where needed, for reasons: {@code 5.2GB}, {@code 800MB}
     */
    static String format(long bytes) {
        String[] units = {"TB", "GB", "MB", "KB"};
        long[] sizes = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= sizes[i]) {
                long tenths = Math.round(bytes * 10.0 / sizes[i]);
                return (tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10)) + units[i];
            }
        }
        return bytes + "B";
    }
}
