package io.anyhome.api.mobility;

/**
 * The state of a mobile node's binding through one uplink (an entry of its binding update list).
 * Shown in {@link BindingDTO} and given to selection policies per uplink.
 */
public enum BindingState {
    /** No binding through this uplink. */
    NONE,
    /** A Binding Update has been sent; waiting for the Acknowledgement. */
    REGISTERING,
    /** The home agent accepted the binding and it has not expired. */
    REGISTERED,
    /** Registered, and a refreshing Binding Update is outstanding. */
    REFRESHING,
    /** A deregistration (lifetime 0) is outstanding. */
    DEREGISTERING,
    /** The uplink is on the home link: no binding needed, traffic goes directly. */
    AT_HOME,
    /** Registration failed (refused, or no answer after the retransmissions); see the failure field. */
    FAILED;

    /**
     * @return true if traffic through the uplink reaches the home address: {@link #REGISTERED},
     *         {@link #REFRESHING} or {@link #AT_HOME}
     */
    public boolean isUsable() {
        return this == REGISTERED || this == REFRESHING || this == AT_HOME;
    }
}
