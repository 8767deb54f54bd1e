package io.anyhome.api.ifs;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.path.Path;
import java.nio.ByteBuffer;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Interface Switching module's face: the virtual interface's read loop asks it for a
 * {@link Path} per packet, and the shell ({@code ifs:}) reads its state and pins or forbids
 * uplinks. Provided by ifs.
 *
 * <p>Pins and forbids are operator overrides held in memory until {@link #clear()} or a restart;
 * they apply on top of every policy's decision.
 */
@ProviderType
public interface InterfaceSwitch {
    /**
     * Chooses the path for one packet leaving the virtual interface. On the forwarding path:
     * allocation-free and lock-free (the flow is classified in place and the current decision
     * snapshot is read with one volatile read); safe to call from several reading threads.
     * Where the decision duplicates the packet's flow, the returned path sends a copy over each
     * of the two uplinks.
     *
     * @param packet an IPv6 (or IPv4) packet from its IP header, position..limit; read, not
     *        changed, position unchanged
     * @return the path, or null if no usable path exists (the caller counts the drop)
     */
    Path pathFor(ByteBuffer packet);

    /** @return the switch's current state */
    IfsStatusDTO status();

    /** @return every registered policy, the active one marked */
    List<PolicyDTO> policies();

    /**
     * Makes a policy the active one until another is selected or it goes away.
     *
     * @param name the policy's {@link InterfaceSelectionPolicy#POLICY_NAME_PROPERTY}
     * @throws AnyhomeException {@code NOT_FOUND} if no policy has that name
     */
    void selectPolicy(String name) throws AnyhomeException;

    /** @return the active flows and where they go */
    List<FlowDTO> flows();

    /**
     * Pins matching flows to an uplink, whatever the policy decides, while the uplink is usable.
     *
     * @param rule which flows ({@link FlowRule#any()} for all traffic)
     * @param uplink the uplink id
     * @throws AnyhomeException {@code NOT_FOUND} for an unknown uplink
     */
    void pin(FlowRule rule, String uplink) throws AnyhomeException;

    /**
     * Forbids an uplink: no decision may use it until {@link #clear()}.
     *
     * @param uplink the uplink id
     * @throws AnyhomeException {@code NOT_FOUND} for an unknown uplink, {@code CONFLICT} if it is
     *         the last usable uplink
     */
    void forbid(String uplink) throws AnyhomeException;

    /** Removes every pin and forbid; the policy's decision applies again. */
    void clear();

    /**
     * @param limit the most entries to return, positive
     * @return the latest handovers, newest first
     */
    List<HandoverDTO> handovers(int limit);

    /** @return every watched interface with its routers, prefixes and care-of address ({@code ra:list}) */
    List<AccessLinkDTO> accessLinks();
}
