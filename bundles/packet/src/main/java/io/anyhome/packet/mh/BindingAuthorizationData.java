package io.anyhome.packet.mh;

import java.util.Arrays;

/**
 * Binding Authorization Data option (RFC 6275 §6.2.7, type 5, alignment 8n+2, the last option):
 * the return-routability authenticator, 96 bits (length 12) as RFC 6275 computes it.
 *
 * @param authenticator the authenticator bytes (at most 255)
 */
public record BindingAuthorizationData(byte[] authenticator) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 5;
    /** Length of the RFC 6275 authenticator. */
    public static final int AUTHENTICATOR_LENGTH = 12;
    static final Alignment ALIGNMENT = new Alignment(8, 2);

    /** Copies the authenticator. */
    public BindingAuthorizationData {
        authenticator = Fields.copy("authenticator", authenticator, 255);
    }

    /** @return a copy of the authenticator */
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
        return authenticator.length;
    }

    @Override
    public Alignment alignment() {
        return ALIGNMENT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BindingAuthorizationData b
                && Arrays.equals(authenticator, b.authenticator);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(authenticator);
    }

    @Override
    public String toString() {
        return "BindingAuthorizationData[" + Fields.hex(authenticator) + "]";
    }
}
