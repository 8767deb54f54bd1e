package io.anyhome.api.ifs;

import java.net.InetAddress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told by ifs when movement detection (RFC 6275 §11.5) sees an uplink reach a new access network,
 * lose its default router, or gain or lose a usable care-of address, so that mobility registers
 * or gives up a binding at once. A fast signal: registered as a service (whiteboard), called on
 * the thread that saw the change; must be quick and must not throw.
 */
@ConsumerType
public interface MovementListener {
    /**
     * A care-of address became usable: DAD passed, or optimistic DAD lets it be used already.
     *
     * @param uplink the uplink id
     * @param careOfAddress the address
     * @param atMillis when it became usable (the address event's time), epoch milliseconds
     */
    void careOfAddressUp(String uplink, InetAddress careOfAddress, long atMillis);

    /**
     * A care-of address stopped being usable: removed, DAD failed, its prefix expired, or the
     * uplink left the access network that gave it.
     *
     * @param uplink the uplink id
     * @param careOfAddress the address
     * @param atMillis when it was seen, epoch milliseconds
     * @param cause what was seen, e.g. {@code address removed}, {@code prefix expired}
     */
    void careOfAddressDown(String uplink, InetAddress careOfAddress, long atMillis, String cause);

    /**
     * Movement to another access network was detected on an uplink (a new on-link prefix, or the
     * default router lost: lifetime expired, advertisements missed, neighbour unreachable).
     *
     * @param uplink the uplink id
     * @param cause what was seen, e.g. {@code new on-link prefix 2001:db8:2::/64}
     * @param atMillis when it was seen, epoch milliseconds
     */
    void movementDetected(String uplink, String cause, long atMillis);
}
