package io.anyhome.api.platform;

/**
 * How to open a {@link PacketEndpoint}.
 *
 * @param interfaceName the interface to send on
 * @param vnetHeader whether each packet starts with a virtio-net header ({@code PACKET_VNET_HDR}),
 *        so that a TCP super-packet goes out in one call
 */
public record PacketOptions(String interfaceName, boolean vnetHeader) {
    /**
     * Validates the interface name.
     *
     * @param interfaceName the interface to send on
     * @param vnetHeader whether each packet starts with a virtio-net header
     * @throws IllegalArgumentException if the interface name is missing or not a valid name
     */
    public PacketOptions {
        if (interfaceName == null) {
            throw new IllegalArgumentException("interfaceName is missing");
        }
        InterfaceNames.requireValidOrNull("interfaceName", interfaceName);
    }
}
