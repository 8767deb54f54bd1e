package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** One line of {@code ha:bc} for people: a binding cache entry with its times relative to now. */
public class BindingCacheRowDTO extends DTO {
    public String homeAddress;
    public String careOfAddress;
    /** {@code [address]:port} of the NAT mapping the tunnel uses, {@code -} without NAT. */
    public String nat;
    public int sequence;
    public String flags;
    public long lifetimeSeconds;
    /** Seconds until the binding expires without refresh. */
    public long expiresInSeconds;
    public String identity;
}
