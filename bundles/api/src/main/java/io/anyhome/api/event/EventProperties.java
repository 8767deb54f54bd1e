package io.anyhome.api.event;

/**
 * Names of the properties carried by the events of {@link EventTopics}. Values are only strings
 * (addresses in RFC 5952 form), numbers ({@code Integer}, {@code Long}; times in epoch
 * milliseconds, durations in milliseconds) and booleans, so that any observer can read them
 * without anyhome's classes.
 */
public final class EventProperties {
    private EventProperties() {
    }

    /** When the underlying change was seen, epoch milliseconds ({@code Long}); same name as EventAdmin's. */
    public static final String TIMESTAMP = "timestamp";
    /** An interface name ({@code String}). */
    public static final String INTERFACE = "interface";
    /** An uplink id ({@code String}). */
    public static final String UPLINK = "uplink";
    /** A driver name ({@code String}). */
    public static final String DRIVER = "driver";
    /** A technology name ({@code String}). */
    public static final String TECHNOLOGY = "technology";
    /** An override or metric key ({@code String}). */
    public static final String KEY = "key";
    /** An override value ({@code String}). */
    public static final String VALUE = "value";
    /** The uplink traffic left ({@code String}, absent if none). */
    public static final String FROM = "from";
    /** The uplink traffic moved to ({@code String}, absent if none). */
    public static final String TO = "to";
    /** What triggered a handover ({@code String}, a {@code HandoverDTO.TRIGGER_} value). */
    public static final String TRIGGER = "trigger";
    /** A human-readable reason ({@code String}). */
    public static final String REASON = "reason";
    /** A policy name ({@code String}). */
    public static final String POLICY = "policy";
    /** A home address ({@code String}). */
    public static final String HOME_ADDRESS = "homeAddress";
    /** A care-of address ({@code String}). */
    public static final String CARE_OF_ADDRESS = "careOfAddress";
    /** A prefix, {@code ADDRESS/LENGTH} ({@code String}). */
    public static final String PREFIX = "prefix";
    /** A router's address ({@code String}). */
    public static final String ROUTER = "router";
    /** A Binding Update sequence number ({@code Integer}). */
    public static final String SEQUENCE = "sequence";
    /** A Binding Acknowledgement status ({@code Integer}). */
    public static final String STATUS = "status";
    /** A lifetime in milliseconds ({@code Long}). */
    public static final String LIFETIME_MS = "lifetimeMs";
    /** A Binding Identifier ({@code Integer}, absent if none). */
    public static final String BINDING_ID = "bindingId";
    /** Whether the node is at home ({@code Boolean}). */
    public static final String AT_HOME = "atHome";
}
