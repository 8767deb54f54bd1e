package io.anyhome.api.nic;

import io.anyhome.api.AnyhomeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The owner of the merged view of every NIC: which driver claimed it, its state, the metrics its
 * driver reports, the path-probe metrics mobility reports, and shell overrides (which win and are
 * marked as such). Implemented by ifs; used by NIC drivers, mobility and the shell ({@code nic:}).
 *
 * <p>The first claim on an interface wins; later claims fail with a {@link NicClaimException}
 * naming the owner. An interface's name is also its uplink id in interface switching.
 */
@ProviderType
public interface NicRegistry {
    /**
     * Claims an interface for a driver.
     *
     * @param driver the claiming driver
     * @param interfaceName the interface
     * @return the handle to report through
     * @throws NicClaimException if another driver owns the interface or it does not exist
     */
    NicHandle claim(NicDriver driver, String interfaceName) throws NicClaimException;

    /**
     * Reports what probing the path over an interface measured ({@link NicMetrics#RTT_MS},
     * {@link NicMetrics#LOSS_RATIO}, {@link NicMetrics#JITTER_MS}); these merge with the driver's
     * metrics. Used by mobility.
     *
     * @param interfaceName the interface
     * @param metrics the measured values
     * @throws AnyhomeException with code {@code NOT_FOUND} if the registry does not know the interface
     */
    void reportProbe(String interfaceName, Map<String, Double> metrics) throws AnyhomeException;

    /** @return a snapshot of every known interface, claimed or not, sorted by name */
    List<NicDTO> list();

    /**
     * @param interfaceName an interface
     * @return its snapshot, if known
     */
    Optional<NicDTO> show(String interfaceName);

    /**
     * Sets an operator override: a metric key with a numeric value (or {@code true}/{@code false}
     * for {@link NicMetrics#METERED}), or {@link NicMetrics#STATE_OVERRIDE} with a {@link NicState}
     * name. Overrides win over reported values until cleared.
     *
     * @param interfaceName the interface
     * @param key the key
     * @param value the value as text
     * @throws AnyhomeException with code {@code INVALID_ARGUMENT} naming the key or value, or
     *         {@code NOT_FOUND} for an unknown interface
     */
    void setOverride(String interfaceName, String key, String value) throws AnyhomeException;

    /**
     * Clears one override.
     *
     * @param interfaceName the interface
     * @param key the key
     * @return true if there was such an override
     */
    boolean clearOverride(String interfaceName, String key);
}
