package io.anyhome.mobility.internal;

import java.net.InetAddress;

/**
 * Where the {@link BindingUpdateList} sends a Binding Update: encoded and signed by
 * {@link Signalling}, out of the tunnel socket of the uplink being registered. Implemented by
 * {@link MobileNode}; tests record the calls.
 */
interface BindingUpdateSender {
    /**
     * @param uplink the uplink whose socket sends it
     * @param careOf the care-of address being registered (for lifetime 0, the one being removed)
     * @param sequence the sequence number
     * @param lifetimeUnits the lifetime in 4-second units, 0 to deregister
     * @param timestamp the RFC 4285 replay protection timestamp (NTP format)
     * @return true if the update was handed to the kernel
     */
    boolean sendBindingUpdate(String uplink, InetAddress careOf, int sequence, int lifetimeUnits, long timestamp);
}
