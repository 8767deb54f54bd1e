package io.anyhome.platform.linux.internal;

import io.anyhome.api.platform.Icmpv6Options;
import io.anyhome.api.platform.PacketOptions;
import io.anyhome.api.platform.PlatformCapabilitiesDTO;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.RawIpv6Options;
import io.anyhome.api.platform.UdpOptions;

/**
 * Opens the socket endpoints of the Linux platform: {@code LinuxPlatform} delegates
 * {@code openUdp}, {@code openRawIpv6}, {@code openPacket} and {@code openIcmpv6} here and copies
 * {@link #capabilities()} into its capabilities. Probes the kernel once, when constructed.
 * Thread-safe.
 *
 * <p>A socket belongs to the network namespace of the thread that opens it.
 */
final class LinuxSockets implements SocketFactory {
    private final SocketCapabilities capabilities;

    /** Probes {@code UDP_SEGMENT}, {@code UDP_GRO} and raw sockets. */
    LinuxSockets() {
        this.capabilities = SocketCapabilities.probe();
    }

    /** @return what was probed at construction */
    SocketCapabilities capabilities() {
        return capabilities;
    }

    /**
     * @param options address, port, device, GRO (asked for only where the kernel has it)
     * @return a bound UDP endpoint without a mark
     * @throws PlatformException naming the step and option that failed, with its errno
     */
    @Override
    public LinuxUdpEndpoint openUdp(UdpOptions options) throws PlatformException {
        return LinuxUdpEndpoint.open(options, 0, capabilities);
    }

    /**
     * @param options address, port, device, GRO
     * @param mark the socket mark ({@code SO_MARK}) for firewall rules, 0 for none
     * @return a bound UDP endpoint
     * @throws PlatformException naming the step and option that failed, with its errno
     */
    LinuxUdpEndpoint openUdp(UdpOptions options, int mark) throws PlatformException {
        return LinuxUdpEndpoint.open(options, mark, capabilities);
    }

    /**
     * @param options next header, checksum offset, address, device, mark
     * @return a raw IPv6 endpoint
     * @throws PlatformException naming the step and option that failed, with its errno
     */
    @Override
    public LinuxRawIpv6Endpoint openRawIpv6(RawIpv6Options options) throws PlatformException {
        return LinuxRawIpv6Endpoint.open(options);
    }

    /**
     * @param options the interface and whether packets carry a virtio-net header
     * @return a send-only packet socket on the interface
     * @throws PlatformException {@code NOT_FOUND} for an unknown interface, {@code PERMISSION_DENIED}
     *         without {@code CAP_NET_RAW}, else naming the step that failed, with its errno
     */
    @Override
    public LinuxPacketEndpoint openPacket(PacketOptions options) throws PlatformException {
        return LinuxPacketEndpoint.open(options);
    }

    /**
     * @param options type filter, address, device, mark
     * @return an ICMPv6 endpoint
     * @throws PlatformException naming the step and option that failed, with its errno
     */
    @Override
    public LinuxIcmpv6Endpoint openIcmpv6(Icmpv6Options options) throws PlatformException {
        return LinuxIcmpv6Endpoint.open(options);
    }

    /** Fills in UDP GSO/GRO and raw sockets, with the reason for what is missing. */
    @Override
    public void describe(PlatformCapabilitiesDTO dto) {
        capabilities.applyTo(dto);
    }
}
