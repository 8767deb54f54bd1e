package io.anyhome.platform.linux.internal;

import io.anyhome.api.platform.Platform;

/**
 * Builds the real Linux {@link Platform} the way its component does, for lab tests of other
 * modules that run without a framework. Call it on a thread inside the namespace the platform
 * is for ({@link LabNamespace#inside}).
 */
public final class LinuxPlatforms {
    private LinuxPlatforms() {
    }

    /** @return a platform with rtnetlink and sockets */
    public static Platform create() {
        RtnetlinkPlatformOps netlink = new RtnetlinkPlatformOps();
        return LinuxPlatform.create(netlink, netlink, new LinuxSockets());
    }
}
