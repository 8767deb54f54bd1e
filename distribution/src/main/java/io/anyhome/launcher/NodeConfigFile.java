package io.anyhome.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Reads {@code etc/io.anyhome.node.cfg} only to tell who the node is and to refuse a bad role or
 * platform before the framework starts, naming the file and the key. The components read the same
 * file through ConfigAdmin.
 */
final class NodeConfigFile {
    static final String FILE = "io.anyhome.node.cfg";
    static final List<String> ROLES = List.of("mn", "mr", "ha");
    static final List<String> PLATFORMS = List.of("linux", "sim");

    /** The node's role and platform. */
    record Identity(String role, String platform) {
    }

    private NodeConfigFile() {
    }

    static Identity read(Path etc) throws UsageException {
        Path file = etc.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " not found: it sets role=mn|mr|ha and platform=linux|sim");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
        String role = p.getProperty("role");
        if (role == null || role.isBlank()) {
            throw new UsageException(file + ": key role is missing: set role=mn|mr|ha");
        }
        role = unquote(role);
        if (!ROLES.contains(role)) {
            throw new UsageException(file + ": key role: " + role + " is not one of " + String.join(", ", ROLES));
        }
        String platform = unquote(p.getProperty("platform", "linux"));
        if (!PLATFORMS.contains(platform)) {
            throw new UsageException(file + ": key platform: " + platform + " is not one of "
                    + String.join(", ", PLATFORMS));
        }
        return new Identity(role, platform);
    }

    /** FileInstall accepts typed values such as {@code role="mn"}; the launcher reads the text. */
    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
