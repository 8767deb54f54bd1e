package io.anyhome.homeagent.internal;

import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import java.net.Inet6Address;

/**
 * One mobile node's MN-HA security association (RFC 4285), read from its key file by
 * {@link NodeKeys}; used by {@link BindingUpdateProcessor} to check Binding Updates and sign
 * Binding Acknowledgements.
 *
 * @param file the key file's name, for messages
 * @param homeAddress the node's home address
 * @param identity the NAI the node must send (RFC 4283), or null to accept any
 * @param spi the Mobility SPI naming this association
 * @param algorithm the authenticator algorithm
 * @param key the shared key (not copied: never handed out)
 */
public record NodeKey(String file, Inet6Address homeAddress, String identity, long spi, Algorithm algorithm,
        byte[] key) {
    @Override
    public String toString() {
        return "NodeKey[" + file + ", spi " + spi + ", " + algorithm + "]"; // never the key
    }
}
