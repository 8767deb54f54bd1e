package io.anyhome.mobility.internal;

import io.anyhome.api.path.Path;
import io.anyhome.api.path.PathState;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.UdpEndpoint;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * What {@link MobileNode} needs from the rest of the node: sockets from the platform, the Path
 * services and their listeners, the NIC registry, the virtual interface and the duplicate filter.
 * Implemented by {@link MobilityComponent} over OSGi services, and by tests.
 */
interface NodeServices {
    /** Opens the tunnel socket of an uplink: bound to its care-of address, port 0, the device. */
    UdpEndpoint openTunnelSocket(String uplink, InetAddress careOf) throws PlatformException;

    /** Registers a path (a tunnel, or the home link) as a service. */
    void publish(Path path);

    /** Unregisters a path's service. */
    void withdraw(Path path);

    /**
     * Opens the sockets of the home link on an uplink and adds the proxy neighbour entry for the
     * home address there.
     *
     * @param uplink the uplink on the home link
     * @param homeAddress the home address
     * @return the sockets; closing them removes the entry
     * @throws PlatformException if a socket cannot be opened or the entry added
     */
    HomeLink.Sockets openHomeLink(String uplink, java.net.Inet6Address homeAddress) throws PlatformException;

    /** Starts the home link's receive loops (threads running its signalling and neighbour loops); tests poll instead. */
    void startHomeLink(HomeLink link);

    /**
     * @param uplink an uplink
     * @return the on-link prefixes Router Advertisements announce on it now (movement detection's
     *     view), empty if none or unknown
     */
    java.util.List<io.anyhome.api.IpPrefix> onLinkPrefixes(String uplink);

    /** Starts the receive loop of a path (a thread running {@link TunnelPath#receiveLoop()}); tests poll instead. */
    void startReceiving(TunnelPath path);

    /** Tells every PathListener; on the caller's thread, quick. */
    void pathStateChanged(Path path, PathState previous, PathState current, long atEpochMillis);

    /** Reports probe metrics to the NIC registry. */
    void reportProbe(String uplink, Map<String, Double> metrics);

    /** @return the technology of an uplink (e.g. {@code wlan}), null if unknown */
    String technology(String uplink);

    /**
     * Hands a received inner packet to the virtual interface, after the duplicate filter.
     *
     * @return false if it was not delivered (duplicate, no VI, VI dropped it)
     */
    boolean deliver(ByteBuffer packet);

    /** One receive is handled: what {@link #deliver} may have held for merging goes out now. */
    default void flushDelivered() {
    }
}
