package io.anyhome.packet.mh;

/**
 * Binding Refresh Advice option (RFC 6275 §6.2.4, type 2, length 2, alignment 2n): the interval,
 * in 4-second units, after which the home agent advises a refresh. Sent in a Binding
 * Acknowledgement.
 *
 * <pre>
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |   Type = 2    |   Length = 2  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Refresh Interval        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param refreshIntervalUnits the interval in 4-second units (0..65535)
 */
public record BindingRefreshAdvice(int refreshIntervalUnits) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 2;
    static final int LENGTH = 2;
    static final Alignment ALIGNMENT = new Alignment(2, 0);

    /** Validates the field range. */
    public BindingRefreshAdvice {
        Fields.unsigned("Refresh Interval", refreshIntervalUnits, 16);
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
