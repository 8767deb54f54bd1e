package io.anyhome.packet.mh;

import java.util.List;

/**
 * Home Test (RFC 6275 §6.1.5, MH type 3), the correspondent node's answer to a
 * {@link HomeTestInit}. Message data: Home Nonce Index (16), Home Init Cookie (64), Home Keygen
 * Token (64), options.
 *
 * @param homeNonceIndex the Home Nonce Index (0..65535)
 * @param homeInitCookie the cookie from the Home Test Init
 * @param homeKeygenToken the Home Keygen Token
 * @param options the mobility options
 */
public record HomeTest(int homeNonceIndex, long homeInitCookie, long homeKeygenToken,
        List<MobilityOption> options) implements MobilityMessage {
    /** Validates the index and copies the options. */
    public HomeTest {
        Fields.unsigned("Home Nonce Index", homeNonceIndex, 16);
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return MobilityHeaderType.HOME_TEST;
    }
}
