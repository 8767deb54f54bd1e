package io.anyhome.api.platform;

import io.anyhome.api.IpPrefix;
import java.util.Objects;

/**
 * An interface address as rtnetlink reports it ({@code RTM_NEWADDR} / {@code RTM_DELADDR}),
 * with the duplicate address detection state that decides when a care-of address is usable.
 * Delivered to {@link NetworkListener#address(AddressEvent)}; used by ifs (movement detection,
 * care-of address selection) and mobility.
 *
 * @param change present or gone
 * @param index the interface index
 * @param address the address with its prefix length
 * @param scope the scope: {@link #SCOPE_GLOBAL}, {@link #SCOPE_LINK}, {@link #SCOPE_HOST}, ...
 * @param tentative DAD is still running ({@code IFA_F_TENTATIVE})
 * @param optimistic optimistic DAD: usable while tentative ({@code IFA_F_OPTIMISTIC}, RFC 4429)
 * @param dadFailed DAD found a duplicate ({@code IFA_F_DADFAILED}); never usable
 * @param deprecated the preferred lifetime has expired ({@code IFA_F_DEPRECATED}); not for new flows
 * @param permanent configured statically rather than learned ({@code IFA_F_PERMANENT})
 * @param preferredLifetimeMs remaining preferred lifetime in milliseconds, -1 for infinite
 * @param validLifetimeMs remaining valid lifetime in milliseconds, -1 for infinite
 * @param observedAt when the platform received the event, epoch milliseconds
 */
public record AddressEvent(Change change, int index, IpPrefix address, int scope, boolean tentative,
        boolean optimistic, boolean dadFailed, boolean deprecated, boolean permanent,
        long preferredLifetimeMs, long validLifetimeMs, long observedAt) {

    /** Global scope ({@code RT_SCOPE_UNIVERSE}). */
    public static final int SCOPE_GLOBAL = 0;
    /** Site scope ({@code RT_SCOPE_SITE}). */
    public static final int SCOPE_SITE = 200;
    /** Link scope ({@code RT_SCOPE_LINK}), e.g. {@code fe80::/10}. */
    public static final int SCOPE_LINK = 253;
    /** Host scope ({@code RT_SCOPE_HOST}), e.g. {@code ::1}. */
    public static final int SCOPE_HOST = 254;

    /**
     * Validates the fields.
     *
     * @param change present or gone
     * @param index the interface index
     * @param address the address with its prefix length
     * @param scope the scope: {@link #SCOPE_GLOBAL}, {@link #SCOPE_LINK}, {@link #SCOPE_HOST}, ...
     * @param tentative DAD is still running ({@code IFA_F_TENTATIVE})
     * @param optimistic optimistic DAD: usable while tentative ({@code IFA_F_OPTIMISTIC}, RFC 4429)
     * @param dadFailed DAD found a duplicate ({@code IFA_F_DADFAILED}); never usable
     * @param deprecated the preferred lifetime has expired ({@code IFA_F_DEPRECATED}); not for new flows
     * @param permanent configured statically rather than learned ({@code IFA_F_PERMANENT})
     * @param preferredLifetimeMs remaining preferred lifetime in milliseconds, -1 for infinite
     * @param validLifetimeMs remaining valid lifetime in milliseconds, -1 for infinite
     * @param observedAt when the platform received the event, epoch milliseconds
     * @throws IllegalArgumentException naming the field if a value is out of range
     */
    public AddressEvent {
        Objects.requireNonNull(change, "change");
        if (index <= 0) {
            throw new IllegalArgumentException("index " + index + " is not a positive interface index");
        }
        Objects.requireNonNull(address, "address");
        if (scope < 0 || scope > 255) {
            throw new IllegalArgumentException("scope " + scope + " is outside 0..255");
        }
        if (preferredLifetimeMs < -1 || validLifetimeMs < -1) {
            throw new IllegalArgumentException("lifetimes must be -1 (infinite) or non-negative, got preferredLifetimeMs "
                    + preferredLifetimeMs + " and validLifetimeMs " + validLifetimeMs);
        }
    }

    /**
     * @return true if the address may be used as a source now: present, not failed DAD, and either
     *         DAD finished or optimistic (deprecated addresses still serve existing flows)
     */
    public boolean isUsableAsSource() {
        return change == Change.NEW && !dadFailed && (!tentative || optimistic);
    }
}
