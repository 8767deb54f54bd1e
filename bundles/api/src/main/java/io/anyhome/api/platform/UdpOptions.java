package io.anyhome.api.platform;

import java.net.InetAddress;
import java.util.Objects;

/**
 * How to open a {@link UdpEndpoint}: the tunnel socket bound to an uplink's care-of address and
 * port 4191, or the home agent's listening socket. Platforms give tunnel sockets large receive
 * and send buffers (the Linux platform 4 MiB each, forced past {@code net.core.rmem_max} where it
 * may): one TCP flow at full speed fills the default in a few milliseconds.
 *
 * @param bindAddress the local address, a wildcard address for any
 * @param port the local port, 0 for an ephemeral one
 * @param device the interface to bind to ({@code SO_BINDTODEVICE}), or null for none
 * @param gro true to coalesce received datagrams ({@code UDP_GRO}) where supported
 */
public record UdpOptions(InetAddress bindAddress, int port, String device, boolean gro) {
    /**
     * Validates the fields.
     *
     * @param bindAddress the local address, a wildcard address for any
     * @param port the local port, 0 for an ephemeral one
     * @param device the interface to bind to ({@code SO_BINDTODEVICE}), or null for none
     * @param gro true to coalesce received datagrams ({@code UDP_GRO}) where supported
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public UdpOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        InterfaceNames.requireValidOrNull("device", device);
    }
}
