package io.anyhome.api.platform;

/**
 * How to open a TUN device ({@code IFF_TUN | IFF_NO_PI}: raw IP packets, no packet information).
 * Used by the vi bundle (for {@code home0}) and the home agent.
 *
 * @param name the interface name, 1 to 15 characters, no {@code /}, {@code :} or white space
 * @param mtu the MTU to set, 68 to 65535
 * @param vnetHeader true to request {@code IFF_VNET_HDR}: every packet read or written starts with
 *        a virtio-net header of {@link TunDevice#vnetHeaderLength()} bytes, which lets one read carry
 *        a 64 KiB TCP segment
 * @param multiQueue true to request {@code IFF_MULTI_QUEUE}: opening the same name again attaches
 *        another queue, so several threads can read in parallel
 */
public record TunOptions(String name, int mtu, boolean vnetHeader, boolean multiQueue) {
    /**
     * Validates the fields.
     *
     * @param name the interface name, 1 to 15 characters, no {@code /}, {@code :} or white space
     * @param mtu the MTU to set, 68 to 65535
     * @param vnetHeader true to request {@code IFF_VNET_HDR}: every packet read or written starts with a
     *        virtio-net header of {@link TunDevice#vnetHeaderLength()} bytes, which lets one read carry a 64 KiB
     *        TCP segment
     * @param multiQueue true to request {@code IFF_MULTI_QUEUE}: opening the same name again attaches
     *        another queue, so several threads can read in parallel
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public TunOptions {
        InterfaceNames.requireValid("name", name);
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("mtu " + mtu + " is outside 68..65535");
        }
    }

    /**
     * A plain single-queue device without vnet header.
     *
     * @param name the interface name
     * @param mtu the MTU
     * @return the options
     */
    public static TunOptions of(String name, int mtu) {
        return new TunOptions(name, mtu, false, false);
    }
}
