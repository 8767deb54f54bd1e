package io.anyhome.ifs.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The file in which {@link UsageMeter} keeps an accounting period's usage across node restarts,
 * {@code DIR/data/ifs-usage.json}: when the period started (epoch milliseconds) and the bytes
 * each uplink carried in it.
 *
 * <pre>
 * {
 *   "periodStart": 1764547200000,
 *   "uplinks": {
 *     "wwan0": 7340032
 *   }
 * }
 * </pre>
 *
 * The shape is fixed, so it is written and read here without a JSON library (ifs imports none).
 * Writing is atomic: a temporary file beside it, then a rename, so a node killed while saving
 * leaves the previous file or the new one, never half of one.
 */
final class UsageFile {
    /** The file name in the node's data directory. */
    static final String NAME = "ifs-usage.json";

    /**
     * What the file holds.
     *
     * @param periodStart when the accounting period started, epoch milliseconds
     * @param bytes the bytes per uplink name in that period
     */
    record Content(long periodStart, Map<String, Long> bytes) {
        Content {
            bytes = Map.copyOf(bytes);
        }
    }

    private final Path file;

    /** @param file where the usage is kept */
    UsageFile(Path file) {
        this.file = file;
    }

    /** @return where the usage is kept */
    Path path() {
        return file;
    }

    /**
     * @return the content, empty if there is no file
     * @throws IOException if the file cannot be read or is not a usage file (the message says why)
     */
    Optional<Content> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return Optional.of(decode(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Replaces the file atomically, creating its directory if needed.
     *
     * @param content what to keep
     * @throws IOException if it cannot be written
     */
    void write(Content content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, encode(content), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Moves a bad file aside (to {@code ifs-usage.json.bad}, replacing an older one), so that it
     * stays for the engineer to look at and the next save starts a good one.
     *
     * @return where it went
     * @throws IOException if it cannot be moved
     */
    Path quarantine() throws IOException {
        Path bad = file.resolveSibling(file.getFileName() + ".bad");
        Files.move(file, bad, StandardCopyOption.REPLACE_EXISTING);
        return bad;
    }

    static String encode(Content content) {
        StringBuilder sb = new StringBuilder("{\n  \"periodStart\": ").append(content.periodStart())
                .append(",\n  \"uplinks\": {");
        String separator = "\n";
        for (Map.Entry<String, Long> e : new TreeMap<>(content.bytes()).entrySet()) {
            sb.append(separator).append("    ");
            quote(sb, e.getKey());
            sb.append(": ").append(e.getValue());
            separator = ",\n";
        }
        return sb.append(content.bytes().isEmpty() ? "}\n}\n" : "\n  }\n}\n").toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /**
     * @param text the file's text
     * @return its content
     * @throws IllegalArgumentException if it is not a usage file, saying where and why
     */
    static Content decode(String text) {
        return new Parser(text).content();
    }

    /** Reads exactly the shape {@link #encode} writes, whitespace and key order aside. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Content content() {
            Long periodStart = null;
            Map<String, Long> bytes = null;
            expect('{');
            do {
                String key = string();
                expect(':');
                switch (key) {
                    case "periodStart" -> periodStart = number();
                    case "uplinks" -> bytes = uplinks();
                    default -> throw fail("unknown key \"" + key + "\"");
                }
            } while (comma('}'));
            skipSpace();
            if (at != text.length()) {
                throw fail("text after the object");
            }
            if (periodStart == null || bytes == null) {
                throw fail("\"periodStart\" and \"uplinks\" are both needed");
            }
            return new Content(periodStart, bytes);
        }

        private Map<String, Long> uplinks() {
            Map<String, Long> out = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                at++;
                return out;
            }
            do {
                String name = string();
                expect(':');
                out.put(name, number());
            } while (comma('}'));
            return out;
        }

        /** @return true after a comma, false after {@code close} */
        private boolean comma(char close) {
            skipSpace();
            char c = peek();
            if (c == ',' || c == close) {
                at++;
                return c == ',';
            }
            throw fail("',' or '" + close + "' expected");
        }

        private long number() {
            skipSpace();
            int from = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (from == at || at - from > 18) {
                throw fail("a byte count (0..10^18) expected");
            }
            return Long.parseLong(text, from, at, 10);
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = next();
                    if (e == 'u') {
                        if (at + 4 > text.length()) {
                            throw fail("truncated escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(text, at, at + 4, 16));
                        } catch (NumberFormatException bad) {
                            throw fail("bad escape");
                        }
                        at += 4;
                    } else if (e == '"' || e == '\\' || e == '/') {
                        sb.append(e);
                    } else {
                        throw fail("bad escape");
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private void expect(char c) {
            skipSpace();
            if (peek() != c) {
                throw fail("'" + c + "' expected");
            }
            at++;
        }

        private char next() {
            if (at >= text.length()) {
                throw fail("unexpected end");
            }
            return text.charAt(at++);
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException fail(String why) {
            return new IllegalArgumentException("not a usage file at character " + at + ": " + why);
        }
    }
}
