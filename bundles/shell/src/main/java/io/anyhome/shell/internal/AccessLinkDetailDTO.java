package io.anyhome.shell.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.dto.DTO;

/**
 * One interface of {@code ra:list} for people: care-of address, last movement and Router
 * Advertisement counters, then its routers and prefixes.
 */
public class AccessLinkDetailDTO extends DTO {
    public String interfaceName;
    public int index;
    /** The address and its state, e.g. {@code 2001:db8:1::10 (usable since ...)}. */
    public String careOfAddress;
    /** What the last movement was and when, {@code -} if never. */
    public String lastMovement;
    public long advertisementsAccepted;
    public long advertisementsDropped;
    public String lastDropReason;
    public List<RouterRowDTO> routers = new ArrayList<>();
    public List<PrefixRowDTO> prefixes = new ArrayList<>();

    /** One router heard on the link; times relative to now. */
    public static class RouterRowDTO extends DTO {
        public String address;
        /** Router Lifetime, e.g. {@code 1800s}; {@code 0s}: not a default router. */
        public String lifetime;
        /** Advertisement Interval, {@code -} if it sends none. */
        public String interval;
        /** e.g. {@code 3s ago}. */
        public String lastSeen;
        public long advertisements;
        public boolean homeAgent;
        public boolean current;
    }

    /** One advertised prefix; lifetimes as time left. */
    public static class PrefixRowDTO extends DTO {
        public String prefix;
        /** {@code L} on-link and {@code A} autonomous, {@code -} for neither. */
        public String flags;
        /** Time left, e.g. {@code 86400s}, or {@code infinity}. */
        public String valid;
        public String preferred;
        public String router;
    }
}
