package io.anyhome.packet.mh;

import java.net.Inet6Address;

/**
 * Mobile Network Prefix option (RFC 3963 §4.3, type 6, length 18, alignment 8n+4): a prefix a
 * mobile router registers in explicit mode.
 *
 * <pre>
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |   Type = 6    |  Length = 18  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Reserved    | Prefix Length |  Mobile Network Prefix (128)  ...
 * </pre>
 *
 * @param prefixLength the prefix length (0..128)
 * @param prefix the prefix
 */
public record MobileNetworkPrefix(int prefixLength, Inet6Address prefix) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 6;
    static final int LENGTH = 18;
    static final Alignment ALIGNMENT = new Alignment(8, 4);

    /** Validates the prefix length and requires a prefix. */
    public MobileNetworkPrefix {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("Prefix Length " + prefixLength);
        }
        Fields.required("prefix", prefix);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int dataLength() {
        return LENGTH;
    }

    @Override
    public Alignment alignment() {
        return ALIGNMENT;
    }
}
