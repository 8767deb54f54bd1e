package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** One line of {@code mip:bul} for people: an entry of the binding update list. */
public class BindingRowDTO extends DTO {
    public String uplink;
    public String state;
    public String careOfAddress;
    public String homeAgent;
    public int sequence;
    /** Granted lifetime in seconds, {@code -} before the first acceptance. */
    public String lifetime;
    /** When the binding expires (ISO-8601 UTC), {@code -} if not registered. */
    public String expires;
    /** The last Binding Acknowledgement's status, {@code -} if none yet. */
    public String lastAck;
    /** {@code -} without a NAT, else the NAT refresh time in seconds ({@code none} if no keepalives are needed). */
    public String nat;
    public String failure;
}
