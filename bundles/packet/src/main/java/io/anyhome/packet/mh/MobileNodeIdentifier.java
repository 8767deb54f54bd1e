package io.anyhome.packet.mh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Mobile Node Identifier option (RFC 4283 §3, type 8, no alignment requirement): identifies the
 * mobile node to the home agent, subtype 1 being a Network Access Identifier (RFC 4282). Used
 * with the RFC 4285 authentication option.
 *
 * <pre>
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |  Option Type  | Option Length |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Subtype      |          Identifier ...
 * </pre>
 *
 * @param subtype the Subtype (1 = NAI)
 * @param identifier the identifier bytes (at most 254)
 */
public record MobileNodeIdentifier(int subtype, byte[] identifier) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 8;
    /** Subtype of a Network Access Identifier. */
    public static final int SUBTYPE_NAI = 1;

    /** Validates the subtype and copies the identifier. */
    public MobileNodeIdentifier {
        Fields.unsigned("Subtype", subtype, 8);
        identifier = Fields.copy("identifier", identifier, 254);
    }

    /**
     * @param nai a Network Access Identifier such as {@code mn1@example.com}
     * @return the option with subtype 1
     */
    public static MobileNodeIdentifier nai(String nai) {
        return new MobileNodeIdentifier(SUBTYPE_NAI, nai.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a copy of the identifier */
    @Override
    public byte[] identifier() {
        return identifier.clone();
    }

    /** @return the identifier as UTF-8 text (meaningful for subtype 1) */
    public String identifierText() {
        return new String(identifier, StandardCharsets.UTF_8);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int dataLength() {
        return 1 + identifier.length;
    }

    @Override
    public Alignment alignment() {
        return Alignment.NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MobileNodeIdentifier m && subtype == m.subtype
                && Arrays.equals(identifier, m.identifier);
    }

    @Override
    public int hashCode() {
        return 31 * subtype + Arrays.hashCode(identifier);
    }

    @Override
    public String toString() {
        return "MobileNodeIdentifier[subtype=" + subtype + ", identifier="
                + Fields.hex(identifier) + "]";
    }
}
