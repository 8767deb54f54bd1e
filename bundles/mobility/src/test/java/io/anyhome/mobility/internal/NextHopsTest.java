package io.anyhome.mobility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.Change;
import io.anyhome.api.platform.NeighbourEvent;
import io.anyhome.api.platform.NeighbourState;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The next hop's link-layer address on the home link, from the uplink's neighbour cache. */
class NextHopsTest {
    private static final int UPLINK = 4;
    private static final String ROUTER_MAC = "02:00:00:00:00:01";
    private static final String HOST_MAC = "02:00:00:00:00:99";
    private final NextHops hops = new NextHops(UPLINK, IpPrefix.parse("2001:db8:1::/64"));

    private static NeighbourEvent event(Change change, String address, String mac, NeighbourState state,
            boolean router, boolean proxy, int index) throws Exception {
        return new NeighbourEvent(change, index, InetAddress.getByName(address), mac, state, router, proxy, 0);
    }

    private static NeighbourEvent entry(String address, String mac, boolean router) throws Exception {
        return event(Change.NEW, address, mac, NeighbourState.REACHABLE, router, false, UPLINK);
    }

    /** An IPv6 header (and nothing else) to {@code destination}, at offset 8 of a buffer in the given order. */
    private static ByteBuffer packetTo(String destination, ByteOrder order) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(48).order(order);
        byte[] d = InetAddress.getByName(destination).getAddress();
        for (int i = 0; i < 16; i++) {
            b.put(8 + 24 + i, d[i]);
        }
        return b;
    }

    private String nextHop(String destination) throws Exception {
        byte[] mac = hops.forDestination(packetTo(destination, ByteOrder.BIG_ENDIAN), 8);
        return mac == null ? null : HexFormat.ofDelimiter(":").formatHex(mac);
    }

    @Test
    void givenARouterAndAHostOnTheLink_whenDestinationsAreLookedUp_thenOffLinkGoesToTheRouterAndOnLinkToItsOwnEntry()
            throws Exception {
        hops.neighbour(entry("fe80::1", ROUTER_MAC, true));
        hops.neighbour(entry("2001:db8:1::99", HOST_MAC, false));

        assertThat(nextHop("2001:db8:e::2")).as("off the link: the router").isEqualTo(ROUTER_MAC);
        assertThat(nextHop("2001:db8:1::99")).as("on the link with an entry").isEqualTo(HOST_MAC);
        assertThat(nextHop("2001:db8:1::42")).as("on the link, not resolved yet: the kernel resolves it").isNull();
        assertThat(nextHop("fe80::99")).as("link-local without an entry").isNull();
        assertThat(nextHop("ff02::1")).as("multicast").isNull();
        assertThat(hops.forDestination(packetTo("2001:db8:e::2", ByteOrder.LITTLE_ENDIAN), 8))
                .as("whatever the buffer's byte order").isEqualTo(HexFormat.ofDelimiter(":").parseHex(ROUTER_MAC));
    }

    @Test
    void givenEntriesThatFailOrGo_whenLookedUp_thenNothingIsGuessed() throws Exception {
        hops.neighbour(entry("fe80::1", ROUTER_MAC, true));
        hops.neighbour(entry("2001:db8:1::99", HOST_MAC, false));

        hops.neighbour(event(Change.NEW, "2001:db8:1::99", HOST_MAC, NeighbourState.FAILED, false, false, UPLINK));
        hops.neighbour(event(Change.DELETED, "fe80::1", ROUTER_MAC, NeighbourState.STALE, true, false, UPLINK));

        assertThat(nextHop("2001:db8:1::99")).isNull();
        assertThat(nextHop("2001:db8:e::2")).as("no router left").isNull();
    }

    @Test
    void givenEntriesOfAnotherInterfaceOrProxies_whenLookedUp_thenTheyAreNotTaken() throws Exception {
        hops.neighbour(event(Change.NEW, "fe80::1", ROUTER_MAC, NeighbourState.REACHABLE, true, false, UPLINK + 1));
        hops.neighbour(event(Change.NEW, "2001:db8:1::99", "", NeighbourState.NONE, false, true, UPLINK));
        hops.neighbour(event(Change.NEW, "2001:db8:1::98", "", NeighbourState.INCOMPLETE, false, false, UPLINK));

        assertThat(nextHop("2001:db8:e::2")).isNull();
        assertThat(nextHop("2001:db8:1::99")).isNull();
        assertThat(nextHop("2001:db8:1::98")).isNull();
    }

    @Test
    void givenARouterThatStopsBeingOne_whenLookedUp_thenOffLinkHasNoNextHop() throws Exception {
        hops.neighbour(entry("fe80::1", ROUTER_MAC, true));
        hops.neighbour(entry("fe80::1", ROUTER_MAC, false));

        assertThat(nextHop("2001:db8:e::2")).isNull();
        assertThat(nextHop("fe80::1")).as("still a neighbour").isEqualTo(ROUTER_MAC);
    }
}
