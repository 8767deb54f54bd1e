package io.anyhome.packet.icmp6;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Bounds;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A Neighbor Discovery option (RFC 4861 §4.6) carried by Router Solicitations and
 * Advertisements and Neighbor Solicitations and Advertisements.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |    Length     |              ...              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Length counts 8-byte units, type and length included. Length 0 is malformed (§4.6); an
 * option that overruns the message is malformed; an option of a known type with the wrong
 * length is malformed; an option of another type is kept raw as {@link Unknown} and skipped by
 * its length.
 */
public sealed interface NdOption {
    /** Offset of the option's Type. */
    int OFFSET_TYPE = 0;
    /** Offset of the option's Length (8-byte units). */
    int OFFSET_LENGTH = 1;

    /** @return the option type */
    int type();

    /** @return the option's length in bytes, a multiple of 8 */
    int length();

    /**
     * Writes the option at the buffer's position and advances the position past it.
     *
     * @param out the buffer
     */
    void encode(ByteBuffer out);

    /**
     * Source (type 1) or Target (type 2) Link-Layer Address (RFC 4861 §4.6.1). The address is
     * padded with zeros to a multiple of 8 bytes; decoding keeps the padding (Ethernet's 6
     * bytes need none).
     *
     * @param target true for a Target, false for a Source Link-Layer Address option
     * @param address the link-layer address, 1..2038 bytes
     */
    record LinkLayerAddress(boolean target, byte[] address) implements NdOption {
        /** Checks and copies the address. */
        public LinkLayerAddress {
            if (address.length == 0 || address.length > 255 * 8 - 2) {
                throw new IllegalArgumentException("link-layer address of " + address.length
                        + " bytes");
            }
            address = address.clone();
        }

        /**
         * @param address the sender's link-layer address
         * @return a Source Link-Layer Address option
         */
        public static LinkLayerAddress source(byte[] address) {
            return new LinkLayerAddress(false, address);
        }

        /**
         * @param address the target's link-layer address
         * @return a Target Link-Layer Address option
         */
        public static LinkLayerAddress target(byte[] address) {
            return new LinkLayerAddress(true, address);
        }

        @Override
        public byte[] address() {
            return address.clone();
        }

        @Override
        public int type() {
            return target ? NdOptionType.TARGET_LINK_LAYER_ADDRESS.number()
                    : NdOptionType.SOURCE_LINK_LAYER_ADDRESS.number();
        }

        @Override
        public int length() {
            return (2 + address.length + 7) / 8 * 8;
        }

        @Override
        public void encode(ByteBuffer out) {
            encodeRaw(out, type(), address, length());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LinkLayerAddress l && l.target == target
                    && Arrays.equals(l.address, address);
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(target) * 31 + Arrays.hashCode(address);
        }

        @Override
        public String toString() {
            return (target ? "TargetLinkLayerAddress[" : "SourceLinkLayerAddress[")
                    + HexFormat.ofDelimiter(":").formatHex(address) + "]";
        }
    }

    /**
     * Prefix Information (type 3, RFC 4861 §4.6.2; R flag RFC 6275 §7.2).
     *
     * <pre>
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |     Type      |    Length     | Prefix Length |L|A|R|Reserved1|
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                         Valid Lifetime                        |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                       Preferred Lifetime                      |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                           Reserved2                           |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                            Prefix                             |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * </pre>
     *
     * <p>With R set the Prefix field holds the home agent's full global address (RFC 6275 §7.2).
     * Lifetimes are seconds, 0xffffffff meaning infinity. Reserved2 is written as zero.
     *
     * @param prefixLength 0..128 (the decoder accepts any byte value)
     * @param flags the L, A, R and reserved bits, 0..255
     * @param validLifetime seconds, 0..0xffffffff
     * @param preferredLifetime seconds, 0..0xffffffff
     * @param prefix the prefix (or the router's address with R)
     */
    record PrefixInformation(int prefixLength, int flags, long validLifetime,
            long preferredLifetime, Inet6Address prefix) implements NdOption {
        /** On-link flag. */
        public static final int FLAG_ON_LINK = 0x80;
        /** Autonomous address-configuration flag. */
        public static final int FLAG_AUTONOMOUS = 0x40;
        /** Router Address flag (RFC 6275 §7.2). */
        public static final int FLAG_ROUTER_ADDRESS = 0x20;
        /** Length in bytes. */
        public static final int LENGTH = 32;
        /** Infinite lifetime. */
        public static final long INFINITY = 0xffffffffL;

        /** Checks the ranges. */
        public PrefixInformation {
            Bounds.requireField("prefix length", prefixLength, 0xff);
            Bounds.requireField("prefix information flags", flags, 0xff);
            Bounds.requireField("valid lifetime", validLifetime, INFINITY);
            Bounds.requireField("preferred lifetime", preferredLifetime, INFINITY);
        }

        /** @return the L flag: the prefix is on-link */
        public boolean onLink() {
            return (flags & FLAG_ON_LINK) != 0;
        }

        /** @return the A flag: addresses may be configured from the prefix */
        public boolean autonomous() {
            return (flags & FLAG_AUTONOMOUS) != 0;
        }

        /** @return the R flag: the Prefix field is the router's address */
        public boolean routerAddress() {
            return (flags & FLAG_ROUTER_ADDRESS) != 0;
        }

        @Override
        public int type() {
            return NdOptionType.PREFIX_INFORMATION.number();
        }

        @Override
        public int length() {
            return LENGTH;
        }

        @Override
        public void encode(ByteBuffer out) {
            out.put((byte) type()).put((byte) (LENGTH / 8)).put((byte) prefixLength)
                    .put((byte) flags).putInt((int) validLifetime).putInt((int) preferredLifetime)
                    .putInt(0);
            AddressFields.put(out, prefix);
        }
    }

    /**
     * MTU (type 5, RFC 4861 §4.6.4): Type, Length 1, Reserved (16), MTU (32).
     *
     * @param mtu the link MTU, 0..0xffffffff
     */
    record Mtu(long mtu) implements NdOption {
        /** Checks the range. */
        public Mtu {
            Bounds.requireField("MTU", mtu, 0xffffffffL);
        }

        @Override
        public int type() {
            return NdOptionType.MTU.number();
        }

        @Override
        public int length() {
            return 8;
        }

        @Override
        public void encode(ByteBuffer out) {
            out.put((byte) type()).put((byte) 1).putShort((short) 0).putInt((int) mtu);
        }
    }

    /**
     * Advertisement Interval (type 7, RFC 6275 §7.3): Type, Length 1, Reserved (16),
     * Advertisement Interval (32, milliseconds): the most time between this router's
     * unsolicited advertisements, for movement detection.
     *
     * @param intervalMillis milliseconds, 0..0xffffffff
     */
    record AdvertisementInterval(long intervalMillis) implements NdOption {
        /** Checks the range. */
        public AdvertisementInterval {
            Bounds.requireField("advertisement interval", intervalMillis, 0xffffffffL);
        }

        @Override
        public int type() {
            return NdOptionType.ADVERTISEMENT_INTERVAL.number();
        }

        @Override
        public int length() {
            return 8;
        }

        @Override
        public void encode(ByteBuffer out) {
            out.put((byte) type()).put((byte) 1).putShort((short) 0).putInt((int) intervalMillis);
        }
    }

    /**
     * Home Agent Information (type 8, RFC 6275 §7.4): Type, Length 1, Reserved (16), Home Agent
     * Preference (16, signed), Home Agent Lifetime (16, seconds).
     *
     * @param preference -32768..32767, higher is preferred
     * @param lifetimeSeconds 0..65535
     */
    record HomeAgentInformation(int preference, int lifetimeSeconds) implements NdOption {
        /** Checks the ranges. */
        public HomeAgentInformation {
            if (preference < Short.MIN_VALUE || preference > Short.MAX_VALUE) {
                throw new IllegalArgumentException("home agent preference " + preference
                        + " is not a signed 16-bit value");
            }
            Bounds.requireField("home agent lifetime", lifetimeSeconds, 0xffff);
        }

        @Override
        public int type() {
            return NdOptionType.HOME_AGENT_INFORMATION.number();
        }

        @Override
        public int length() {
            return 8;
        }

        @Override
        public void encode(ByteBuffer out) {
            out.put((byte) type()).put((byte) 1).putShort((short) 0).putShort((short) preference)
                    .putShort((short) lifetimeSeconds);
        }
    }

    /**
     * An option this codec does not interpret, kept as read.
     *
     * @param type the option type, 0..255, not one of the types with a record here
     * @param data the bytes after Type and Length: 8 × Length − 2 bytes
     */
    record Unknown(int type, byte[] data) implements NdOption {
        /** Checks the type and that the data fills whole 8-byte units; copies it. */
        public Unknown {
            Bounds.requireField("option type", type, 0xff);
            if (NdOption.hasRecord(type)) {
                throw new IllegalArgumentException("ND option type " + type + " has its own record");
            }
            if ((data.length + 2) % 8 != 0 || data.length + 2 > 255 * 8) {
                throw new IllegalArgumentException("ND option data of " + data.length
                        + " bytes does not fill whole 8-byte units");
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int length() {
            return data.length + 2;
        }

        @Override
        public void encode(ByteBuffer out) {
            encodeRaw(out, type, data, length());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.type == type && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return type * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Unknown[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }

    private static boolean hasRecord(int type) {
        return switch (NdOptionType.of(type)) {
            case SOURCE_LINK_LAYER_ADDRESS, TARGET_LINK_LAYER_ADDRESS, PREFIX_INFORMATION, MTU,
                    ADVERTISEMENT_INTERVAL, HOME_AGENT_INFORMATION -> true;
            default -> false;
        };
    }

    private static void encodeRaw(ByteBuffer out, int type, byte[] data, int length) {
        out.put((byte) type).put((byte) (length / 8)).put(data);
        for (int i = 2 + data.length; i < length; i++) {
            out.put((byte) 0);
        }
    }

    /**
     * Total length of a list of options.
     *
     * @param options the options
     * @return the sum of their lengths
     */
    static int lengthOf(List<NdOption> options) {
        int length = 0;
        for (NdOption o : options) {
            length += o.length();
        }
        return length;
    }

    /**
     * Writes options in order at the buffer's position.
     *
     * @param out the buffer
     * @param options the options
     */
    static void encodeAll(ByteBuffer out, List<NdOption> options) {
        for (NdOption o : options) {
            o.encode(out);
        }
    }

    /**
     * Decodes the options from {@code offset} to {@code end}. Each option advances at least 8
     * bytes, so the loop ends.
     *
     * @param buffer the packet
     * @param offset absolute index of the first option
     * @param end absolute index after the last option (the end of the ICMPv6 message)
     * @return the options in order
     * @throws MalformedPacketException if an option has length 0, overruns {@code end} or has a
     *     length its type forbids
     */
    static List<NdOption> decodeAll(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Bounds.requireRange(buffer, offset, Math.max(0, end - offset), "ND options");
        List<NdOption> options = new ArrayList<>();
        int p = offset;
        while (p < end) {
            Bounds.requireAvailable(buffer, p, end, 2, "ND option");
            int type = buffer.get(p) & 0xff;
            int units = buffer.get(p + OFFSET_LENGTH) & 0xff;
            if (units == 0) {
                throw MalformedPacketException.at(buffer, p + OFFSET_LENGTH,
                        "ND option type " + type + " has Length 0 (RFC 4861 §4.6)");
            }
            int length = units * 8;
            if (length > end - p) {
                throw MalformedPacketException.at(buffer, p + OFFSET_LENGTH, "ND option type " + type
                        + " Length " + units + " (" + length + " bytes) overruns the message by "
                        + (length - (end - p)) + " bytes");
            }
            options.add(decodeOne(buffer, p, type, units));
            p += length;
        }
        return options;
    }

    private static NdOption decodeOne(ByteBuffer buffer, int p, int type, int units)
            throws MalformedPacketException {
        switch (NdOptionType.of(type)) {
            case SOURCE_LINK_LAYER_ADDRESS, TARGET_LINK_LAYER_ADDRESS -> {
                byte[] address = new byte[units * 8 - 2];
                buffer.get(p + 2, address);
                return new LinkLayerAddress(type == NdOptionType.TARGET_LINK_LAYER_ADDRESS.number(),
                        address);
            }
            case PREFIX_INFORMATION -> {
                requireUnits(buffer, p, "Prefix Information", units, 4);
                return new PrefixInformation(buffer.get(p + 2) & 0xff, buffer.get(p + 3) & 0xff,
                        buffer.getInt(p + 4) & 0xffffffffL, buffer.getInt(p + 8) & 0xffffffffL,
                        AddressFields.read(buffer, p + 16));
            }
            case MTU -> {
                requireUnits(buffer, p, "MTU", units, 1);
                return new Mtu(buffer.getInt(p + 4) & 0xffffffffL);
            }
            case ADVERTISEMENT_INTERVAL -> {
                requireUnits(buffer, p, "Advertisement Interval", units, 1);
                return new AdvertisementInterval(buffer.getInt(p + 4) & 0xffffffffL);
            }
            case HOME_AGENT_INFORMATION -> {
                requireUnits(buffer, p, "Home Agent Information", units, 1);
                return new HomeAgentInformation(buffer.getShort(p + 4),
                        buffer.getShort(p + 6) & 0xffff);
            }
            default -> {
                byte[] data = new byte[units * 8 - 2];
                buffer.get(p + 2, data);
                return new Unknown(type, data);
            }
        }
    }

    private static void requireUnits(ByteBuffer buffer, int p, String name, int units, int expected)
            throws MalformedPacketException {
        if (units != expected) {
            throw MalformedPacketException.at(buffer, p + OFFSET_LENGTH, name + " option Length "
                    + units + " is not " + expected);
        }
    }
}
