package io.anyhome.ifs.internal.ra;

import io.anyhome.api.AddressText;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.AddressEvent;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.LinkEvent;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NeighbourState;
import io.anyhome.api.platform.OperState;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Router Advertisements and platform events as the movement tests feed them. */
final class Advertisements {
    static final InetAddress ROUTER_A = AddressText.parse("fe80::a");
    static final InetAddress ROUTER_B = AddressText.parse("fe80::b");
    static final long DAY_SECONDS = 86_400;

    private Advertisements() {
    }

    /**
     * @param lifetimeSeconds the Router Lifetime
     * @param intervalMs the Advertisement Interval option's value, -1 for none
     * @param prefixes on-link, autonomous prefixes with a valid lifetime of a day
     * @return the advertisement
     */
    static RouterAdvertisement ra(int lifetimeSeconds, long intervalMs, String... prefixes) {
        List<NdOption> options = new ArrayList<>();
        for (String p : prefixes) {
            options.add(pio(p, DAY_SECONDS, DAY_SECONDS / 2));
        }
        if (intervalMs >= 0) {
            options.add(new NdOption.AdvertisementInterval(intervalMs));
        }
        return new RouterAdvertisement(64, 0, lifetimeSeconds, 0, 0, options);
    }

    static NdOption.PrefixInformation pio(String prefix, long validSeconds, long preferredSeconds) {
        IpPrefix p = IpPrefix.parse(prefix);
        return new NdOption.PrefixInformation(p.length(), NdOption.PrefixInformation.FLAG_ON_LINK
                | NdOption.PrefixInformation.FLAG_AUTONOMOUS, validSeconds, preferredSeconds,
                (Inet6Address) p.address());
    }

    /** @return the advertisement as the ICMPv6 message bytes (checksum left 0), position 0, limit its length */
    static ByteBuffer bytes(RouterAdvertisement ra) {
        ByteBuffer b = ByteBuffer.allocate(Icmpv6.HEADER_LENGTH + ra.bodyLength());
        Icmpv6.encodeWithoutChecksum(b, ra);
        return b.flip();
    }

    static AddressEvent address(int index, String address, boolean tentative, boolean optimistic, boolean dadFailed,
            long at) {
        return new AddressEvent(Change.NEW, index, IpPrefix.parse(address), AddressEvent.SCOPE_GLOBAL, tentative,
                optimistic, dadFailed, false, false, -1, -1, at);
    }

    static AddressEvent removed(int index, String address, long at) {
        return new AddressEvent(Change.DELETED, index, IpPrefix.parse(address), AddressEvent.SCOPE_GLOBAL, false,
                false, false, false, false, -1, -1, at);
    }

    static NeighbourEvent neighbour(int index, InetAddress address, NeighbourState state, long at) {
        return new NeighbourEvent(Change.NEW, index, address, "02:00:00:00:00:0a", state, true, false, at);
    }

    static LinkEvent link(int index, String name) {
        return new LinkEvent(Change.NEW, index, name, LinkEvent.IFF_UP | LinkEvent.IFF_RUNNING, true, OperState.UP,
                1500, "veth", "02:00:00:00:00:01", 0);
    }
}
