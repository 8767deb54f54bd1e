package io.anyhome.ifs.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
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
 * Written and read with Gson. Writing is atomic: a temporary file beside it, then a rename, so a node killed while saving
 * leaves the previous file or the new one, never half of one.
 */
final class UsageFile {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().create();
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
        JsonObject uplinks = new JsonObject();
        new TreeMap<>(content.bytes()).forEach(uplinks::addProperty);
        JsonObject root = new JsonObject();
        root.addProperty("periodStart", content.periodStart());
        root.add("uplinks", uplinks);
        return PRETTY.toJson(root) + "\n";
    }

    /**
     * @param text the file's text
     * @return its content
     * @throws IllegalArgumentException if it is not a usage file, saying why
     */
    static Content decode(String text) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject root = parsed.getAsJsonObject();
        for (String key : root.keySet()) {
            if (!key.equals("periodStart") && !key.equals("uplinks")) {
                throw new IllegalArgumentException("unknown key \"" + key + "\"");
            }
        }
        if (!root.has("periodStart") || !root.has("uplinks") || !root.get("uplinks").isJsonObject()) {
            throw new IllegalArgumentException("\"periodStart\" and the object \"uplinks\" are both needed");
        }
        long periodStart = count(root.get("periodStart"), "periodStart");
        Map<String, Long> bytes = new LinkedHashMap<>();
        root.getAsJsonObject("uplinks").entrySet().forEach(e -> bytes.put(e.getKey(), count(e.getValue(), e.getKey())));
        return new Content(periodStart, bytes);
    }

    /** @return a whole number 0..10^18, else IllegalArgumentException naming the key */
    private static long count(JsonElement value, String key) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            String digits = value.getAsString();
            if (digits.matches("[0-9]{1,18}")) {
                return Long.parseLong(digits);
            }
        }
        throw new IllegalArgumentException("\"" + key + "\": a byte count (0..10^18) expected, found " + value);
    }
}
