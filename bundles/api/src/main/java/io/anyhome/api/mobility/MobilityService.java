package io.anyhome.api.mobility;

import io.anyhome.api.AnyhomeException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Mobile IPv6 / NEMO on a mobile node or mobile router: keeps bindings at the home agent for the
 * uplinks interface switching uses. Provided by mobility; used by the shell ({@code mip:}) and
 * tests. Registration normally follows the interface switch's decisions; {@link #register} and
 * {@link #deregister} let an operator act directly.
 */
@ProviderType
public interface MobilityService {
    /** @return a snapshot of the binding update list, one entry per uplink (and BID) */
    List<BindingDTO> bindings();

    /**
     * Registers (or refreshes) a binding through an uplink now, without waiting for the lifetime
     * to run down. Returns once the Binding Update is sent; the outcome appears in
     * {@link #bindings()}.
     *
     * @param uplink the uplink id
     * @throws AnyhomeException {@code NOT_FOUND} for an unknown uplink, {@code UNAVAILABLE} if it
     *         has no usable care-of address
     */
    void register(String uplink) throws AnyhomeException;

    /**
     * Deregisters the binding through an uplink (Binding Update with lifetime 0).
     *
     * @param uplink the uplink id
     * @throws AnyhomeException {@code NOT_FOUND} if there is no binding through the uplink
     */
    void deregister(String uplink) throws AnyhomeException;

    /** @return the current status */
    MobilityStatusDTO status();

    /** @return the counters since start */
    MobilityStatisticsDTO statistics();
}
