package io.anyhome.packet.mh;

import io.anyhome.packet.MalformedPacketException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The RFC 4285 §5.1 MN-HA authenticator of a Binding Update or Acknowledgement carrying a
 * {@link MobilityMessageAuthentication} option as its last option. Used by the mobile node to
 * sign its updates and by the home agent to check them and sign its acknowledgements.
 *
 * <p>The authenticated bytes ("Mobility Data") are
 * {@code care-of address | home address | MH Data}, where MH Data is the encoded Mobility Header
 * from its first byte up to and including the Mobility SPI field of the authentication option,
 * with the Checksum field set to zero. Header Len is the final one (it counts the authenticator
 * and any padding after it). The addresses are the mobile node's, in both directions.
 *
 * <p>Algorithms ({@link Algorithm}): the Mobility SPI selects a security association, and the
 * association says which algorithm to use; the caller looks it up and passes it here.
 * {@link Algorithm#HMAC_SHA1_96} is what RFC 4285 §5.1 specifies:
 * {@code First(96, HMAC_SHA1(key, Mobility Data))}. {@link Algorithm#HMAC_SHA256_128}
 * ({@code First(128, HMAC_SHA256(key, Mobility Data))}) is offered for associations between two
 * anyhome nodes configured for it; no RFC names it for this option.
 */
public final class MobilityMessageAuthenticator {

    /** The MAC over the Mobility Data and how much of it the option carries. */
    public enum Algorithm {
        /** HMAC-SHA1 truncated to 96 bits (RFC 4285 §5.1). */
        HMAC_SHA1_96("HmacSHA1", 12),
        /** HMAC-SHA-256 truncated to 128 bits. */
        HMAC_SHA256_128("HmacSHA256", 16);

        private final String jcaName;
        private final int length;

        Algorithm(String jcaName, int length) {
            this.jcaName = jcaName;
            this.length = length;
        }

        /** @return the authenticator length in bytes */
        public int length() {
            return length;
        }
    }

    private MobilityMessageAuthenticator() {
    }

    /**
     * The bytes the authenticator covers.
     *
     * @param careOf the mobile node's care-of address
     * @param home the mobile node's home address
     * @param buffer the encoded Mobility Header
     * @param offset absolute index of its Payload Proto
     * @return care-of address | home address | MH Data (checksum zeroed)
     * @throws MalformedPacketException if the header is invalid or its last option is not a
     *     Mobility Message Authentication option
     */
    public static byte[] authenticatedData(Inet6Address careOf, Inet6Address home,
            ByteBuffer buffer, int offset) throws MalformedPacketException {
        int spiEnd = authenticationOption(buffer, offset) + MobilityMessageAuthentication.SPI_END;
        int mhLength = spiEnd - offset;
        byte[] data = new byte[32 + mhLength];
        System.arraycopy(careOf.getAddress(), 0, data, 0, 16);
        System.arraycopy(home.getAddress(), 0, data, 16, 16);
        buffer.get(offset, data, 32, mhLength);
        data[32 + MobilityHeader.OFFSET_CHECKSUM] = 0;
        data[32 + MobilityHeader.OFFSET_CHECKSUM + 1] = 0;
        return data;
    }

    /**
     * Computes an authenticator.
     *
     * @param algorithm the algorithm of the security association
     * @param key the shared key
     * @param mobilityData the bytes from {@link #authenticatedData}
     * @return the truncated MAC
     */
    public static byte[] authenticator(Algorithm algorithm, byte[] key, byte[] mobilityData) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName);
            mac.init(new SecretKeySpec(key, algorithm.jcaName));
            return Arrays.copyOf(mac.doFinal(mobilityData), algorithm.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable in this JRE", e);
        }
    }

    /**
     * Fills in the authenticator of an encoded header (encoded with a placeholder authenticator
     * of {@code algorithm.length()} bytes), then its checksum.
     *
     * @param buffer the encoded Mobility Header
     * @param offset absolute index of its Payload Proto
     * @param careOf the mobile node's care-of address
     * @param home the mobile node's home address
     * @param algorithm the algorithm of the security association
     * @param key the shared key
     * @param checksumSource pseudo-header source (see {@link MobilityHeader})
     * @param checksumDestination pseudo-header destination (see {@link MobilityHeader})
     * @throws MalformedPacketException if the header has no authentication option last
     * @throws IllegalArgumentException if the placeholder has the wrong length
     */
    public static void sign(ByteBuffer buffer, int offset, Inet6Address careOf,
            Inet6Address home, Algorithm algorithm, byte[] key, Inet6Address checksumSource,
            Inet6Address checksumDestination) throws MalformedPacketException {
        int option = authenticationOption(buffer, offset);
        int length = (buffer.get(option + 1) & 0xff) - 5;
        if (length != algorithm.length) {
            throw new IllegalArgumentException("authenticator placeholder of " + length
                    + " bytes, " + algorithm + " needs " + algorithm.length);
        }
        byte[] mac = authenticator(algorithm, key, authenticatedData(careOf, home, buffer, offset));
        buffer.put(option + MobilityMessageAuthentication.SPI_END, mac);
        MobilityHeader.writeChecksum(buffer, offset, checksumSource, checksumDestination);
    }

    /**
     * Checks the authenticator of a received header in constant time.
     *
     * @param buffer the received Mobility Header
     * @param offset absolute index of its Payload Proto
     * @param careOf the mobile node's care-of address
     * @param home the mobile node's home address
     * @param algorithm the algorithm of the security association the SPI names
     * @param key the shared key
     * @return true if the authenticator matches
     * @throws MalformedPacketException if the header has no authentication option last
     */
    public static boolean verify(ByteBuffer buffer, int offset, Inet6Address careOf,
            Inet6Address home, Algorithm algorithm, byte[] key) throws MalformedPacketException {
        int option = authenticationOption(buffer, offset);
        byte[] received = new byte[(buffer.get(option + 1) & 0xff) - 5];
        buffer.get(option + MobilityMessageAuthentication.SPI_END, received);
        byte[] expected =
                authenticator(algorithm, key, authenticatedData(careOf, home, buffer, offset));
        return MessageDigest.isEqual(expected, received);
    }

    /** Absolute index of the authentication option, which must be the last option. */
    private static int authenticationOption(ByteBuffer buffer, int offset)
            throws MalformedPacketException {
        MobilityMessage message = MobilityHeader.decode(buffer, offset);
        if (message instanceof RawMobilityMessage) {
            throw MalformedPacketException.at(buffer, offset + MobilityHeader.OFFSET_TYPE,
                    "MH type " + message.type() + " carries no mobility options");
        }
        int end = offset + MobilityHeader.length(buffer, offset);
        int last = MobilityOptions.lastOption(buffer,
                offset + MobilityHeader.optionsOffset(message.type()), end);
        if (last < 0 || (buffer.get(last) & 0xff) != MobilityMessageAuthentication.TYPE) {
            throw MalformedPacketException.at(buffer, last < 0 ? offset : last,
                    "last mobility option is not a Mobility Message Authentication option"
                            + " (RFC 4285 §5)");
        }
        return last;
    }
}
