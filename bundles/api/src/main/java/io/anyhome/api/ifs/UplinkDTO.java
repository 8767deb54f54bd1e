package io.anyhome.api.ifs;

import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.path.PathState;
import org.osgi.dto.DTO;

/** One uplink as the interface switch sees it; part of {@link IfsStatusDTO}. */
public class UplinkDTO extends DTO {
    /** The uplink id (interface name). */
    public String id;
    /** The technology name. */
    public String technology;
    /** The NIC state. */
    public NicState state;
    /** The path state, {@link PathState#DOWN} if there is no path. */
    public PathState pathState;
    /** The binding state through the uplink. */
    public BindingState bindingState;
    /** The care-of address (RFC 5952), null if none. */
    public String careOfAddress;
    /** Whether traffic can go over it now. */
    public boolean usable;
    /** Whether an operator forbade it. */
    public boolean forbidden;
    /** The number of active flows it carries. */
    public int flows;
    /** The effective cost. */
    public double cost;
    /** Whether it is metered. */
    public boolean metered;
    /**
     * Bytes received and sent on the uplink's interface in the current accounting period (see
     * {@link UplinkSnapshot#usageBytes()}).
     */
    public long usageBytes;
}
