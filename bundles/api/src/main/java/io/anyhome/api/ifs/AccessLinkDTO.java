package io.anyhome.api.ifs;

import java.util.List;
import org.osgi.dto.DTO;

/**
 * One interface as the Router Advertisement watch sees it: its routers, on-link prefixes, care-of
 * address and the last movement detected on it (RFC 6275 §11.5). Returned by
 * {@link InterfaceSwitch#accessLinks()}; what {@code ra:list} prints.
 */
public class AccessLinkDTO extends DTO {
    /** Value of {@link #careOfAddressState}: no global address from an advertised prefix. */
    public static final String COA_NONE = "none";
    /** Value of {@link #careOfAddressState}: the address is in duplicate address detection. */
    public static final String COA_TENTATIVE = "tentative";
    /** Value of {@link #careOfAddressState}: optimistic DAD (RFC 4429): usable while DAD runs. */
    public static final String COA_OPTIMISTIC = "optimistic";
    /** Value of {@link #careOfAddressState}: DAD passed; the address can be registered. */
    public static final String COA_USABLE = "usable";
    /** Value of {@link #careOfAddressState}: DAD failed; the address is unusable. */
    public static final String COA_DUPLICATE = "duplicate";

    /** The interface name (the uplink id). */
    public String interfaceName;
    /** The interface index. */
    public int index;
    /** The routers heard on the link, newest first. */
    public List<RouterDTO> routers;
    /** The on-link prefixes advertised on the link. */
    public List<PrefixDTO> prefixes;
    /** The care-of address (RFC 5952), null if none. */
    public String careOfAddress;
    /** One of the {@code COA_} values. */
    public String careOfAddressState;
    /** When the care-of address reached its current state, epoch milliseconds; 0 if none. */
    public long careOfAddressSince;
    /** When movement was last detected on the link, epoch milliseconds; 0 if never. */
    public long lastMovementAt;
    /** What the last movement was (new prefix, default router lost ...), null if never. */
    public String lastMovement;
    /** Router Advertisements accepted on the link. */
    public long advertisementsAccepted;
    /** Router Advertisements dropped as invalid (hop limit, source, code, options). */
    public long advertisementsDropped;
    /** Why the last one was dropped, null if none was. */
    public String lastDropReason;
}
