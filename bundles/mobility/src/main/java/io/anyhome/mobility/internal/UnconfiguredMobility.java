package io.anyhome.mobility.internal;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.MobilityService;
import io.anyhome.api.mobility.MobilityStatisticsDTO;
import io.anyhome.api.mobility.MobilityStatusDTO;
import io.anyhome.api.path.Encapsulation;
import java.util.List;
import java.util.Map;

/**
 * The {@link MobilityService} of a mobile node whose {@code etc/io.anyhome.mobility.cfg} names no
 * home agent: it keeps no bindings and says why in {@link MobilityStatusDTO#failure}, so that the
 * rest of the node (home0, interface switching) runs and {@code mip:status} tells the operator
 * what is missing.
 */
final class UnconfiguredMobility implements MobilityService {
    static final String WHY = "no home agent configured: set homeAgent and key (or keyFile) in "
            + MobilityConfiguration.FILE;

    private final String role;
    private final String homeAddress;
    private final String homePrefix;

    UnconfiguredMobility(Map<String, ?> props) {
        this.role = ConfigText.text(props, ConfigurationPids.NODE_ROLE, null);
        this.homeAddress = ConfigText.text(props, ConfigurationPids.NODE_HOME_ADDRESS, null);
        this.homePrefix = ConfigText.text(props, ConfigurationPids.NODE_HOME_PREFIX, null);
    }

    @Override
    public List<BindingDTO> bindings() {
        return List.of();
    }

    @Override
    public void register(String uplink) throws AnyhomeException {
        throw new AnyhomeException(AnyhomeException.Code.UNAVAILABLE, WHY);
    }

    @Override
    public void deregister(String uplink) throws AnyhomeException {
        throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no binding: " + WHY);
    }

    @Override
    public MobilityStatusDTO status() {
        MobilityStatusDTO d = new MobilityStatusDTO();
        d.role = role;
        d.homeAddress = homeAddress;
        d.homePrefix = homePrefix;
        d.homeAgentAddress = null;
        d.encapsulation = Encapsulation.UDP;
        d.mobileNetworkPrefixes = List.of();
        d.failure = WHY;
        return d;
    }

    @Override
    public MobilityStatisticsDTO statistics() {
        MobilityStatisticsDTO d = new MobilityStatisticsDTO();
        d.bindingAcksByStatus = Map.of();
        d.drops = Map.of();
        return d;
    }
}
