package io.anyhome.homeagent.internal;

import static io.anyhome.homeagent.internal.MobileNodeMessages.HA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HOA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.decode;
import static io.anyhome.homeagent.internal.MobileNodeMessages.option;
import static io.anyhome.homeagent.internal.MobileNodeMessages.v6;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.homeagent.BindingCacheEntryDTO;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.NatDetection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The home agent and IPv4 care-of addresses (RFC 5555): NAT detection by comparing the IPv4
 * Care-of Address option with the outer source, the refresh time it announces, the mapping it
 * records and forwards to, and the data rule (DESIGN, Security) for IPv4 outer headers: the
 * recorded address and port, inner source the home address.
 */
class NatTraversalTest {
    static final Inet4Address COA = v4("192.0.2.10");
    static final InetSocketAddress MAPPING = new InetSocketAddress(v4("198.51.100.1"), 61000);
    static final java.net.Inet6Address CN = v6("2001:db8:1::20");

    final AtomicLong now = new AtomicLong(BindingUpdateProcessorTest.T0);
    final BindingCache cache = new BindingCache();
    final HomeAgentCounters counters = new HomeAgentCounters();
    final HomeAgentConfiguration config = new HomeAgentConfiguration(HA, v4("198.51.100.2"),
            IpPrefix.parse("2001:db8:1::/64"), "eth0", 4191, 3600, Path.of("keys"), 7, "ha0", 1452, 10, 25);
    final BindingUpdateProcessor processor = new BindingUpdateProcessor(config,
            () -> NodeKeys.of(List.of(MobileNodeMessages.key())), cache, counters, BindingListener.NONE, now::get);
    final DataPathTest.FakeUdp udp6 = new DataPathTest.FakeUdp();
    final DataPathTest.FakeUdp udp4 = new DataPathTest.FakeUdp();
    final DataPathTest.FakeTun tun = new DataPathTest.FakeTun();
    final TunnelReceiveLoop fromNodes = new TunnelReceiveLoop(udp4, tun, processor, counters);
    final TunReadLoop toNodes = new TunReadLoop(tun, 1452, udp6, udp4, cache, counters);

    static Inet4Address v4(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private BindingAcknowledgement register(InetSocketAddress from) throws Exception {
        MobileNodeMessages.Bu bu = new MobileNodeMessages.Bu(now.get());
        bu.ipv4CareOf = COA;
        fromNodes.handle(bu.encode(), DataPathTest.metadata(from));
        assertThat(udp4.sent).as("an acknowledgement").hasSize(1);
        assertThat(udp4.destinations).containsExactly(from);
        BindingAcknowledgement ba = (BindingAcknowledgement) decode(udp4.sent.get(0), HOA);
        udp4.sent.clear();
        udp4.destinations.clear();
        return ba;
    }

    @Test
    void givenAnIpv4CareOfAddressFromANat_whenAccepted_thenTheAckCarriesNatDetectionWithTheConfiguredRefreshTime()
            throws Exception {
        BindingAcknowledgement ba = register(MAPPING);

        assertThat(ba.status().code()).isZero();
        assertThat(option(ba, NatDetection.class)).isEqualTo(new NatDetection(true, 25));
        Binding b = cache.find(HOA);
        assertThat(b.careOf()).isEqualTo(COA);
        assertThat(b.outer()).isEqualTo(MAPPING);
        assertThat(b.behindNat()).isTrue();
        BindingCacheEntryDTO dto = b.toDTO();
        assertThat(dto.careOfAddress).isEqualTo("192.0.2.10");
        assertThat(dto.natAddress).isEqualTo("198.51.100.1");
        assertThat(dto.natPort).isEqualTo(61000);
    }

    @Test
    void givenAnIpv4CareOfAddressWithoutNat_whenAccepted_thenNoNatDetectionAndNoMapping() throws Exception {
        InetSocketAddress direct = new InetSocketAddress(COA, 40000);

        BindingAcknowledgement ba = register(direct);

        assertThat(ba.status().code()).isZero();
        assertThat(option(ba, NatDetection.class)).isNull();
        assertThat(cache.find(HOA).behindNat()).isFalse();
        assertThat(cache.find(HOA).toDTO().natAddress).isNull();
        assertThat(cache.find(HOA).toDTO().natPort).isZero();
    }

    @Test
    void givenABindingBehindANat_whenDataComesThroughTheMapping_thenItIsForwardedAndAnswersGoBackToTheMapping()
            throws Exception {
        register(MAPPING);

        fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100), DataPathTest.metadata(MAPPING));
        toNodes.forward(MobileNodeMessages.data(CN, HOA, 100));

        assertThat(tun.written).hasSize(1);
        assertThat(udp4.destinations).as("to the mapping, over the IPv4 socket").containsExactly(MAPPING);
        assertThat(udp6.sent).isEmpty();
        assertThat(counters.toDTO().packetsFromMobileNodes).isEqualTo(1);
        assertThat(counters.toDTO().packetsToMobileNodes).isEqualTo(1);
    }

    @Test
    void givenABindingBehindANat_whenDataComesFromAnotherPortTheCareOfAddressOrWithAnotherInnerSource_thenDropped()
            throws Exception {
        register(MAPPING);

        fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100),
                DataPathTest.metadata(new InetSocketAddress(MAPPING.getAddress(), 61001)));
        fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100),
                DataPathTest.metadata(new InetSocketAddress(COA, 61000)));
        fromNodes.handle(MobileNodeMessages.data(v6("2001:db8:1::77"), CN, 100), DataPathTest.metadata(MAPPING));

        assertThat(tun.written).isEmpty();
        assertThat(counters.drops(HomeAgentCounters.WRONG_CARE_OF_ADDRESS)).isEqualTo(2);
        assertThat(counters.drops(HomeAgentCounters.NO_BINDING)).isEqualTo(1);
    }

    @Test
    void givenABindingBehindANat_whenTheMappingChanges_thenTheRefreshRecordsTheNewOneAndTheOldIsRefused()
            throws Exception {
        register(MAPPING);
        InetSocketAddress rebound = new InetSocketAddress(MAPPING.getAddress(), 62000);
        now.addAndGet(1000);

        MobileNodeMessages.Bu refresh = new MobileNodeMessages.Bu(now.get());
        refresh.ipv4CareOf = COA;
        refresh.sequence = 2;
        fromNodes.handle(refresh.encode(), DataPathTest.metadata(rebound));
        fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100), DataPathTest.metadata(MAPPING));
        fromNodes.handle(MobileNodeMessages.data(HOA, CN, 100), DataPathTest.metadata(rebound));

        assertThat(cache.find(HOA).outer()).isEqualTo(rebound);
        assertThat(tun.written).hasSize(1);
        assertThat(counters.drops(HomeAgentCounters.WRONG_CARE_OF_ADDRESS)).isEqualTo(1);
    }

    @Test
    void givenAHeartbeatThroughTheMapping_whenReceived_thenTheAnswerGoesBackThroughIt() throws Exception {
        register(MAPPING);

        fromNodes.handle(MobileNodeMessages.heartbeat(HOA, 7), DataPathTest.metadata(MAPPING));

        assertThat(udp4.destinations).containsExactly(MAPPING);
    }

    @Test
    void givenTheConfigurationKey_whenRead_thenTheRefreshTimeIsTakenAndBadValuesAreRefusedNamingTheKey() {
        java.util.Map<String, Object> props = new java.util.HashMap<>(java.util.Map.of("homePrefix", "2001:db8:1::/64",
                "address", "2001:db8:1::1", "homeLink", "eth0"));
        assertThat(HomeAgentConfiguration.from(props, Path.of("etc")).natRefreshSeconds()).isEqualTo(20);
        props.put("natRefreshSeconds", "110");
        assertThat(HomeAgentConfiguration.from(props, Path.of("etc")).natRefreshSeconds()).isEqualTo(110);
        props.put("natRefreshSeconds", "0");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> HomeAgentConfiguration.from(props, Path.of("etc")))
                .withMessageContaining("etc/io.anyhome.homeagent.cfg").withMessageContaining("natRefreshSeconds");
    }
}
