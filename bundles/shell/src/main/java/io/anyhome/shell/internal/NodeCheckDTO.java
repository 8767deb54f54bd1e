package io.anyhome.shell.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.dto.DTO;

/**
 * What {@code node:check} reports: every bundle and every DS component with its state, and
 * whether everything this node's role needs is running ({@link #ok}).
 */
public class NodeCheckDTO extends DTO {
    public String role;
    public boolean ok;
    public List<String> problems = new ArrayList<>();
    public List<BundleCheckDTO> bundles = new ArrayList<>();
    public List<ComponentCheckDTO> components = new ArrayList<>();
    /** The selected platform in one line: its name and whether it works, or why not. */
    public String platform;
    /** The selected platform's capability report, or null if no platform is registered. */
    public io.anyhome.api.platform.PlatformCapabilitiesDTO platformCapabilities;
}
