package io.anyhome.packet.mh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A golden vector from {@code golden/mh/NAME.hex}: hex bytes, with {@code #} comment lines, one
 * of which names the checksum pseudo-header addresses.
 */
record GoldenVectors(byte[] bytes, Inet6Address source, Inet6Address destination) {
    private static final Pattern ADDRESSES =
            Pattern.compile("# checksum source (\\S+) destination (\\S+)");

    static GoldenVectors load(String name) {
        String path = "/golden/mh/" + name + ".hex";
        try (InputStream in = GoldenVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing " + path);
            }
            StringBuilder hex = new StringBuilder();
            Inet6Address src = null;
            Inet6Address dst = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .split("\n")) {
                Matcher m = ADDRESSES.matcher(line);
                if (m.matches()) {
                    src = ScapyCrossCheckTest.addr(m.group(1));
                    dst = ScapyCrossCheckTest.addr(m.group(2));
                } else if (!line.startsWith("#")) {
                    hex.append(line.replaceAll("\\s", ""));
                }
            }
            return new GoldenVectors(HexFormat.of().parseHex(hex), src, dst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
