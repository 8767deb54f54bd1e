package io.anyhome.shell.internal;

import org.osgi.dto.DTO;

/** What {@code node:status} reports: who this node is and how long it has been running. */
public class NodeStatusDTO extends DTO {
    public String role;
    public String platform;
    public String stateDir;
    public long startedAt;
    public long uptimeMillis;
    public int bundleCount;
}
