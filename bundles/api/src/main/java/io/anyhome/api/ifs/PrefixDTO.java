package io.anyhome.api.ifs;

import org.osgi.dto.DTO;

/** One prefix advertised on an access link; part of {@link AccessLinkDTO}. */
public class PrefixDTO extends DTO {
    /** The prefix, e.g. {@code 2001:db8:1::/64}. */
    public String prefix;
    /** The on-link (L) flag. */
    public boolean onLink;
    /** The autonomous address-configuration (A) flag. */
    public boolean autonomous;
    /** When its valid lifetime ends, epoch milliseconds; -1 for infinity. */
    public long validUntil;
    /** When its preferred lifetime ends, epoch milliseconds; -1 for infinity. */
    public long preferredUntil;
    /** The router that advertised it last (RFC 5952). */
    public String router;
    /** When it was first advertised on this link, epoch milliseconds. */
    public long firstSeenAt;
}
