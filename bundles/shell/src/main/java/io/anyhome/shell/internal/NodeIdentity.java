package io.anyhome.shell.internal;

import java.util.List;
import java.util.Map;

/**
 * The node's role and platform as configured in {@code etc/io.anyhome.node.cfg} (PID
 * {@value #PID}), with the problem found in them if any. Read by {@link NodeCommands}.
 */
record NodeIdentity(String role, String platform, String problem) {
    static final String PID = "io.anyhome.node";
    static final List<String> ROLES = List.of("mn", "mr", "ha");
    static final List<String> PLATFORMS = List.of("linux", "sim");

    static NodeIdentity from(Map<String, Object> config) {
        Object role = config.get("role");
        Object platform = config.getOrDefault("platform", "linux");
        if (role == null) {
            return new NodeIdentity(null, String.valueOf(platform),
                    "role is not configured: set role=mn|mr|ha in etc/" + PID + ".cfg");
        }
        if (!ROLES.contains(String.valueOf(role).trim())) {
            return new NodeIdentity(null, String.valueOf(platform),
                    "etc/" + PID + ".cfg: role=" + role + " is not one of " + String.join(", ", ROLES));
        }
        if (!PLATFORMS.contains(String.valueOf(platform).trim())) {
            return new NodeIdentity(String.valueOf(role).trim(), null,
                    "etc/" + PID + ".cfg: platform=" + platform + " is not one of " + String.join(", ", PLATFORMS));
        }
        return new NodeIdentity(String.valueOf(role).trim(), String.valueOf(platform).trim(), null);
    }
}
