package io.anyhome.packet.mh;

import java.util.List;

/**
 * Care-of Test Init (RFC 6275 §6.1.4, MH type 2), starting return routability from the care-of
 * address. Message data: Reserved (16), Care-of Init Cookie (64), options.
 *
 * @param careOfInitCookie the Care-of Init Cookie
 * @param options the mobility options
 */
public record CareOfTestInit(long careOfInitCookie, List<MobilityOption> options)
        implements MobilityMessage {
    /** Copies the options. */
    public CareOfTestInit {
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return MobilityHeaderType.CARE_OF_TEST_INIT;
    }
}
