package io.anyhome.platform.sim;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.LinkDetails;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.LinkStatistics;
import io.anyhome.api.platform.OperState;
import io.anyhome.api.platform.WirelessStation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A network interface of an emulated node or router: index, name, MTU, link-layer address,
 * administrative state, carrier (that of the {@link SimLink} it is attached to; a TUN device's
 * while it is open), addresses, the counters of what it sent and received (IP packets, no link-layer
 * overhead; from zero when the interface is made), and what {@code Platform.linkDetails} and
 * {@code Platform.wirelessStation} report about it, which tests set here.
 *
 * <p>Created by {@link SimPlatform#addInterface(String, SimLink)},
 * {@link SimPlatform#openTun} and {@link SimRouter#attach(SimLink, RaConfig)}. A test moves a node
 * to another access network with {@link #attach(SimLink)}.
 */
public final class SimInterface {
    private final SimNetwork network;
    private final Stack stack;
    private final int index;
    private final String name;
    private final String kind;
    private final byte[] mac;
    final List<SimAddress> addresses = new ArrayList<>();
    final List<byte[]> proxies = new ArrayList<>();
    private SimLink link;
    private boolean adminUp = true;
    private boolean tunOpen;
    private int mtu;
    private String devType = "";
    private boolean wireless;
    private WirelessStation station;
    private boolean stableRandomInterfaceId;
    private byte[] randomInterfaceId;
    private long rxBytes;
    private long txBytes;
    private long rxPackets;
    private long txPackets;

    SimInterface(SimNetwork network, Stack stack, int index, String name, String kind, int mtu) {
        this.network = network;
        this.stack = stack;
        this.index = index;
        this.name = name;
        this.kind = kind;
        this.mtu = mtu;
        this.mac = kind.equals("tun") ? new byte[0] : network.nextMac();
    }

    /** @return the interface name */
    public String name() {
        return name;
    }

    /** @return the interface index, unique within its node */
    public int index() {
        return index;
    }

    /** @return the link kind: empty for an uplink, {@code tun} for a TUN device */
    public String kind() {
        return kind;
    }

    /** @return the link-layer address as {@code aa:bb:...}, empty for a TUN device */
    public String linkLayerAddress() {
        return Addresses.mac(mac);
    }

    /** @return the MTU */
    public int mtu() {
        synchronized (network.clock()) {
            return mtu;
        }
    }

    /** @return the link this interface is attached to, if any */
    public Optional<SimLink> link() {
        synchronized (network.clock()) {
            return Optional.ofNullable(link);
        }
    }

    /** @return true if the lower layer is up: the attached link's carrier, or an open TUN device */
    public boolean carrier() {
        synchronized (network.clock()) {
            return kind.equals("tun") ? tunOpen : link != null && link.carrier();
        }
    }

    /** @return true if administratively up */
    public boolean adminUp() {
        synchronized (network.clock()) {
            return adminUp;
        }
    }

    /** @return the addresses with their prefix lengths, in the order they were added */
    public List<IpPrefix> addresses() {
        synchronized (network.clock()) {
            return addresses.stream().map(a -> a.prefix).toList();
        }
    }

    /**
     * Moves the interface to another link (or off every link with null): the carrier follows the
     * new link's, and the node reports the change.
     *
     * @param newLink the link, or null
     * @return this interface
     */
    public SimInterface attach(SimLink newLink) {
        synchronized (network.clock()) {
            if (link != null) {
                SimLink old = link;
                link = null;
                old.detach(this);
            }
            link = newLink;
            if (newLink != null) {
                newLink.attach(this);
            } else {
                lowerLayerChanged();
            }
        }
        return this;
    }

    /**
     * @param type what {@code linkDetails} reports as the sysfs {@code DEVTYPE} ({@code wlan}, {@code wwan}, ...)
     * @param isWireless whether {@code linkDetails} reports a wireless device
     * @return this interface
     */
    public SimInterface details(String type, boolean isWireless) {
        synchronized (network.clock()) {
            this.devType = type == null ? "" : type;
            this.wireless = isWireless;
        }
        return this;
    }

    /**
     * Sets what {@code wirelessStation} reports (an association), or clears it with null.
     *
     * @param ssid the network name
     * @param bssid the access point, lower-case {@code aa:bb:cc:dd:ee:ff}
     * @param signalDbm the signal in dBm
     * @param frequencyMhz the channel frequency
     * @return this interface
     */
    public SimInterface station(String ssid, String bssid, int signalDbm, int frequencyMhz) {
        synchronized (network.clock()) {
            this.station = ssid == null ? null : new WirelessStation(ssid, bssid, signalDbm, frequencyMhz, 0);
        }
        return this;
    }

    /**
     * @param on true to form SLAAC addresses with a random interface identifier drawn once from the
     *     network's seeded random source (stable for this interface), false for modified EUI-64
     * @return this interface
     */
    public SimInterface stableRandomInterfaceId(boolean on) {
        synchronized (network.clock()) {
            this.stableRandomInterfaceId = on;
        }
        return this;
    }

    /** @return what {@code Platform.linkStatistics} reports: the packets this interface sent and received */
    public LinkStatistics statistics() {
        synchronized (network.clock()) {
            return new LinkStatistics(rxBytes, txBytes, rxPackets, txPackets);
        }
    }

    /**
     * Sets the counters back to zero, as when the kernel recreates the interface (a modem that
     * reconnects).
     *
     * @return this interface
     */
    public SimInterface resetStatistics() {
        synchronized (network.clock()) {
            rxBytes = 0;
            txBytes = 0;
            rxPackets = 0;
            txPackets = 0;
        }
        return this;
    }

    void countReceived(int length) {
        rxBytes += length;
        rxPackets++;
    }

    void countSent(int length) {
        txBytes += length;
        txPackets++;
    }

    LinkDetails details() {
        return new LinkDetails(devType, wireless);
    }

    Optional<WirelessStation> station(long now) {
        if (station == null) {
            return Optional.empty();
        }
        return Optional.of(new WirelessStation(station.ssid(), station.bssid(), station.signalDbm(),
                station.frequencyMhz(), now));
    }

    byte[] macBytes() {
        return mac;
    }

    byte[] interfaceId() {
        if (!stableRandomInterfaceId || mac.length == 0) {
            return Addresses.eui64(mac.length == 6 ? mac : new byte[6]);
        }
        if (randomInterfaceId == null) {
            randomInterfaceId = new byte[8];
            network.random().nextBytes(randomInterfaceId);
            randomInterfaceId[0] &= (byte) 0xfd; // universal/local bit clear: not derived from a MAC
        }
        return randomInterfaceId;
    }

    boolean isUp() {
        return adminUp;
    }

    boolean isRunning() {
        return adminUp && carrier();
    }

    void setAdminUp(boolean up) {
        adminUp = up;
    }

    void setMtu(int newMtu) {
        mtu = newMtu;
    }

    void setTunOpen(boolean open) {
        if (tunOpen != open) {
            tunOpen = open;
            lowerLayerChanged();
        }
    }

    int flags() {
        int f = adminUp ? LinkEvent.IFF_UP : 0;
        if (adminUp && carrier()) {
            f |= LinkEvent.IFF_RUNNING | LinkEvent.IFF_LOWER_UP;
        }
        if (kind.equals("tun")) {
            f |= LinkEvent.IFF_POINTOPOINT | LinkEvent.IFF_NOARP;
        }
        return f;
    }

    OperState operState() {
        if (!adminUp) {
            return OperState.DOWN;
        }
        if (kind.equals("tun")) {
            return tunOpen ? OperState.UNKNOWN : OperState.DOWN;
        }
        return carrier() ? OperState.UP : OperState.LOWER_LAYER_DOWN;
    }

    SimAddress address(byte[] bytes) {
        for (SimAddress a : addresses) {
            if (Arrays.equals(a.bytes, bytes)) {
                return a;
            }
        }
        return null;
    }

    boolean answersFor(byte[] address) {
        if (!adminUp) {
            return false;
        }
        SimAddress a = address(address);
        if (a != null) {
            return a.usableAsSource();
        }
        return stack.answersProxy(this, address);
    }

    void lowerLayerChanged() {
        stack.linkChanged(this);
    }

    void receive(byte[] packet) {
        if (adminUp) {
            countReceived(packet.length);
            stack.receive(this, packet);
        }
    }

    /** Sends a packet onto the attached link; dropped when down or not attached. */
    boolean transmit(byte[] packet, byte[] nextHop) {
        if (!adminUp || link == null) {
            return false;
        }
        if (link.carrier()) {
            countSent(packet.length);
        }
        link.send(this, packet, nextHop);
        return true;
    }
}
