package io.anyhome.api.nic;

/**
 * The state a NIC driver reports for an interface it owns, shown in {@link NicDTO} and given to
 * policies through the selection context. A closed set: it describes link state, which vendors do
 * not extend; vendor detail goes into metrics.
 */
public enum NicState {
    /** The interface can carry traffic. */
    UP,
    /** The interface cannot carry traffic (no carrier, administratively down, modem detached). */
    DOWN,
    /** The interface is present but waiting (for example WLAN associating, modem registering). */
    DORMANT,
    /** Not yet known (just claimed, nothing reported). */
    UNKNOWN
}
