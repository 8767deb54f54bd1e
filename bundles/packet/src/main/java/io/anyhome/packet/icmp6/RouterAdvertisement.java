package io.anyhome.packet.icmp6;

import io.anyhome.packet.ip.Bounds;
import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Router Advertisement (type 134, RFC 4861 §4.2; H flag RFC 6275 §7.1). The IFS watches these on
 * every uplink to detect movement; a home agent sets H and adds Home Agent Information.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Cur Hop Limit |M|O|H|Reserved |       Router Lifetime         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Reachable Time                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Retrans Timer                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Options ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-
 * </pre>
 *
 * <p>The flags byte is kept whole, so bits this codec does not name (router preference,
 * RFC 4191) survive decoding and encoding.
 *
 * @param curHopLimit 0..255, 0 = unspecified
 * @param flags the flags byte: {@link #FLAG_MANAGED}, {@link #FLAG_OTHER},
 *     {@link #FLAG_HOME_AGENT} and others
 * @param routerLifetime seconds, 0..65535, 0 = not a default router
 * @param reachableTime milliseconds, 0..0xffffffff
 * @param retransTimer milliseconds, 0..0xffffffff
 * @param options the options in order
 */
public record RouterAdvertisement(int curHopLimit, int flags, int routerLifetime,
        long reachableTime, long retransTimer, List<NdOption> options) implements Icmpv6Message {
    /** M: addresses are available from DHCPv6. */
    public static final int FLAG_MANAGED = 0x80;
    /** O: other configuration is available from DHCPv6. */
    public static final int FLAG_OTHER = 0x40;
    /** H: the router is a home agent on this link (RFC 6275 §7.1). */
    public static final int FLAG_HOME_AGENT = 0x20;
    /** Offset of Cur Hop Limit from the start of the message. */
    public static final int OFFSET_CUR_HOP_LIMIT = 4;
    /** Offset of the flags byte. */
    public static final int OFFSET_FLAGS = 5;
    /** Offset of Router Lifetime. */
    public static final int OFFSET_ROUTER_LIFETIME = 6;
    /** Offset of Reachable Time. */
    public static final int OFFSET_REACHABLE_TIME = 8;
    /** Offset of Retrans Timer. */
    public static final int OFFSET_RETRANS_TIMER = 12;
    /** Offset of the first option. */
    public static final int OFFSET_OPTIONS = 16;

    /** Checks the ranges and copies the options. */
    public RouterAdvertisement {
        Bounds.requireField("cur hop limit", curHopLimit, 0xff);
        Bounds.requireField("router advertisement flags", flags, 0xff);
        Bounds.requireField("router lifetime", routerLifetime, 0xffff);
        Bounds.requireField("reachable time", reachableTime, 0xffffffffL);
        Bounds.requireField("retrans timer", retransTimer, 0xffffffffL);
        options = List.copyOf(options);
    }

    /** @return the M flag */
    public boolean managed() {
        return (flags & FLAG_MANAGED) != 0;
    }

    /** @return the O flag */
    public boolean other() {
        return (flags & FLAG_OTHER) != 0;
    }

    /** @return the H flag: the sender is a home agent */
    public boolean homeAgent() {
        return (flags & FLAG_HOME_AGENT) != 0;
    }

    /**
     * The first option of a kind.
     *
     * @param <T> the option record type
     * @param kind the option record class, e.g. {@code NdOption.AdvertisementInterval.class}
     * @return the first such option, if any
     */
    public <T extends NdOption> java.util.Optional<T> option(Class<T> kind) {
        return options.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    @Override
    public int type() {
        return Icmpv6Type.ROUTER_ADVERTISEMENT.number();
    }

    @Override
    public int code() {
        return 0;
    }

    @Override
    public int bodyLength() {
        return OFFSET_OPTIONS - Icmpv6.HEADER_LENGTH + NdOption.lengthOf(options);
    }

    @Override
    public void encodeBody(ByteBuffer out) {
        out.put((byte) curHopLimit).put((byte) flags).putShort((short) routerLifetime)
                .putInt((int) reachableTime).putInt((int) retransTimer);
        NdOption.encodeAll(out, options);
    }

    static RouterAdvertisement decode(ByteBuffer buffer, int offset, int end)
            throws MalformedPacketException {
        Icmpv6.requireLength(buffer, offset, end, OFFSET_OPTIONS, "Router Advertisement");
        return new RouterAdvertisement(buffer.get(offset + OFFSET_CUR_HOP_LIMIT) & 0xff,
                buffer.get(offset + OFFSET_FLAGS) & 0xff,
                buffer.getShort(offset + OFFSET_ROUTER_LIFETIME) & 0xffff,
                buffer.getInt(offset + OFFSET_REACHABLE_TIME) & 0xffffffffL,
                buffer.getInt(offset + OFFSET_RETRANS_TIMER) & 0xffffffffL,
                NdOption.decodeAll(buffer, offset + OFFSET_OPTIONS, end));
    }
}
