package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;

/**
 * A netlink message that does not parse: where, why, and a hex dump of the bytes. The only
 * exception the netlink decoders throw, whatever the input; the monitor counts and logs it and
 * drops the datagram.
 */
final class NetlinkMalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String hexDump;

    /**
     * @param bytes the bytes being decoded (positions 0 .. limit are dumped)
     * @param offset where the problem is, relative to {@code bytes}
     * @param reason what is wrong
     */
    NetlinkMalformedException(ByteBuffer bytes, int offset, String reason) {
        super(reason + " at offset " + offset);
        this.offset = offset;
        this.hexDump = hexDump(bytes);
    }

    /** @return where the problem is */
    int offset() {
        return offset;
    }

    /** @return the bytes, 16 a line */
    String hexDump() {
        return hexDump;
    }

    static String hexDump(ByteBuffer bytes) {
        StringBuilder sb = new StringBuilder();
        int end = Math.min(bytes.limit(), 4096);
        for (int i = 0; i < end; i++) {
            if (i % 16 == 0) {
                sb.append(i == 0 ? "" : "\n").append(String.format("%04x:", i));
            }
            sb.append(String.format(" %02x", bytes.get(i) & 0xff));
        }
        if (end < bytes.limit()) {
            sb.append("\n... ").append(bytes.limit() - end).append(" more bytes");
        }
        return sb.toString();
    }
}
