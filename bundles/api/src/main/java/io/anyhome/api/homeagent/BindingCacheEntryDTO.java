package io.anyhome.api.homeagent;

import io.anyhome.api.path.Encapsulation;
import java.util.List;
import org.osgi.dto.DTO;

/** One binding cache entry at the home agent; returned by {@link HomeAgent#bindingCache()}. */
public class BindingCacheEntryDTO extends DTO {
    /** The home address (RFC 5952). */
    public String homeAddress;
    /** The registered care-of address (RFC 5952). */
    public String careOfAddress;
    /** The address the Binding Update actually came from when a NAT rewrote it (RFC 5952), null without NAT. */
    public String natAddress;
    /** The UDP port the Binding Update came from behind a NAT, 0 without NAT. */
    public int natPort;
    /** How the mobile node's traffic is carried. */
    public Encapsulation encapsulation;
    /** The sequence number of the last accepted Binding Update. */
    public int sequence;
    /** The granted lifetime, milliseconds. */
    public long lifetimeMs;
    /** When the binding was last accepted, epoch milliseconds. */
    public long registeredAt;
    /** When the binding expires, epoch milliseconds. */
    public long expiresAt;
    /** The Binding Update's flags as letters, e.g. {@code AHK} or {@code AHRF}. */
    public String flags;
    /** The Binding Identifier (RFC 5648), null for a single care-of address. */
    public Integer bindingId;
    /** The mobile network prefixes routed to the binding (NEMO), empty otherwise. */
    public List<String> mobileNetworkPrefixes;
    /** The mobile node identifier (RFC 4283 NAI), null if not sent. */
    public String mobileNodeIdentifier;
}
