package io.anyhome.api.mobility;

import io.anyhome.api.path.Encapsulation;
import java.util.List;
import org.osgi.dto.DTO;

/**
 * The mobile node's (or mobile router's) mobility status, returned by
 * {@link MobilityService#status()}; shown by {@code mip:status}.
 */
public class MobilityStatusDTO extends DTO {
    /** The role: {@code mn} or {@code mr}. */
    public String role;
    /** The home address (RFC 5952). */
    public String homeAddress;
    /** The home prefix ({@code ADDRESS/LENGTH}). */
    public String homePrefix;
    /** The home agent's address (RFC 5952). */
    public String homeAgentAddress;
    /** The configured encapsulation. */
    public Encapsulation encapsulation;
    /** True when an uplink is attached to the home link. */
    public boolean atHome;
    /** The uplink on the home link, null when away. */
    public String homeLink;
    /** True when one binding per uplink is registered (RFC 5648 multiple care-of addresses). */
    public boolean multipleCareOfAddresses;
    /** The mobile network prefixes (mobile router), empty otherwise. */
    public List<String> mobileNetworkPrefixes;
    /** The number of entries in the binding update list. */
    public int bindings;
    /** Why mobility cannot work (no home agent configured, no platform), null if nothing is wrong. */
    public String failure;
}
