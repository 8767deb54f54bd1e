package io.anyhome.api.platform;

import java.util.Objects;

/**
 * A link as rtnetlink reports it ({@code RTM_NEWLINK} / {@code RTM_DELLINK}). Delivered to
 * {@link NetworkListener#link(LinkEvent)} by the {@link Platform}; used by the NIC registry and
 * drivers to detect link loss within milliseconds, without polling.
 *
 * @param change present or gone
 * @param index the interface index, positive
 * @param name the interface name
 * @param flags the {@code IFF_*} flags ({@link #IFF_UP}, {@link #IFF_RUNNING}, ...)
 * @param carrier true if the carrier is up ({@code IFLA_CARRIER})
 * @param operState the operational state
 * @param mtu the MTU, 0 if unknown
 * @param kind the link kind ({@code IFLA_INFO_KIND}: {@code veth}, {@code tun}, ...), empty if none
 * @param linkLayerAddress the hardware address as lower-case {@code aa:bb:...}, empty if none
 * @param observedAt when the platform received the event, epoch milliseconds
 */
public record LinkEvent(Change change, int index, String name, int flags, boolean carrier,
        OperState operState, int mtu, String kind, String linkLayerAddress, long observedAt) {

    /** Interface is administratively up. */
    public static final int IFF_UP = 0x1;
    /** Loopback interface. */
    public static final int IFF_LOOPBACK = 0x8;
    /** Point-to-point link. */
    public static final int IFF_POINTOPOINT = 0x10;
    /** Resources allocated, operationally up (RFC 2863 "up"). */
    public static final int IFF_RUNNING = 0x40;
    /** No ARP / neighbour discovery. */
    public static final int IFF_NOARP = 0x80;
    /** The driver signals the lower layer is up (carrier). */
    public static final int IFF_LOWER_UP = 0x10000;
    /** The driver signals dormant. */
    public static final int IFF_DORMANT = 0x20000;

    /**
     * Validates the fields.
     *
     * @param change present or gone
     * @param index the interface index, positive
     * @param name the interface name
     * @param flags the {@code IFF_*} flags ({@link #IFF_UP}, {@link #IFF_RUNNING}, ...)
     * @param carrier true if the carrier is up ({@code IFLA_CARRIER})
     * @param operState the operational state
     * @param mtu the MTU, 0 if unknown
     * @param kind the link kind ({@code IFLA_INFO_KIND}: {@code veth}, {@code tun}, ...), empty if none
     * @param linkLayerAddress the hardware address as lower-case {@code aa:bb:...}, empty if none
     * @param observedAt when the platform received the event, epoch milliseconds
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public LinkEvent {
        Objects.requireNonNull(change, "change");
        if (index <= 0) {
            throw new IllegalArgumentException("index " + index + " is not a positive interface index");
        }
        InterfaceNames.requireValid("name", name);
        Objects.requireNonNull(operState, "operState");
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu " + mtu + " is negative");
        }
        kind = kind == null ? "" : kind;
        linkLayerAddress = linkLayerAddress == null ? "" : linkLayerAddress;
    }

    /** @return true if the interface is administratively up */
    public boolean isAdminUp() {
        return (flags & IFF_UP) != 0;
    }

    /**
     * @return true if the link can carry traffic: present, administratively up, carrier up and
     *         operationally up (or unknown, as many virtual links report)
     */
    public boolean canCarryTraffic() {
        return change == Change.NEW && isAdminUp() && carrier
                && (operState == OperState.UP || operState == OperState.UNKNOWN);
    }
}
