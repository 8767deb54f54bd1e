package io.anyhome.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Loads the golden packets kept as commented hex in {@code src/test/resources/golden}, and a
 * reference Internet checksum written independently of {@link InternetChecksum}.
 */
public final class GoldenVectors {
    private GoldenVectors() {
    }

    /**
     * @param name file name under {@code golden/}
     * @return the bytes, in a buffer whose position is 0 and limit the length
     */
    public static ByteBuffer load(String name) {
        try (InputStream in = GoldenVectors.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden vector " + name);
            }
            return ByteBuffer.wrap(parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param text hex with whitespace and {@code #} comments to the end of the line
     * @return the bytes
     */
    public static byte[] parse(String text) {
        StringBuilder hex = new StringBuilder();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            hex.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(hex);
    }

    /**
     * RFC 1071 checksum, written plainly: sum big-endian 16-bit words, add the carries back in,
     * complement.
     *
     * @param parts byte arrays concatenated in order; each but the last has an even length
     * @return the checksum
     */
    public static int referenceChecksum(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] all = new byte[total + 1];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        long sum = 0;
        for (int i = 0; i < total; i += 2) {
            sum += ((all[i] & 0xff) << 8) + (all[i + 1] & 0xff);
        }
        while (sum > 0xffff) {
            sum = (sum >> 16) + (sum & 0xffff);
        }
        return (int) (0xffff - sum);
    }

    /**
     * @param buffer a buffer
     * @param from first index
     * @param to index after the last
     * @return a copy of those bytes
     */
    public static byte[] slice(ByteBuffer buffer, int from, int to) {
        byte[] b = new byte[to - from];
        buffer.get(from, b);
        return b;
    }
}
