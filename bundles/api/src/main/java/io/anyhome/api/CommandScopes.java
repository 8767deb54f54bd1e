package io.anyhome.api;

import java.util.List;

/**
 * The Gogo command scopes ({@code osgi.command.scope}) anyhome's shell commands use, one per
 * area, so that {@code anyhome ctl} help and tests can list them.
 */
public final class CommandScopes {
    private CommandScopes() {
    }

    /** NIC drivers and the NIC registry ({@code nic:list}, {@code nic:set}, ...). */
    public static final String NIC = "nic";
    /** The virtual interface. */
    public static final String VI = "vi";
    /** Interface Switching: status, policy, flows, pin, forbid, handovers. */
    public static final String IFS = "ifs";
    /** Router Advertisement watch and movement detection. */
    public static final String RA = "ra";
    /** Mobile IPv6 on the mobile node or router. */
    public static final String MIP = "mip";
    /** The home agent. */
    public static final String HA = "ha";
    /** Node identity and health. */
    public static final String NODE = "node";

    /** All scopes, in the order the shell lists them. */
    public static final List<String> ALL = List.of(NIC, VI, IFS, RA, MIP, HA, NODE);
}
