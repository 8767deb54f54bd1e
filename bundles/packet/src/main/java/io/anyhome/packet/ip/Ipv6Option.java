package io.anyhome.packet.ip;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One option of a Hop-by-Hop or Destination Options header (RFC 8200 §4.2): Pad1, PadN, the
 * Home Address option (RFC 6275 §6.3), or any other option kept by type and data.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 * |  Option Type  |  Opt Data Len |  Option Data
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 * </pre>
 *
 * <p>Used through {@link OptionsHeader}.
 */
public sealed interface Ipv6Option {
    /** Option type of Pad1. */
    int TYPE_PAD1 = 0;
    /** Option type of PadN. */
    int TYPE_PADN = 1;
    /** Option type of the Home Address option (RFC 6275 §6.3). */
    int TYPE_HOME_ADDRESS = 0xC9;
    /** Opt Data Len of the Home Address option. */
    int HOME_ADDRESS_DATA_LENGTH = 16;

    /** @return the option type */
    int type();

    /** @return bytes this option occupies, type and length included */
    int length();

    /**
     * Writes the option at the buffer's position and advances it.
     *
     * @param out the buffer
     */
    void encode(ByteBuffer out);

    /** Pad1: a single zero byte. */
    record Pad1() implements Ipv6Option {
        @Override
        public int type() {
            return TYPE_PAD1;
        }

        @Override
        public int length() {
            return 1;
        }

        @Override
        public void encode(ByteBuffer out) {
            out.put((byte) 0);
        }
    }

    /**
     * PadN: type, length and {@code dataLength} zero bytes.
     *
     * @param dataLength 0..255 bytes of padding after the length byte
     */
    record PadN(int dataLength) implements Ipv6Option {
        /** Checks the length. */
        public PadN {
            Bounds.requireField("PadN data length", dataLength, 0xff);
        }

        @Override
        public int type() {
            return TYPE_PADN;
        }

        @Override
        public int length() {
            return 2 + dataLength;
        }

        @Override
        public void encode(ByteBuffer out) {
            out.put((byte) TYPE_PADN).put((byte) dataLength);
            for (int i = 0; i < dataLength; i++) {
                out.put((byte) 0);
            }
        }
    }

    /**
     * The Home Address option (RFC 6275 §6.3): sent by a mobile node away from home, it carries
     * the home address while the IPv6 source is the care-of address. Alignment 8n+6.
     *
     * @param homeAddress the mobile node's home address
     */
    record HomeAddress(Inet6Address homeAddress) implements Ipv6Option {
        @Override
        public int type() {
            return TYPE_HOME_ADDRESS;
        }

        @Override
        public int length() {
            return 2 + HOME_ADDRESS_DATA_LENGTH;
        }

        @Override
        public void encode(ByteBuffer out) {
            out.put((byte) TYPE_HOME_ADDRESS).put((byte) HOME_ADDRESS_DATA_LENGTH);
            AddressFields.put(out, homeAddress);
        }
    }

    /**
     * An option this codec does not interpret, kept as read.
     *
     * @param type option type, 2..255 except 0xC9
     * @param data the option data, at most 255 bytes
     */
    record Unknown(int type, byte[] data) implements Ipv6Option {
        /** Checks the fields and copies the data. */
        public Unknown {
            Bounds.requireField("option type", type, 0xff);
            if (type == TYPE_PAD1 || type == TYPE_PADN || type == TYPE_HOME_ADDRESS) {
                throw new IllegalArgumentException("option type " + type + " has its own record");
            }
            Bounds.requireField("option data length", data.length, 0xff);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int length() {
            return 2 + data.length;
        }

        @Override
        public void encode(ByteBuffer out) {
            out.put((byte) type).put((byte) data.length).put(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.type == type && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Unknown[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }
}
