package io.anyhome.packet.describe;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.capture.CapturedPacket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an IP packet, or a frame of a capture file, into a JSON-ready tree: the engine of
 * {@code anyhome decode}. The tree holds only {@link java.util.LinkedHashMap}
 * ({@code String} keys, insertion order), {@link java.util.List}, {@link String},
 * {@link Integer}, {@link Long} and {@link Boolean}; the shell prints it with its JSON library.
 *
 * <p>Layers nest in wire order: {@code {"ipv6": {..., "extensionHeaders": [...], "mobility":
 * {...}}}}; the schema, key by key, is in the README section "anyhome decode: the JSON it
 * prints". Every field the codecs decode is shown; what they do not interpret is shown as its type code and hex data.
 * Checksums are verified with the pseudo-header addresses of RFC 6275 §6.1.1 (the home address
 * of a Home Address option, the home address of a type 2 routing header in flight).
 *
 * <p>Decoding is total: whatever the bytes, {@code describe} returns a tree or throws the
 * {@link MalformedPacketException} of the codec that refused them, whose offset counts from the
 * first byte of the IP header. Stateless and thread-safe.
 */
public final class PacketDescriber {
    private PacketDescriber() {
    }

    /**
     * Describes the IP packet from the buffer's position to its limit; the version nibble of
     * the first byte picks IPv6 or IPv4. Does not move the buffer's position.
     *
     * @param ipPacket the packet, starting at its IP header
     * @return {@code {"ipv6": {...}}} or {@code {"ipv4": {...}}}
     * @throws MalformedPacketException if the bytes are not a well-formed packet; the offset
     *     counts from the buffer's position
     */
    public static Map<String, Object> describe(ByteBuffer ipPacket) throws MalformedPacketException {
        return IpLayers.describe(ipPacket.slice(), 0, 0);
    }

    /**
     * Describes one frame of a capture file: {@code {"frame", "timestamp", "timestampNanos",
     * "linkType", "length"}} then the IP layers ({@code "ipv6"} or {@code "ipv4"}), or
     * {@code "skipped"} with the reason when the frame holds no IP packet.
     *
     * @param packet a frame from {@link io.anyhome.packet.capture.CaptureReader#read}
     * @return the description
     * @throws MalformedPacketException if the IP packet is malformed; the reason starts with
     *     "frame N: " and the offset counts from the IP header
     */
    public static Map<String, Object> describe(CapturedPacket packet) throws MalformedPacketException {
        Map<String, Object> frame = Json.object();
        frame.put("frame", packet.number());
        frame.put("timestamp", Math.floorDiv(packet.timestampNanos(), 1_000_000L));
        frame.put("timestampNanos", packet.timestampNanos());
        frame.put("linkType", packet.linkType());
        frame.put("length", packet.frame().length);
        Optional<ByteBuffer> ip = packet.ip();
        if (ip.isEmpty()) {
            frame.put("skipped", packet.note());
            return frame;
        }
        try {
            frame.putAll(describe(ip.get()));
        } catch (MalformedPacketException e) {
            throw new MalformedPacketException(e.offset(),
                    "frame " + packet.number() + ": " + e.reason(), e.hexDump());
        }
        return frame;
    }
}
