package io.anyhome.api.ifs;

import org.osgi.dto.DTO;

/** One router heard on an access link; part of {@link AccessLinkDTO}. */
public class RouterDTO extends DTO {
    /** The router's link-local address (RFC 5952). */
    public String address;
    /** The Router Lifetime of its last advertisement, milliseconds; 0: not a default router. */
    public long lifetimeMs;
    /** When it stops being a default router unless it advertises again, epoch milliseconds. */
    public long expiresAt;
    /** Its Advertisement Interval option (RFC 6275 §7.3), milliseconds; -1 if it sends none. */
    public long advertisementIntervalMs;
    /** When its last advertisement arrived, epoch milliseconds. */
    public long lastSeenAt;
    /** Advertisements it has accepted from it. */
    public long advertisements;
    /** Whether it sets the Home Agent (H) flag. */
    public boolean homeAgent;
    /** Whether it is the default router the link's movement detection follows. */
    public boolean current;
}
