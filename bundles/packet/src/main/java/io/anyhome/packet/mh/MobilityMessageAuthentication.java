package io.anyhome.packet.mh;

import java.util.Arrays;

/**
 * Mobility Message Authentication option (RFC 4285 §5, type 9, alignment 4n+1): protects a Binding
 * Update or Acknowledgement between mobile node and home agent without IPsec. It must be the last
 * option of the message; {@link MobilityMessageAuthenticator} computes and checks the
 * authenticator.
 *
 * <pre>
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |  Option Type  | Option Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Subtype     |                 Mobility SPI                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Mobility SPI  |  Authentication Data ...
 * </pre>
 *
 * @param subtype 1 MN-HA, 2 MN-AAA
 * @param spi the Mobility SPI, selecting the security association (0..2^32-1)
 * @param authenticator the Authentication Data (at most 250 bytes)
 */
public record MobilityMessageAuthentication(int subtype, long spi, byte[] authenticator)
        implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 9;
    /** Subtype: authentication between mobile node and home agent. */
    public static final int SUBTYPE_MN_HA = 1;
    /** Subtype: authentication between mobile node and AAA server. */
    public static final int SUBTYPE_MN_AAA = 2;
    /** Bytes from the option's type byte to the end of the SPI. */
    static final int SPI_END = 7;
    static final Alignment ALIGNMENT = new Alignment(4, 1);

    /** Validates the fields and copies the authenticator. */
    public MobilityMessageAuthentication {
        Fields.unsigned("Subtype", subtype, 8);
        Fields.unsigned32("Mobility SPI", spi);
        authenticator = Fields.copy("authenticator", authenticator, 250);
    }

    /** @return a copy of the Authentication Data */
    @Override
    public byte[] authenticator() {
        return authenticator.clone();
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int dataLength() {
        return 5 + authenticator.length;
    }

    @Override
    public Alignment alignment() {
        return ALIGNMENT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MobilityMessageAuthentication m && subtype == m.subtype
                && spi == m.spi && Arrays.equals(authenticator, m.authenticator);
    }

    @Override
    public int hashCode() {
        return (31 * subtype + Long.hashCode(spi)) * 31 + Arrays.hashCode(authenticator);
    }

    @Override
    public String toString() {
        return "MobilityMessageAuthentication[subtype=" + subtype + ", spi=" + spi
                + ", authenticator=" + Fields.hex(authenticator) + "]";
    }
}
