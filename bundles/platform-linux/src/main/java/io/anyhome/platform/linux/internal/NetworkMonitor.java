package io.anyhome.platform.linux.internal;

import io.anyhome.api.Registration;
import io.anyhome.api.platform.NetworkListener;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;

/**
 * The rtnetlink view of links, addresses, routes and neighbours, behind
 * {@link LinuxPlatform#monitor(NetworkListener)}. Implemented by the rtnetlink code of this bundle.
 */
interface NetworkMonitor {
    /** See {@link io.anyhome.api.platform.Platform#monitor(NetworkListener)}. */
    Registration monitor(NetworkListener listener) throws PlatformException;

    /**
     * Fills in what the probe knows about rtnetlink ({@code rtnetlink}, {@code policyRouting},
     * {@code wirelessInfo}) and, for each false one, a cause in {@code featureCauses}. Called once,
     * while the platform probes its capabilities; must not throw.
     *
     * @param capabilities the report being built
     */
    default void describe(PlatformCapabilitiesDTO capabilities) {
    }
}
