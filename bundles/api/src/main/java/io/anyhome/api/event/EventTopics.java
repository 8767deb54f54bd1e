package io.anyhome.api.event;

/**
 * EventAdmin topics anyhome posts, {@code io/anyhome/<area>/<EVENT>}, for observers (shell, logs,
 * tests); never relied on for switching. Posted by the bundle named with each area; the payload is
 * in the event's properties, named by {@link EventProperties}.
 */
public final class EventTopics {
    private EventTopics() {
    }

    /** Prefix of every anyhome topic. */
    public static final String PREFIX = "io/anyhome/";
    /** Subscribes to every anyhome topic. */
    public static final String ALL = "io/anyhome/*";

    /** nic: a driver claimed an interface. Properties: interface, driver, technology. */
    public static final String NIC_CLAIMED = "io/anyhome/nic/CLAIMED";
    /** nic: a claim ended. Properties: interface, driver, reason. */
    public static final String NIC_RELEASED = "io/anyhome/nic/RELEASED";
    /** nic: an interface came up. Properties: interface, technology, timestamp. */
    public static final String NIC_UP = "io/anyhome/nic/UP";
    /** nic: an interface went down. Properties: interface, technology, reason, timestamp. */
    public static final String NIC_DOWN = "io/anyhome/nic/DOWN";
    /** nic: an override was set or cleared. Properties: interface, key, value (absent when cleared). */
    public static final String NIC_OVERRIDE = "io/anyhome/nic/OVERRIDE";

    /** ifs: traffic moved to another uplink. Properties: from, to, trigger, reason, policy, timestamp. */
    public static final String IFS_SWITCHED = "io/anyhome/ifs/SWITCHED";
    /** ifs: a new decision was published (also without a handover). Properties: uplink, reason, policy. */
    public static final String IFS_DECIDED = "io/anyhome/ifs/DECIDED";
    /** ifs: the active policy changed. Properties: policy, reason. */
    public static final String IFS_POLICY_CHANGED = "io/anyhome/ifs/POLICY_CHANGED";
    /** ifs: a policy evaluation failed. Properties: policy, reason. */
    public static final String IFS_POLICY_FAILED = "io/anyhome/ifs/POLICY_FAILED";

    /** ra: movement to a new access network was detected (RFC 6275 §11.5). Properties: interface, reason, timestamp. */
    public static final String RA_MOVED = "io/anyhome/ra/MOVED";

    /** path: a path became usable. Properties: uplink, careOfAddress, timestamp. */
    public static final String PATH_UP = "io/anyhome/path/UP";
    /** path: a path stopped being usable. Properties: uplink, reason, timestamp. */
    public static final String PATH_DOWN = "io/anyhome/path/DOWN";

    /** mip: a binding was accepted. Properties: uplink, homeAddress, careOfAddress, sequence, lifetimeMs, bindingId. */
    public static final String MIP_REGISTERED = "io/anyhome/mip/REGISTERED";
    /** mip: a registration was refused or timed out. Properties: uplink, homeAddress, careOfAddress, status, reason. */
    public static final String MIP_FAILED = "io/anyhome/mip/FAILED";
    /** mip: a binding was removed (deregistration accepted or expired). Properties: uplink, homeAddress, reason. */
    public static final String MIP_DEREGISTERED = "io/anyhome/mip/DEREGISTERED";
    /** mip: the node arrived at or left its home link. Properties: uplink, atHome. */
    public static final String MIP_HOME = "io/anyhome/mip/HOME";

    /** ha: a binding cache entry was created or updated. Properties: homeAddress, careOfAddress, sequence, lifetimeMs, bindingId. */
    public static final String HA_BINDING_UPDATED = "io/anyhome/ha/BINDING_UPDATED";
    /** ha: a binding cache entry was removed. Properties: homeAddress, bindingId, reason. */
    public static final String HA_BINDING_REMOVED = "io/anyhome/ha/BINDING_REMOVED";
    /** ha: a Binding Update was refused. Properties: homeAddress, careOfAddress, status, reason. */
    public static final String HA_REFUSED = "io/anyhome/ha/REFUSED";

    /** vi: the virtual interface is up. Properties: interface, homeAddress. */
    public static final String VI_UP = "io/anyhome/vi/UP";
    /** vi: the virtual interface went down. Properties: interface, reason. */
    public static final String VI_DOWN = "io/anyhome/vi/DOWN";
}
