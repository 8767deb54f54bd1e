package io.anyhome.api.vi;

import java.util.List;
import org.osgi.dto.DTO;

/** The virtual interface as {@code vi:status} shows it; returned by {@link VirtualInterface#describe()}. */
public class ViDTO extends DTO {
    /** The interface name. */
    public String name;
    /** The interface index, 0 while the device is not open. */
    public int index;
    /** The home address (RFC 5952). */
    public String homeAddress;
    /** The MTU. */
    public int mtu;
    /** Whether the TUN device is open and the read loop running. */
    public boolean running;
    /** Whether the device uses a vnet header (large segments). */
    public boolean vnetHeader;
    /** The mobile network prefixes routed into the interface (mobile router), empty otherwise. */
    public List<String> mobileNetworkPrefixes;
    /** The counters. */
    public ViCountersDTO counters;
    /** Why the interface is not running, null if nothing is wrong. */
    public String failure;
}
