package io.anyhome.platform.linux.internal;

import io.anyhome.api.platform.Platform;

/**
 * The real Linux {@link Platform} for lab tests of other modules that run without a framework,
 * built as the component builds it ({@link LinuxPlatform#system()}). Call it on a thread inside
 * the namespace the platform is for ({@link LabNamespace#inside}).
 */
public final class LinuxPlatforms {
    private LinuxPlatforms() {
    }

    /** @return the platform of the calling thread's namespace */
    public static Platform create() {
        return LinuxPlatform.system();
    }
}
