package io.anyhome.packet.mh;

import java.util.List;

/**
 * Home Test Init (RFC 6275 §6.1.3, MH type 1), starting return routability through the home
 * agent. Message data: Reserved (16), Home Init Cookie (64), options.
 *
 * @param homeInitCookie the Home Init Cookie
 * @param options the mobility options
 */
public record HomeTestInit(long homeInitCookie, List<MobilityOption> options)
        implements MobilityMessage {
    /** Copies the options. */
    public HomeTestInit {
        options = List.copyOf(options);
    }

    @Override
    public int type() {
        return MobilityHeaderType.HOME_TEST_INIT;
    }
}
