package io.anyhome.packet.mh;

/**
 * One mobility option (RFC 6275 §6.2) carried in a {@link MobilityMessage}. Implementations are
 * immutable records, one per option type; an option type this package does not know is an
 * {@link UnknownMobilityOption}. Pad1 and PadN are not options here: the encoder inserts them to
 * meet each option's alignment ({@link #alignment()}) and the decoder drops them.
 */
public sealed interface MobilityOption permits BindingRefreshAdvice, AlternateCareOfAddress,
        NonceIndices, BindingAuthorizationData, MobileNetworkPrefix, MobileNodeIdentifier,
        MobilityMessageAuthentication, MobilityMessageReplayProtection, Ipv4HomeAddress,
        Ipv4AddressAcknowledgement, NatDetection, Ipv4CareOfAddress, BindingIdentifier,
        UnknownMobilityOption {

    /** Pad1 (RFC 6275 §6.2.2): a single zero byte. */
    int PAD1 = 0;
    /** PadN (RFC 6275 §6.2.3). */
    int PADN = 1;

    /** @return the Option Type field */
    int type();

    /** @return the Option Length field: the length of the data after type and length */
    int dataLength();

    /**
     * The alignment requirement xn+y of the option's type byte, relative to the start of the
     * Mobility Header.
     *
     * @return the requirement; {@link Alignment#NONE} when the RFC states none
     */
    Alignment alignment();

    /**
     * Alignment requirement {@code xn+y} of an option (RFC 6275 §6.2.1).
     *
     * @param x the modulus (1 for none)
     * @param y the offset, below x
     */
    record Alignment(int x, int y) {
        /** No requirement. */
        public static final Alignment NONE = new Alignment(1, 0);

        /** Validates the pair. */
        public Alignment {
            if (x < 1 || y < 0 || y >= x) {
                throw new IllegalArgumentException("alignment " + x + "n+" + y);
            }
        }

        /**
         * @param position offset from the start of the Mobility Header
         * @return bytes of padding needed before an option starting at position
         */
        public int paddingBefore(int position) {
            return Math.floorMod(y - position, x);
        }
    }
}
