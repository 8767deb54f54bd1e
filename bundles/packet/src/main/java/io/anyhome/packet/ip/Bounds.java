package io.anyhome.packet.ip;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;

/**
 * Range checks shared by the decoders of this package and of {@code io.anyhome.packet.icmp6}, so
 * that no read leaves the buffer: each failure becomes a {@link MalformedPacketException}.
 */
public final class Bounds {
    private Bounds() {
    }

    /**
     * Checks that {@code [offset, offset + length)} lies inside {@code [0, limit)}.
     *
     * @param buffer the packet
     * @param offset absolute index of the range
     * @param length length of the range
     * @param what the structure, for the reason
     * @throws MalformedPacketException naming {@code what} if it does not
     */
    public static void requireRange(ByteBuffer buffer, int offset, int length, String what)
            throws MalformedPacketException {
        if (offset < 0 || length < 0 || offset > buffer.limit() || length > buffer.limit() - offset) {
            throw MalformedPacketException.at(buffer, Math.max(0, Math.min(offset, buffer.limit())),
                    what + ": " + length + " bytes at offset " + offset + " exceed the "
                            + buffer.limit() + "-byte buffer");
        }
    }

    /**
     * Checks that at least {@code needed} bytes are available from {@code offset} before
     * {@code end}.
     *
     * @param buffer the packet
     * @param offset absolute index where the structure starts
     * @param end absolute index after the last byte it may use
     * @param needed bytes it needs
     * @param what the structure, for the reason
     * @throws MalformedPacketException naming {@code what} if they are not
     */
    public static void requireAvailable(ByteBuffer buffer, int offset, int end, int needed, String what)
            throws MalformedPacketException {
        if (needed > end - offset) {
            throw MalformedPacketException.at(buffer, offset, what + " needs " + needed
                    + " bytes, only " + Math.max(0, end - offset) + " remain");
        }
    }

    /**
     * Refuses a field value outside {@code 0..max} when a header or message is built, with a
     * message naming the field.
     *
     * @param name the field's name as the RFC writes it
     * @param value the value
     * @param max the largest value the field holds
     * @throws IllegalArgumentException if the value is out of range
     */
    public static void requireField(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside 0.." + max);
        }
    }
}
