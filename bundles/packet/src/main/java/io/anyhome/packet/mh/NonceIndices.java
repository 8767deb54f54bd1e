package io.anyhome.packet.mh;

/**
 * Nonce Indices option (RFC 6275 §6.2.6, type 4, length 4, alignment 2n), used with return
 * routability in a Binding Update to a correspondent node.
 *
 * @param homeNonceIndex the Home Nonce Index (0..65535)
 * @param careOfNonceIndex the Care-of Nonce Index (0..65535)
 */
public record NonceIndices(int homeNonceIndex, int careOfNonceIndex) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 4;
    static final int LENGTH = 4;
    static final Alignment ALIGNMENT = new Alignment(2, 0);

    /** Validates the field ranges. */
    public NonceIndices {
        Fields.unsigned("Home Nonce Index", homeNonceIndex, 16);
        Fields.unsigned("Care-of Nonce Index", careOfNonceIndex, 16);
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
