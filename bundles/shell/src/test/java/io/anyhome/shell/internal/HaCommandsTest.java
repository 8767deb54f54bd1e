package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.homeagent.BindingCacheEntryDTO;
import io.anyhome.api.homeagent.HomeAgent;
import io.anyhome.api.homeagent.HomeAgentStatisticsDTO;
import io.anyhome.api.path.Encapsulation;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HaCommandsTest {
    static final long NOW = 1_795_687_200_000L;

    final FakeHomeAgent ha = new FakeHomeAgent();
    final HaCommands commands = new HaCommands(ha, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @Test
    void givenNoHomeAgent_whenAnyCommandRuns_thenItFailsSayingWhatRunsOne() {
        HaCommands none = new HaCommands();

        assertThatIllegalStateException().isThrownBy(() -> none.bc(false))
                .withMessageContaining("no home agent runs on this node").withMessageContaining("role=ha");
        assertThatIllegalStateException().isThrownBy(() -> none.stats(true));
        assertThatIllegalStateException().isThrownBy(() -> none.deregister(false, "2001:db8:1::10"));
    }

    @Test
    void givenTwoBindings_whenListed_thenATableShowsNatAndTimeLeft() {
        assertThat(((String) commands.bc(false)).lines()).containsExactly(
                "HOMEADDRESS     CAREOFADDRESS  NAT                SEQUENCE  FLAGS  LIFETIMESECONDS  EXPIRESINSECONDS  IDENTITY",
                "2001:db8:1::10  2001:db8:a::2  -                  7         AHF    600              540               mn1@example.com",
                "2001:db8:1::11  192.0.2.10     203.0.113.5:61000  65535     AHF    3600             3599              -");
    }

    @Test
    void givenJson_whenListed_thenTheEntryDtosArePrinted() {
        assertThat((String) commands.bc(true)).startsWith("[{\"homeAddress\":\"2001:db8:1::10\",\"careOfAddress\":\"2001:db8:a::2\"")
                .contains("\"natAddress\":\"203.0.113.5\",\"natPort\":61000", "\"encapsulation\":\"UDP\"")
                .doesNotContain("\n");
    }

    @Test
    void givenNoBindings_whenListed_thenTheTableSaysNone() {
        ha.entries.clear();

        assertThat(commands.bc(false)).isEqualTo("(none)");
    }

    @Test
    void givenCounters_whenShown_thenRefusalsAndDropsAreListedByKeyAndJsonHasTheDto() {
        assertThat(DtoFormatter.table(commands.stats(false))).isEqualTo("""
                bindingUpdatesReceived: 12
                bindingUpdatesAccepted: 9
                refusedByStatus: 135=1, 146=2
                authenticationFailures: 2
                acksRateLimited: 0
                bindingsExpired: 1
                packetsToMobileNodes: 100
                packetsFromMobileNodes: 90
                drops: wrong-care-of-address=3""");
        assertThat((String) commands.stats(true)).startsWith("{\"bindingUpdatesReceived\":12,\"bindingUpdatesAccepted\":9,"
                + "\"bindingUpdatesRefusedByStatus\":{\"135\":1,\"146\":2}");
    }

    @Test
    void givenABinding_whenDeregistered_thenItIsGoneAndAnUnknownOneFails() throws Exception {
        assertThat(commands.deregister(false, "2001:db8:1::10")).isEqualTo("deregistered 2001:db8:1::10 (1 binding)");
        assertThat(ha.entries).hasSize(1);
        assertThatThrownBy(() -> commands.deregister(false, "2001:db8:1::10")).isInstanceOf(AnyhomeException.class)
                .hasMessage("no binding for 2001:db8:1::10");
        assertThatIllegalArgumentException().isThrownBy(() -> commands.deregister(false, "not-an-address"))
                .withMessageStartingWith("usage: ha:deregister HOME-ADDRESS");
    }

    static final class FakeHomeAgent implements HomeAgent {
        final List<BindingCacheEntryDTO> entries = new ArrayList<>(List.of(
                entry("2001:db8:1::10", "2001:db8:a::2", null, 0, 7, 600_000, NOW - 60_000, "mn1@example.com"),
                entry("2001:db8:1::11", "192.0.2.10", "203.0.113.5", 61000, 65535, 3_600_000, NOW - 500, null)));

        static BindingCacheEntryDTO entry(String hoa, String coa, String nat, int natPort, int seq, long lifetime,
                long registeredAt, String identity) {
            BindingCacheEntryDTO e = new BindingCacheEntryDTO();
            e.homeAddress = hoa;
            e.careOfAddress = coa;
            e.natAddress = nat;
            e.natPort = natPort;
            e.encapsulation = Encapsulation.UDP;
            e.sequence = seq;
            e.lifetimeMs = lifetime;
            e.registeredAt = registeredAt;
            e.expiresAt = registeredAt + lifetime;
            e.flags = "AHF";
            e.mobileNetworkPrefixes = List.of();
            e.mobileNodeIdentifier = identity;
            return e;
        }

        @Override
        public List<BindingCacheEntryDTO> bindingCache() {
            return List.copyOf(entries);
        }

        @Override
        public HomeAgentStatisticsDTO statistics() {
            HomeAgentStatisticsDTO s = new HomeAgentStatisticsDTO();
            s.bindingUpdatesReceived = 12;
            s.bindingUpdatesAccepted = 9;
            s.bindingUpdatesRefusedByStatus = new TreeMap<>(Map.of(135, 1L, 146, 2L));
            s.authenticationFailures = 2;
            s.bindingsExpired = 1;
            s.packetsToMobileNodes = 100;
            s.packetsFromMobileNodes = 90;
            Map<String, Long> drops = new LinkedHashMap<>();
            drops.put("malformed", 0L);
            drops.put("wrong-care-of-address", 3L);
            s.drops = drops;
            return s;
        }

        @Override
        public int deregister(InetAddress homeAddress) throws AnyhomeException {
            String text = io.anyhome.api.AddressText.format(homeAddress);
            if (!entries.removeIf(e -> e.homeAddress.equals(text))) {
                throw new AnyhomeException(AnyhomeException.Code.NOT_FOUND, "no binding for " + text);
            }
            return 1;
        }
    }
}
