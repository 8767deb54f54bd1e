package io.anyhome.api.homeagent;

import io.anyhome.api.AnyhomeException;
import java.net.InetAddress;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The home agent: accepts Binding Updates, keeps the binding cache, publishes home addresses with
 * proxy ND, and tunnels to care-of addresses. Provided by homeagent; used by the shell
 * ({@code ha:}) and tests.
 */
@ProviderType
public interface HomeAgent {
    /** @return a snapshot of the binding cache, one entry per (home address, BID) */
    List<BindingCacheEntryDTO> bindingCache();

    /** @return the counters since start */
    HomeAgentStatisticsDTO statistics();

    /**
     * Removes every binding of a home address, as if the mobile node had deregistered: proxy ND
     * and routes for it stop. For operators.
     *
     * @param homeAddress the home address
     * @return the number of binding cache entries removed
     * @throws AnyhomeException {@code NOT_FOUND} if the address has no binding
     */
    int deregister(InetAddress homeAddress) throws AnyhomeException;
}
