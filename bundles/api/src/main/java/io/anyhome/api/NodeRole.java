package io.anyhome.api;

import java.util.Locale;

/**
 * The role of a node, set as {@code role} in {@code etc/io.anyhome.node.cfg}. Components of
 * another role stay inactive. A closed set: a role is a product decision, not a vendor extension.
 */
public enum NodeRole {
    /** Mobile node: virtual interface, interface switching, NIC drivers, Mobile IPv6. */
    MN("mn"),
    /** Mobile router: a mobile node that also routes a mobile network prefix (NEMO, RFC 3963). */
    MR("mr"),
    /** Home agent: binding cache, proxy ND, tunnels to care-of addresses, NEMO prefix routes. */
    HA("ha");

    /**
     * Component property naming the roles a component serves (a list: {@code mn}, {@code mr},
     * {@code ha}). {@code anyhome check} reports a component of another role as "not used by
     * this role" instead of a failure.
     */
    public static final String COMPONENT_PROPERTY = "anyhome.roles";

    private final String configValue;

    NodeRole(String configValue) {
        this.configValue = configValue;
    }

    /** @return the value used in configuration ({@code mn}, {@code mr}, {@code ha}) */
    public String configValue() {
        return configValue;
    }

    /** @return true for the roles that move (mobile node and mobile router) */
    public boolean isMobile() {
        return this != HA;
    }

    /**
     * @param value a configuration value, case-insensitive
     * @return the role
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static NodeRole parse(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (NodeRole r : values()) {
                if (r.configValue.equals(v)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role '" + value + "' is not one of mn, mr, ha");
    }
}
