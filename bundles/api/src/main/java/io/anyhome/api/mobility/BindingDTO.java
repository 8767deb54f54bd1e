package io.anyhome.api.mobility;

import io.anyhome.api.path.Encapsulation;
import java.util.List;
import org.osgi.dto.DTO;

/**
 * One entry of the mobile node's binding update list: a binding of the home address to the
 * care-of address of one uplink at the home agent. Returned by {@link MobilityService#bindings()};
 * shown by {@code mip:bindings}.
 */
public class BindingDTO extends DTO {
    /** The uplink the care-of address belongs to. */
    public String uplink;
    /** The home address (RFC 5952). */
    public String homeAddress;
    /** The care-of address (RFC 5952). */
    public String careOfAddress;
    /** The home agent's address (RFC 5952). */
    public String homeAgentAddress;
    /** How the binding's traffic is carried. */
    public Encapsulation encapsulation;
    /** The sequence number of the last Binding Update sent. */
    public int sequence;
    /** The lifetime asked for in the last Binding Update, milliseconds. */
    public long lifetimeRequestedMs;
    /** The lifetime the home agent granted, milliseconds; 0 before the first acceptance. */
    public long lifetimeGrantedMs;
    /** The state. */
    public BindingState state;
    /** The status of the last Binding Acknowledgement (0 accepted, 128+ refused), -1 if none yet. */
    public int lastAckStatus;
    /** When the binding was last accepted, epoch milliseconds; 0 if never. */
    public long registeredAt;
    /** When the binding expires, epoch milliseconds; 0 if not registered. */
    public long expiresAt;
    /** The Binding Identifier (RFC 5648) when several care-of addresses are registered, else null. */
    public Integer bindingId;
    /**
     * Whether the home agent reported a NAT between the care-of address and itself (the RFC 5555
     * NAT Detection option of its last acceptance): the node then keeps the NAT's mapping alive.
     */
    public boolean behindNat;
    /**
     * The NAT refresh time the home agent asked for, milliseconds (RFC 5555 NATKATIMEOUT, 110 s,
     * when it named none); -1 when it needs no keepalives; 0 when not behind a NAT.
     */
    public long natRefreshMs;
    /** Keepalives sent because the path was idle (its probes alone keep most mappings alive). */
    public long natKeepalivesSent;
    /** The mobile network prefixes registered with the binding (mobile router), empty otherwise. */
    public List<String> mobileNetworkPrefixes;
    /** Why the binding failed or is retrying, null if nothing is wrong. */
    public String failure;
}
