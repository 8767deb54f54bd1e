package io.anyhome.platform.linux.internal;

import io.anyhome.api.platform.Icmpv6Endpoint;
import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.PacketEndpoint;
import io.anyhome.api.platform.PacketOptions;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Endpoint;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;

/**
 * The UDP, raw IPv6, packet and ICMPv6 endpoints behind {@link LinuxPlatform}'s {@code open...} methods.
 * Implemented by the socket code of this bundle; each method has the contract of the
 * {@link io.anyhome.api.platform.Platform} method of the same name.
 */
interface SocketFactory {
    UdpEndpoint openUdp(UdpOptions options) throws PlatformException;

    RawIpv6Endpoint openRawIpv6(RawIpv6Options options) throws PlatformException;

    PacketEndpoint openPacket(PacketOptions options) throws PlatformException;

    Icmpv6Endpoint openIcmpv6(Icmpv6Options options) throws PlatformException;

    /**
     * Fills in what the probe knows about sockets ({@code rawSockets}, {@code udpGso},
     * {@code udpGro}) and, for each false one, a cause in {@code featureCauses}. Called once,
     * while the platform probes its capabilities; must not throw.
     *
     * @param capabilities the report being built
     */
    default void describe(PlatformCapabilitiesDTO capabilities) {
    }
}
