package io.anyhome.api.nic;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A granted claim on one interface, returned by {@link NicRegistry#claim(NicDriver, String)}:
 * the driver reports state and metrics through it. Implemented by the registry (ifs).
 *
 * <p>Reports on a released handle are ignored. Reporting is cheap and thread-safe; a state
 * change reaches the interface switch on the reporting thread (it may switch traffic).
 */
@ProviderType
public interface NicHandle extends AutoCloseable {
    /** @return the interface name */
    String interfaceName();

    /** @return the interface index */
    int interfaceIndex();

    /**
     * @param state the interface's state
     * @param carrier whether the carrier is up
     */
    void reportState(NicState state, boolean carrier);

    /**
     * Sets the given metrics, all at once; other metrics keep their values.
     *
     * @param metrics keys ({@link NicMetrics} or the driver's own) and values
     * @throws IllegalArgumentException naming a key that is not well formed or a value that is not finite
     */
    void reportMetrics(Map<String, Double> metrics);

    /** @param key a metric that is no longer known */
    void removeMetric(String key);

    /**
     * Sets descriptive values that are not numbers (a WLAN's {@code ssid} and {@code bssid}, a
     * modem's {@code operator}, an Ethernet link's {@code duplex}), all at once, shown in
     * {@link NicDTO#info}; a null value removes its key, other keys keep their values.
     *
     * @param info keys (well formed as metric keys) and values
     * @throws IllegalArgumentException naming a key that is not well formed
     */
    void reportInfo(Map<String, String> info);

    /**
     * @param failure what is wrong with the interface (for {@code NicDTO.failure}), or null when it
     *        recovered
     */
    void reportFailure(String failure);

    /** @return false once the claim has been released by either side */
    boolean isValid();

    /** Releases the claim; the interface is offered to drivers again. Idempotent. */
    @Override
    void close();
}
