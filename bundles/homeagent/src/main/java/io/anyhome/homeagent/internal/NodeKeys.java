package io.anyhome.homeagent.internal;

import io.anyhome.api.AddressText;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import java.io.IOException;
import java.io.Reader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The mobile nodes' keys: one Java properties file {@code NAME.key} per node in the keys
 * directory ({@code homeAddress}, {@code identity} (optional), {@code spi}, {@code algorithm},
 * {@code key} in hex, at least 16 bytes). A bad file is refused as a whole with a message naming
 * the file and the key; two files for one home address are refused too. Immutable: the home
 * agent reads a new instance when the directory changes ({@link #stamp(Path)}).
 */
public final class NodeKeys {
    /** The default algorithm (anyhome's choice; RFC 4285 names HMAC-SHA1-96). */
    public static final Algorithm DEFAULT_ALGORITHM = Algorithm.HMAC_SHA256_128;
    private static final int MIN_KEY_BYTES = 16;

    private final Map<InetAddress, NodeKey> byHomeAddress;

    private NodeKeys(Map<InetAddress, NodeKey> byHomeAddress) {
        this.byHomeAddress = Map.copyOf(byHomeAddress);
    }

    /**
     * @param keys the keys
     * @return a table of them
     * @throws IllegalArgumentException if two keys share a home address
     */
    public static NodeKeys of(List<NodeKey> keys) {
        Map<InetAddress, NodeKey> map = new HashMap<>();
        for (NodeKey k : keys) {
            NodeKey old = map.put(k.homeAddress(), k);
            if (old != null) {
                throw new IllegalArgumentException(k.file() + ": key homeAddress = "
                        + AddressText.format(k.homeAddress()) + ": also in " + old.file());
            }
        }
        return new NodeKeys(map);
    }

    /**
     * Reads every {@code *.key} file of a directory; a missing directory means no keys.
     *
     * @param directory the keys directory
     * @return the keys
     * @throws IllegalArgumentException naming the file and key of the first bad value
     * @throws IOException if the directory cannot be read
     */
    public static NodeKeys read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return new NodeKeys(Map.of());
        }
        List<NodeKey> keys = new ArrayList<>();
        for (Path file : files(directory)) {
            keys.add(readFile(file));
        }
        return of(keys);
    }

    /**
     * What the directory looks like now (file names, sizes, modification times), to notice a change.
     *
     * @param directory the keys directory
     * @return a value that changes when a key file is added, removed or modified
     */
    public static String stamp(Path directory) {
        if (!Files.isDirectory(directory)) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        try {
            for (Path f : files(directory)) {
                s.append(f.getFileName()).append(' ').append(Files.size(f)).append(' ')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
        } catch (IOException e) {
            return "unreadable " + e.getMessage();
        }
        return s.toString();
    }

    private static List<Path> files(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*.key")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    static NodeKey readFile(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, Object> map = new HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        String name = file.toString();
        ConfigValues v = new ConfigValues(map, name);
        String hoaText = v.required("homeAddress", "the mobile node's home address");
        InetAddress hoa;
        try {
            hoa = AddressText.parse(hoaText);
        } catch (IllegalArgumentException e) {
            throw v.refused("homeAddress", hoaText, e.getMessage());
        }
        if (!(hoa instanceof Inet6Address v6) || hoa.isLinkLocalAddress() || hoa.isMulticastAddress()
                || hoa.isAnyLocalAddress() || hoa.isLoopbackAddress()) {
            throw v.refused("homeAddress", hoaText, "a home address is a global IPv6 unicast address");
        }
        long spi = v.integer("spi", 256, 256, 0xffff_ffffL); // RFC 4285: SPIs 0..255 are reserved
        String algorithmText = v.text("algorithm", null);
        Algorithm algorithm = algorithmText == null ? DEFAULT_ALGORITHM : algorithm(v, algorithmText);
        String keyText = v.required("key", "the shared key in hex, at least " + MIN_KEY_BYTES + " bytes");
        byte[] key;
        try {
            key = HexFormat.of().parseHex(keyText);
        } catch (IllegalArgumentException e) {
            throw v.refused("key", null, "not hexadecimal (" + e.getMessage() + ")");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw v.refused("key", null, key.length + " bytes, at least " + MIN_KEY_BYTES + " needed");
        }
        return new NodeKey(file.getFileName().toString(), v6, v.text("identity", null), spi, algorithm, key);
    }

    /**
     * @param values where the text came from, for the message
     * @param text {@code hmac-sha256-128} or {@code hmac-sha1-96}
     * @return the algorithm
     */
    static Algorithm algorithm(ConfigValues values, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "hmac-sha256-128", "hmac-sha-256-128" -> Algorithm.HMAC_SHA256_128;
            case "hmac-sha1-96" -> Algorithm.HMAC_SHA1_96;
            default -> throw values.refused("algorithm", text, "not one of hmac-sha256-128, hmac-sha1-96");
        };
    }

    /**
     * @param homeAddress a home address
     * @return its key, or null if the node is unknown
     */
    public NodeKey forHomeAddress(InetAddress homeAddress) {
        return byHomeAddress.get(homeAddress);
    }

    /** @return how many nodes have keys */
    public int size() {
        return byHomeAddress.size();
    }
}
