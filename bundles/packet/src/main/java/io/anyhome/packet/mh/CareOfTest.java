package io.anyhome.packet.mh;

import java.util.List;

/**
 * Care-of Test (RFC 6275 §6.1.6, MH type 4), the correspondent node's answer to a
 * {@link CareOfTestInit}. Message data: Care-of Nonce Index (16), Care-of Init Cookie (64),
 * Care-of Keygen Token (64), options.
 *
 * @param careOfNonceIndex the Care-of Nonce Index (0..65535)
 * @param careOfInitCookie the cookie from the Care-of Test Init
 * @param careOfKeygenToken the Care-of Keygen Token
 * @param options the mobility options
 */
public record CareOfTest(int careOfNonceIndex, long careOfInitCookie, long careOfKeygenToken,
        List<MobilityOption> options) implements MobilityMessage {
    /** Validates the index and copies the options. */
    public CareOfTest {
        Fields.unsigned("Care-of Nonce Index", careOfNonceIndex, 16);
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return MobilityHeaderType.CARE_OF_TEST;
    }
}
