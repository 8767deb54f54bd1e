package io.anyhome.api.ifs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told at once when an uplink comes up or goes down (from the NIC registry's merged view: driver
 * reports, link events, overrides), so that mobility can register a binding or give up a path
 * without waiting. A fast signal: registered as a service (whiteboard), called by ifs on the
 * thread that saw the change; must be quick and must not throw.
 */
@ConsumerType
public interface UplinkListener {
    /**
     * @param uplink the uplink id
     * @param atMillis when the change was seen (the link event's time), epoch milliseconds
     */
    void uplinkUp(String uplink, long atMillis);

    /**
     * @param uplink the uplink id
     * @param atMillis when the change was seen, epoch milliseconds
     * @param cause what was seen, e.g. {@code carrier lost}, {@code override state=DOWN}
     */
    void uplinkDown(String uplink, long atMillis, String cause);
}
