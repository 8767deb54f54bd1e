package io.anyhome.packet.mh;

import io.anyhome.packet.InternetChecksum;
import io.anyhome.packet.MalformedPacketException;
import java.net.Inet6Address;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Codec for the Mobility Header (RFC 6275 §6.1.1), next header 135.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Payload Proto |  Header Len   |   MH Type     |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * .                         Message Data                          .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Header Len counts 8-octet units after the first 8, so the header is a multiple of 8 long.
 * Payload Proto must be 59 (no next header). Each message type has a minimum Header Len (BRR 0;
 * HoTI, CoTI, BU, BA 1; HoT, CoT, BE 2).
 *
 * <p><b>Checksum</b> (§6.1.1): the Internet checksum over the IPv6 pseudo-header (next header
 * 135, upper-layer length = the header's length) and the whole Mobility Header. The caller passes
 * the pseudo-header addresses, which are not always those of the IPv6 header: the
 * <em>source</em> is the home address when the packet carries a Home Address destination option
 * (a Binding Update from a care-of address), the <em>destination</em> is the final destination,
 * i.e. the home address in a type 2 routing header (a Binding Acknowledgement to a care-of
 * address). Over IPv4/UDP (RFC 5555) the inner IPv6 header's addresses are used as they are.
 *
 * <p>Decoders are total: whatever the bytes, they return a message or throw
 * {@link MalformedPacketException} with the absolute buffer index of the offending field. They do
 * not check the checksum (see {@link #checksumValid}); encoders are stateless.
 */
public final class MobilityHeader {
    /** IPv6 next header value of the Mobility Header. */
    public static final int NEXT_HEADER = 135;
    /** The only valid Payload Proto: IPv6 "no next header". */
    public static final int NO_NEXT_HEADER = 59;
    /** Offset of Payload Proto. */
    public static final int OFFSET_PAYLOAD_PROTO = 0;
    /** Offset of Header Len. */
    public static final int OFFSET_HEADER_LEN = 1;
    /** Offset of MH Type. */
    public static final int OFFSET_TYPE = 2;
    /** Offset of the Checksum. */
    public static final int OFFSET_CHECKSUM = 4;
    /** Length of the fields common to every message, up to and including the Checksum. */
    public static final int FIXED_LENGTH = 6;
    /** Largest Mobility Header: Header Len 255. */
    public static final int MAX_LENGTH = 8 * 256;

    private MobilityHeader() {
    }

    /**
     * Length of the message data before the options, per known type.
     *
     * @param type an MH type with a record ({@link MobilityHeaderType#hasRecord})
     * @return bytes from the start of the header to the first option
     */
    static int optionsOffset(int type) {
        return switch (type) {
            case MobilityHeaderType.BINDING_REFRESH_REQUEST -> 8;
            case MobilityHeaderType.HOME_TEST_INIT, MobilityHeaderType.CARE_OF_TEST_INIT -> 16;
            case MobilityHeaderType.HOME_TEST, MobilityHeaderType.CARE_OF_TEST -> 24;
            case MobilityHeaderType.BINDING_UPDATE,
                    MobilityHeaderType.BINDING_ACKNOWLEDGEMENT -> 12;
            case MobilityHeaderType.BINDING_ERROR -> 24;
            case MobilityHeaderType.HEARTBEAT -> 12;
            default -> throw new IllegalArgumentException("MH type " + type);
        };
    }

    /**
     * The minimum Header Len of a message type (RFC 6275 §6.1).
     *
     * @param type an MH type
     * @return the minimum, 0 for types without a record here
     */
    public static int minimumHeaderLen(int type) {
        return MobilityHeaderType.hasRecord(type) ? (optionsOffset(type) + 7) / 8 - 1 : 0;
    }

    /**
     * Decodes the Mobility Header starting at the buffer's position, without moving it.
     *
     * @param buffer the packet; the header must end before the limit
     * @return the message
     * @throws MalformedPacketException if the bytes are not a valid Mobility Header
     */
    public static MobilityMessage decode(ByteBuffer buffer) throws MalformedPacketException {
        return decode(buffer, buffer.position());
    }

    /**
     * Decodes the Mobility Header starting at absolute index {@code offset}. Bytes after the
     * length Header Len gives are ignored.
     *
     * @param buffer the packet
     * @param offset absolute index of Payload Proto
     * @return the message
     * @throws MalformedPacketException if the bytes are not a valid Mobility Header
     */
    public static MobilityMessage decode(ByteBuffer buffer, int offset)
            throws MalformedPacketException {
        int length = length(buffer, offset);
        int proto = buffer.get(offset) & 0xff;
        if (proto != NO_NEXT_HEADER) {
            throw MalformedPacketException.at(buffer, offset, "Payload Proto " + proto
                    + " of a Mobility Header, expected 59 (no next header)");
        }
        int type = buffer.get(offset + OFFSET_TYPE) & 0xff;
        int headerLen = buffer.get(offset + OFFSET_HEADER_LEN) & 0xff;
        int minimum = minimumHeaderLen(type);
        if (headerLen < minimum) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_HEADER_LEN, "Header Len "
                    + headerLen + " below the minimum " + minimum + " for a "
                    + MobilityHeaderType.name(type));
        }
        int end = offset + length;
        if (!MobilityHeaderType.hasRecord(type)) {
            byte[] data = new byte[length - FIXED_LENGTH];
            buffer.get(offset + FIXED_LENGTH, data);
            return new RawMobilityMessage(type, data);
        }
        int d = offset + FIXED_LENGTH;
        List<MobilityOption> options =
                MobilityOptions.decode(buffer, offset + optionsOffset(type), end);
        return switch (type) {
            case MobilityHeaderType.BINDING_REFRESH_REQUEST -> new BindingRefreshRequest(options);
            case MobilityHeaderType.HOME_TEST_INIT ->
                new HomeTestInit(buffer.getLong(d + 2), options);
            case MobilityHeaderType.CARE_OF_TEST_INIT ->
                new CareOfTestInit(buffer.getLong(d + 2), options);
            case MobilityHeaderType.HOME_TEST -> new HomeTest(buffer.getShort(d) & 0xffff,
                    buffer.getLong(d + 2), buffer.getLong(d + 10), options);
            case MobilityHeaderType.CARE_OF_TEST -> new CareOfTest(buffer.getShort(d) & 0xffff,
                    buffer.getLong(d + 2), buffer.getLong(d + 10), options);
            case MobilityHeaderType.BINDING_UPDATE -> new BindingUpdate(
                    buffer.getShort(d) & 0xffff, buffer.getShort(d + 2) & 0xffff,
                    buffer.getShort(d + 4) & 0xffff, options);
            case MobilityHeaderType.BINDING_ACKNOWLEDGEMENT -> new BindingAcknowledgement(
                    BindingAckStatus.of(buffer.get(d) & 0xff), buffer.get(d + 1) & 0xff,
                    buffer.getShort(d + 2) & 0xffff, buffer.getShort(d + 4) & 0xffff, options);
            case MobilityHeaderType.HEARTBEAT -> new Heartbeat(
                    (buffer.get(d + 1) & Heartbeat.FLAG_UNSOLICITED) != 0,
                    (buffer.get(d + 1) & Heartbeat.FLAG_RESPONSE) != 0,
                    buffer.getInt(d + 2) & 0xffff_ffffL, options);
            default -> new BindingError(buffer.get(d) & 0xff, Fields.inet6(buffer, d + 2),
                    options);
        };
    }

    /**
     * The length of the Mobility Header at {@code offset}, checked against the buffer's limit.
     *
     * @param buffer the packet
     * @param offset absolute index of Payload Proto
     * @return 8 × (Header Len + 1)
     * @throws MalformedPacketException if the header is cut short
     */
    public static int length(ByteBuffer buffer, int offset) throws MalformedPacketException {
        if (offset < 0 || offset > buffer.limit()) {
            throw MalformedPacketException.at(buffer,
                    Math.min(Math.max(0, offset), buffer.limit()), "Mobility Header at "
                    + offset + " lies outside the " + buffer.limit() + " bytes of the packet");
        }
        if (buffer.limit() - offset < 8) {
            throw MalformedPacketException.at(buffer, offset, "Mobility Header cut short: "
                    + (buffer.limit() - offset) + " bytes, at least 8 needed");
        }
        int headerLen = buffer.get(offset + OFFSET_HEADER_LEN) & 0xff;
        int length = 8 * (headerLen + 1);
        if (length > buffer.limit() - offset) {
            throw MalformedPacketException.at(buffer, offset + OFFSET_HEADER_LEN, "Header Len "
                    + headerLen + " gives " + length + " bytes but only "
                    + (buffer.limit() - offset) + " remain");
        }
        return length;
    }

    /**
     * The number of bytes {@link #encode} writes for a message.
     *
     * @param message the message
     * @return the encoded length, a multiple of 8
     */
    public static int encodedLength(MobilityMessage message) {
        if (message instanceof RawMobilityMessage raw) {
            return FIXED_LENGTH + raw.dataLength();
        }
        return MobilityOptions.end(message.options(), optionsOffset(message.type()));
    }

    /**
     * Encodes a message at the buffer's position, with padding and checksum, and advances the
     * position past it.
     *
     * @param message the message
     * @param out the destination
     * @param source pseudo-header source: the home address if a Home Address option is present
     * @param destination pseudo-header destination: the final destination (the home address of
     *     a type 2 routing header) if a routing header is present
     * @return the number of bytes written
     * @throws BufferOverflowException if {@code out} has too little room
     * @throws IllegalArgumentException if the message would exceed 2048 bytes
     */
    public static int encode(MobilityMessage message, ByteBuffer out, Inet6Address source,
            Inet6Address destination) {
        int start = out.position();
        int length = encodeWithoutChecksum(message, out);
        out.putShort(start + OFFSET_CHECKSUM, (short) checksum(out, start, source, destination));
        return length;
    }

    /**
     * Encodes a message with a zero checksum, for a caller that fills in more (an RFC 4285
     * authenticator) before {@link #writeChecksum}. Advances the position past it.
     *
     * @param message the message
     * @param out the destination
     * @return the number of bytes written
     */
    public static int encodeWithoutChecksum(MobilityMessage message, ByteBuffer out) {
        int length = encodedLength(message);
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("Mobility Header of " + length
                    + " bytes exceeds " + MAX_LENGTH);
        }
        if (out.remaining() < length) {
            throw new BufferOverflowException();
        }
        int s = out.position();
        out.put(s, (byte) NO_NEXT_HEADER);
        out.put(s + OFFSET_HEADER_LEN, (byte) (length / 8 - 1));
        out.put(s + OFFSET_TYPE, (byte) message.type());
        out.put(s + 3, (byte) 0);
        out.putShort(s + OFFSET_CHECKSUM, (short) 0);
        int d = s + FIXED_LENGTH;
        if (message instanceof RawMobilityMessage raw) {
            out.put(d, raw.data());
        } else {
            writeBody(message, out, d);
            MobilityOptions.encode(message.options(), out, s, s + optionsOffset(message.type()));
        }
        out.position(s + length);
        return length;
    }

    private static void writeBody(MobilityMessage message, ByteBuffer out, int d) {
        if (message instanceof BindingRefreshRequest) {
            out.putShort(d, (short) 0);
        } else if (message instanceof HomeTestInit m) {
            out.putShort(d, (short) 0).putLong(d + 2, m.homeInitCookie());
        } else if (message instanceof CareOfTestInit m) {
            out.putShort(d, (short) 0).putLong(d + 2, m.careOfInitCookie());
        } else if (message instanceof HomeTest m) {
            out.putShort(d, (short) m.homeNonceIndex()).putLong(d + 2, m.homeInitCookie())
                    .putLong(d + 10, m.homeKeygenToken());
        } else if (message instanceof CareOfTest m) {
            out.putShort(d, (short) m.careOfNonceIndex()).putLong(d + 2, m.careOfInitCookie())
                    .putLong(d + 10, m.careOfKeygenToken());
        } else if (message instanceof BindingUpdate m) {
            out.putShort(d, (short) m.sequence()).putShort(d + 2, (short) m.flags())
                    .putShort(d + 4, (short) m.lifetimeUnits());
        } else if (message instanceof BindingAcknowledgement m) {
            out.put(d, (byte) m.status().code()).put(d + 1, (byte) m.flags())
                    .putShort(d + 2, (short) m.sequence())
                    .putShort(d + 4, (short) m.lifetimeUnits());
        } else if (message instanceof BindingError m) {
            out.put(d, (byte) m.status()).put(d + 1, (byte) 0)
                    .put(d + 2, m.homeAddress().getAddress());
        } else if (message instanceof Heartbeat m) {
            out.put(d, (byte) 0)
                    .put(d + 1, (byte) ((m.unsolicited() ? Heartbeat.FLAG_UNSOLICITED : 0)
                            | (m.response() ? Heartbeat.FLAG_RESPONSE : 0)))
                    .putInt(d + 2, (int) m.sequence());
        } else {
            throw new IllegalStateException("unhandled message " + message);
        }
    }

    /**
     * Computes the checksum of an encoded header and stores it in the Checksum field.
     *
     * @param buffer the packet
     * @param offset absolute index of Payload Proto
     * @param source pseudo-header source (see the class description)
     * @param destination pseudo-header destination (see the class description)
     */
    public static void writeChecksum(ByteBuffer buffer, int offset, Inet6Address source,
            Inet6Address destination) {
        buffer.putShort(offset + OFFSET_CHECKSUM, (short) 0);
        buffer.putShort(offset + OFFSET_CHECKSUM,
                (short) checksum(buffer, offset, source, destination));
    }

    /**
     * Whether a received header's checksum is right.
     *
     * @param buffer the packet
     * @param offset absolute index of Payload Proto
     * @param source pseudo-header source: the home address when a Home Address option is present
     * @param destination pseudo-header destination: the final destination when a routing header
     *     is present
     * @return true if the checksum verifies
     * @throws MalformedPacketException if the header is cut short
     */
    public static boolean checksumValid(ByteBuffer buffer, int offset, Inet6Address source,
            Inet6Address destination) throws MalformedPacketException {
        length(buffer, offset);
        return checksum(buffer, offset, source, destination) == 0;
    }

    /** Checksum over the header as it is: the value to store if the field is zero. */
    private static int checksum(ByteBuffer buffer, int offset, Inet6Address source,
            Inet6Address destination) {
        int length = 8 * ((buffer.get(offset + OFFSET_HEADER_LEN) & 0xff) + 1);
        long sum = InternetChecksum.pseudoHeaderV6(source, destination, length, NEXT_HEADER);
        return InternetChecksum.finish(InternetChecksum.add(sum, buffer, offset, length));
    }
}
