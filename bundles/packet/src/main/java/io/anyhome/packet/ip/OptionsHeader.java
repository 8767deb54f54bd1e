package io.anyhome.packet.ip;

import io.anyhome.packet.MalformedPacketException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Hop-by-Hop Options header (next header 0, RFC 8200 §4.3) or a Destination Options header
 * (next header 60, §4.6); both have this format. A mobile node away from home sends the Home
 * Address option in a Destination Options header (RFC 6275 §6.3).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                            Options                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Hdr Ext Len counts 8-byte units after the first 8. The options, padding included, fill the
 * header exactly; the record keeps them in order, so decoding and encoding give the same bytes.
 * The decoder refuses an option that overruns the header, a Home Address option whose length is
 * not 16 and a second Home Address option; it does not insist on the 8n+6 alignment.
 *
 * @param nextHeader the header after this one
 * @param options the options in order, padding included
 */
public record OptionsHeader(int nextHeader, List<Ipv6Option> options) {
    /** Offset of Next Header. */
    public static final int OFFSET_NEXT_HEADER = 0;
    /** Offset of Hdr Ext Len. */
    public static final int OFFSET_HDR_EXT_LEN = 1;
    /** Offset of the first option. */
    public static final int OFFSET_OPTIONS = 2;

    /**
     * Checks that the options fill whole 8-byte units.
     *
     * @throws IllegalArgumentException if they do not, or the header would exceed 2048 bytes
     */
    public OptionsHeader {
        Bounds.requireField("next header", nextHeader, 0xff);
        options = List.copyOf(options);
        int length = OFFSET_OPTIONS;
        for (Ipv6Option o : options) {
            length += o.length();
        }
        if (length % 8 != 0 || length > 8 * 256) {
            throw new IllegalArgumentException("options make a header of " + length
                    + " bytes, not a multiple of 8 up to 2048: add padding");
        }
    }

    /**
     * A Destination Options header holding only a Home Address option, padded to its 8n+6
     * alignment: PadN of 2 data bytes, then the option (24 bytes, Hdr Ext Len 2).
     *
     * @param nextHeader the header after this one
     * @param homeAddress the home address
     * @return the header
     */
    public static OptionsHeader withHomeAddress(int nextHeader, Inet6Address homeAddress) {
        return new OptionsHeader(nextHeader,
                List.of(new Ipv6Option.PadN(2), new Ipv6Option.HomeAddress(homeAddress)));
    }

    /** @return the header's length in bytes */
    public int length() {
        int length = OFFSET_OPTIONS;
        for (Ipv6Option o : options) {
            length += o.length();
        }
        return length;
    }

    /** @return the home address of the Home Address option, if there is one */
    public Optional<Inet6Address> homeAddress() {
        for (Ipv6Option o : options) {
            if (o instanceof Ipv6Option.HomeAddress h) {
                return Optional.of(h.homeAddress());
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the header at the buffer's position and advances the position past it.
     *
     * @param out the buffer
     * @return the number of bytes written
     */
    public int encode(ByteBuffer out) {
        int length = length();
        out.put((byte) nextHeader).put((byte) (length / 8 - 1));
        for (Ipv6Option o : options) {
            o.encode(out);
        }
        return length;
    }

    /**
     * Decodes the header at {@code offset}, which must end by {@code end}.
     *
     * @param buffer the packet
     * @param offset absolute index of the header
     * @param end absolute index after the last byte the header may use (the IPv6 payload's end)
     * @return the header
     * @throws MalformedPacketException if it does not fit or an option is malformed
     */
    public static OptionsHeader decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        int length = headerLength(buffer, offset, end);
        List<Ipv6Option> options = new ArrayList<>();
        int p = offset + OFFSET_OPTIONS;
        int stop = offset + length;
        boolean homeAddressSeen = false;
        while (p < stop) {
            int next = optionEnd(buffer, p, stop);
            int type = buffer.get(p) & 0xff;
            if (type == Ipv6Option.TYPE_PAD1) {
                options.add(new Ipv6Option.Pad1());
            } else if (type == Ipv6Option.TYPE_PADN) {
                options.add(new Ipv6Option.PadN(next - p - 2));
            } else if (type == Ipv6Option.TYPE_HOME_ADDRESS) {
                homeAddressSeen = checkHomeAddress(buffer, p, homeAddressSeen);
                options.add(new Ipv6Option.HomeAddress(AddressFields.read(buffer, p + 2)));
            } else {
                byte[] data = new byte[next - p - 2];
                buffer.get(p + 2, data);
                options.add(new Ipv6Option.Unknown(type, data));
            }
            p = next;
        }
        return new OptionsHeader(buffer.get(offset) & 0xff, options);
    }

    /**
     * Validates the options of the header at {@code offset} in place and finds the Home Address
     * option, allocating nothing.
     *
     * @return absolute index of the home address in the option, or -1 if there is none
     * @throws MalformedPacketException as {@link #decode} would
     */
    static int homeAddressOffset(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        int stop = offset + headerLength(buffer, offset, end);
        int found = -1;
        for (int p = offset + OFFSET_OPTIONS; p < stop; ) {
            int next = optionEnd(buffer, p, stop);
            if ((buffer.get(p) & 0xff) == Ipv6Option.TYPE_HOME_ADDRESS) {
                checkHomeAddress(buffer, p, found >= 0);
                found = p + 2;
            }
            p = next;
        }
        return found;
    }

    /** Reads Hdr Ext Len and checks the header fits before {@code end}; returns its length. */
    static int headerLength(ByteBuffer buffer, int offset, int end) throws MalformedPacketException {
        Bounds.requireRange(buffer, offset, Math.max(0, end - offset), "options header");
        Bounds.requireAvailable(buffer, offset, end, 8, "options header");
        int length = 8 * ((buffer.get(offset + OFFSET_HDR_EXT_LEN) & 0xff) + 1);
        if (length > end - offset) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_HDR_EXT_LEN, "Hdr Ext Len "
                    + (length / 8 - 1) + " (" + length + " bytes) exceeds the " + (end - offset)
                    + " bytes left in the packet");
        }
        return length;
    }

    /** Returns the index after the option at {@code p}, checking it ends by {@code stop}. */
    private static int optionEnd(ByteBuffer buffer, int p, int stop) throws MalformedPacketException {
        if ((buffer.get(p) & 0xff) == Ipv6Option.TYPE_PAD1) {
            return p + 1;
        }
        if (stop - p < 2) {
            throw MalformedPacketException.at(buffer, p, "option type "
                    + (buffer.get(p) & 0xff) + " has no Opt Data Len before the header ends");
        }
        int next = p + 2 + (buffer.get(p + 1) & 0xff);
        if (next > stop) {
            throw MalformedPacketException.at(buffer, p + 1, "Opt Data Len "
                    + (buffer.get(p + 1) & 0xff) + " of option type " + (buffer.get(p) & 0xff)
                    + " overruns the header by " + (next - stop) + " bytes");
        }
        return next;
    }

    private static boolean checkHomeAddress(ByteBuffer buffer, int p, boolean seenBefore)
            throws MalformedPacketException {
        int dataLength = buffer.get(p + 1) & 0xff;
        if (dataLength != Ipv6Option.HOME_ADDRESS_DATA_LENGTH) {
            throw MalformedPacketException.at(buffer, p + 1, "Home Address option Opt Data Len "
                    + dataLength + " is not 16");
        }
        if (seenBefore) {
            throw MalformedPacketException.at(buffer, p,
                    "second Home Address option (RFC 6275 §6.3 allows one)");
        }
        return true;
    }
}
