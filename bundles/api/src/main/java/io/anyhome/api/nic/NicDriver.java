package io.anyhome.api.nic;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A NIC driver: recognises interfaces of its technology, claims them from the {@link NicRegistry},
 * and reports their state and metrics through the {@link NicHandle} it gets back. Implemented by
 * {@code nic-ethernet}, {@code nic-wlan}, {@code nic-cellular} and vendors' bundles, registered as
 * a service (whiteboard); the registry (in ifs) tracks drivers dynamically, so installing or
 * removing a driver takes effect at once.
 *
 * <p>Link loss should be reported from rtnetlink events ({@code Platform.monitor}), within
 * milliseconds, not by polling. Callbacks come on the registry's thread and must be quick.
 */
@ConsumerType
public interface NicDriver {
    /** @return the driver's name, unique among drivers, shown as the owner of its interfaces */
    String name();

    /** @return the technology of the interfaces this driver claims */
    Technology technology();

    /**
     * The registry offers an interface no driver owns: called for each such interface when the
     * driver arrives and whenever one appears or is released. A driver that recognises the
     * interface claims it with {@link NicRegistry#claim(NicDriver, String)}; one that does not
     * returns without doing anything.
     *
     * @param candidate the interface and what the system says about it
     */
    void offered(NicCandidate candidate);

    /**
     * The registry has ended one of this driver's claims (the interface disappeared, an operator
     * released it, or the registry is stopping). The handle is dead: stop reporting for it.
     *
     * @param handle the ended claim
     * @param reason why, for the log
     */
    void released(NicHandle handle, String reason);
}
