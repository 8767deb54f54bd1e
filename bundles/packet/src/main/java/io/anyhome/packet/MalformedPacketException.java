package io.anyhome.packet;

import java.nio.ByteBuffer;

/**
 * The one exception a decoder throws: the bytes do not form the packet it expected.
 *
 * <p>It carries the offset (from the start of the buffer the decoder was given) where the
 * problem was found, a reason a network engineer can read, and a hex dump of the bytes.
 */
public final class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_DUMP = 256;

    private final int offset;
    private final String reason;
    private final String hexDump;

    /**
     * @param offset offset of the offending field from the start of the packet
     * @param reason what is wrong, e.g. "Header Len 0 below the minimum 1 for a Binding Update"
     * @param hexDump the bytes, as from {@link #hexDump(ByteBuffer)}
     */
    public MalformedPacketException(int offset, String reason, String hexDump) {
        super("malformed packet at offset " + offset + ": " + reason
                + (hexDump.isEmpty() ? "" : "\n" + hexDump));
        this.offset = offset;
        this.reason = reason;
        this.hexDump = hexDump;
    }

    /**
     * Builds the exception with a dump of the buffer from position 0 to its limit.
     *
     * @param buffer the packet being decoded
     * @param offset offset of the offending field
     * @param reason what is wrong
     * @return the exception, to be thrown by the caller
     */
    public static MalformedPacketException at(ByteBuffer buffer, int offset, String reason) {
        return new MalformedPacketException(offset, reason, hexDump(buffer));
    }

    /** @return the offset of the offending field from the start of the packet */
    public int offset() {
        return offset;
    }

    /** @return what is wrong, without offset or dump */
    public String reason() {
        return reason;
    }

    /** @return the packet's bytes as a hex dump (at most 256 bytes shown) */
    public String hexDump() {
        return hexDump;
    }

    /**
     * Hex dump of {@code buffer} from index 0 to its limit, 16 bytes a line with offsets,
     * truncated after 256 bytes. Does not move the buffer's position.
     *
     * @param buffer the bytes
     * @return the dump
     */
    public static String hexDump(ByteBuffer buffer) {
        int n = Math.min(buffer.limit(), MAX_DUMP);
        StringBuilder sb = new StringBuilder(n * 4);
        for (int i = 0; i < n; i++) {
            if (i % 16 == 0) {
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(String.format("%04x ", i));
            }
            sb.append(String.format(" %02x", buffer.get(i) & 0xff));
        }
        if (buffer.limit() > MAX_DUMP) {
            sb.append("\n... ").append(buffer.limit() - MAX_DUMP).append(" more bytes");
        }
        return sb.toString();
    }
}
