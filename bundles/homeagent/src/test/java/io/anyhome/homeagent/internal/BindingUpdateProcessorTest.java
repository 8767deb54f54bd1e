package io.anyhome.homeagent.internal;

import static io.anyhome.homeagent.internal.MobileNodeMessages.COA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HOA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HOA_OUTSIDE;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HOA_SHA1;
import static io.anyhome.homeagent.internal.MobileNodeMessages.KEY;
import static io.anyhome.homeagent.internal.MobileNodeMessages.KEY_SHA1;
import static io.anyhome.homeagent.internal.MobileNodeMessages.decode;
import static io.anyhome.homeagent.internal.MobileNodeMessages.option;
import static io.anyhome.homeagent.internal.MobileNodeMessages.v6;
import static io.anyhome.homeagent.internal.MobileNodeMessages.verifies;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.homeagent.HomeAgentStatisticsDTO;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.BindingRefreshAdvice;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.Heartbeat;
import io.anyhome.packet.mh.MobileNodeIdentifier;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.NatDetection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindingUpdateProcessorTest {
    static final long T0 = 1_795_687_200_000L;
    static final InetSocketAddress FROM = new InetSocketAddress(COA, 40000);

    final AtomicLong now = new AtomicLong(T0);
    final HomeAgentConfiguration config = new HomeAgentConfiguration(HA, null, IpPrefix.parse("2001:db8:1::/64"), "eth0",
            4191, 3600, Path.of("keys"), 7, "ha0", 1452, 10);
    final BindingCache cache = new BindingCache();
    final HomeAgentCounters counters = new HomeAgentCounters();
    final List<String> events = new ArrayList<>();
    final BindingListener listener = new BindingListener() {
        @Override
        public void registered(Binding binding, Binding replaced) {
            events.add("registered " + binding.homeAddress().getHostAddress() + (replaced == null ? "" : " again"));
        }

        @Override
        public void removed(Binding binding) {
            events.add("removed " + binding.homeAddress().getHostAddress());
        }
    };
    final NodeKeys keys = NodeKeys.of(List.of(MobileNodeMessages.key(), MobileNodeMessages.sha1Key(),
            MobileNodeMessages.outsideKey()));
    final BindingUpdateProcessor processor = new BindingUpdateProcessor(config, () -> keys, cache, counters, listener,
            now::get);
    final ByteBuffer answer = ByteBuffer.allocate(2048);

    MobileNodeMessages.Bu bu() {
        return new MobileNodeMessages.Bu(now.get());
    }

    BindingAcknowledgement send(MobileNodeMessages.Bu bu) throws Exception {
        return send(bu, FROM);
    }

    BindingAcknowledgement send(MobileNodeMessages.Bu bu, InetSocketAddress from) throws Exception {
        int n = processor.handle(bu.encode(), from, answer);
        assertThat(n).as("an answer was written").isPositive();
        return (BindingAcknowledgement) decode(answer, bu.home);
    }

    @Test
    void givenNoBinding_whenASignedBindingUpdateArrives_thenItIsAcceptedCachedAndAcknowledgedSigned()
            throws Exception {
        BindingAcknowledgement ba = send(bu());

        assertThat(ba.status().code()).isZero();
        assertThat(ba.sequence()).isEqualTo(1);
        assertThat(ba.lifetimeUnits()).isEqualTo(150);
        assertThat(option(ba, BindingRefreshAdvice.class).refreshIntervalUnits()).isEqualTo(75);
        assertThat(option(ba, NatDetection.class)).as("no NAT: outer source = CoA").isNull();
        assertThat(option(ba, MobileNodeIdentifier.class).identifierText()).isEqualTo("mn1@example.com");
        assertThat(option(ba, MobilityMessageReplayProtection.class).timestamp()).isEqualTo(NtpTime.fromEpochMillis(T0));
        assertThat(option(ba, MobilityMessageAuthentication.class).spi()).isEqualTo(256);
        assertThat(ba.options().get(ba.options().size() - 1)).isInstanceOf(MobilityMessageAuthentication.class);
        assertThat(verifies(answer, COA, HOA, Algorithm.HMAC_SHA256_128, KEY)).isTrue();

        Binding b = cache.find(HOA);
        assertThat(b.careOf()).isEqualTo(COA);
        assertThat(b.outer()).isEqualTo(FROM);
        assertThat(b.sequence()).isEqualTo(1);
        assertThat(b.lifetimeMs()).isEqualTo(600_000);
        assertThat(b.expiresAt()).isEqualTo(T0 + 600_000);
        assertThat(b.identity()).isEqualTo("mn1@example.com");
        assertThat(b.toDTO().flags).isEqualTo("AHF");
        assertThat(events).containsExactly("registered 2001:db8:1:0:0:0:0:10");
        HomeAgentStatisticsDTO s = counters.toDTO();
        assertThat(s.bindingUpdatesReceived).isEqualTo(1);
        assertThat(s.bindingUpdatesAccepted).isEqualTo(1);
        assertThat(s.bindingUpdatesRefusedByStatus).isEmpty();
    }

    @Test
    void givenTheSha1Association_whenABindingUpdateArrives_thenItIsAcceptedAndTheAckCarriesA96BitAuthenticator()
            throws Exception {
        BindingAcknowledgement ba = send(bu().sha1());

        assertThat(ba.status().code()).isZero();
        assertThat(option(ba, MobilityMessageAuthentication.class).spi()).isEqualTo(300);
        assertThat(option(ba, MobilityMessageAuthentication.class).authenticator()).hasSize(12);
        assertThat(verifies(answer, COA, HOA_SHA1, Algorithm.HMAC_SHA1_96, KEY_SHA1)).isTrue();
        assertThat(cache.find(HOA_SHA1)).isNotNull();
    }

    @Test
    void givenASha256Update_whenSignedWithTheSha1AlgorithmForTheSameSpi_thenItFailsWith146() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.algorithm = Algorithm.HMAC_SHA1_96;

        assertRefused(bu, 146);
        assertThat(counters.toDTO().authenticationFailures).isEqualTo(1);
    }

    @Test
    void givenATamperedAuthenticator_whenProcessed_thenStatus146WithoutAuthenticatorAndNothingChanges()
            throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.key = KEY_SHA1;

        BindingAcknowledgement ba = assertRefused(bu, 146);

        assertThat(option(ba, MobilityMessageAuthentication.class)).isNull();
        assertThat(counters.toDTO().authenticationFailures).isEqualTo(1);
    }

    @Test
    void givenNoAuthenticationOption_whenProcessed_thenStatus146() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.withAuthentication = false;

        assertThat(option(assertRefused(bu, 146), MobilityMessageAuthentication.class)).isNull();
    }

    @Test
    void givenAnUnknownSpi_whenProcessed_thenStatus146() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.spi = 257;

        assertRefused(bu, 146);
    }

    @Test
    void givenAnUnknownHomeAddress_whenProcessed_thenStatus129AdministrativelyProhibited() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.home = v6("2001:db8:1::99");

        BindingAcknowledgement ba = assertRefused(bu, 129);

        assertThat(option(ba, MobilityMessageAuthentication.class)).isNull();
    }

    @Test
    void givenATimestampOutsideTheTolerance_whenProcessed_thenStatus144CarriesTheHomeAgentsTimeSigned()
            throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.timestamp = NtpTime.fromEpochMillis(T0 - 8_000);

        BindingAcknowledgement ba = assertRefused(bu, 144);

        assertThat(option(ba, MobilityMessageReplayProtection.class).timestamp()).isEqualTo(NtpTime.fromEpochMillis(T0));
        assertThat(verifies(answer, COA, HOA, Algorithm.HMAC_SHA256_128, KEY)).isTrue();
        assertThat(counters.toDTO().authenticationFailures).isEqualTo(1);
    }

    @Test
    void givenATimestampWithinTheTolerance_whenProcessed_thenAccepted() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.timestamp = NtpTime.fromEpochMillis(T0 + 6_900);

        assertThat(send(bu).status().code()).isZero();
    }

    @Test
    void givenAnotherIdentity_whenProcessed_thenStatus144AndNothingChanges() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.nai = "intruder@example.com";

        assertRefused(bu, 144);
    }

    @Test
    void givenNoReplayProtection_whenProcessed_thenStatus145() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.withReplay = false;

        assertRefused(bu, 145);
    }

    @Test
    void givenNoHomeRegistrationFlag_whenProcessed_thenStatus131() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.flags = BindingUpdate.FLAG_A;

        assertRefused(bu, 131);
    }

    @Test
    void givenAHomeAddressOutsideTheHomePrefix_whenProcessed_thenStatus132() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.home = HOA_OUTSIDE;
        bu.nai = null;

        assertRefused(bu, 132);
    }

    @Test
    void givenAnUpdateForAnotherHomeAgentAddress_whenProcessed_thenStatus133() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.destination = v6("2001:db8:1::2");

        BindingAcknowledgement ba = assertRefused(bu, 133);
        assertThat(ba.sequence()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::2", "ff02::1", "::", "::1"})
    void givenAnUnusableCareOfAddress_whenProcessed_thenStatus174(String careOf) throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.careOf = v6(careOf);

        assertRefused(bu, 174);
    }

    @Test
    void givenABinding_whenAnOlderSequenceArrives_thenStatus135CarriesTheLastAcceptedOne() throws Exception {
        MobileNodeMessages.Bu first = bu();
        first.sequence = 10;
        send(first);
        Binding before = cache.find(HOA);
        MobileNodeMessages.Bu old = bu();
        old.sequence = 10;
        old.careOf = v6("2001:db8:b::2");

        BindingAcknowledgement ba = send(old);

        assertThat(ba.status().code()).isEqualTo(135);
        assertThat(ba.sequence()).isEqualTo(10);
        assertThat(verifies(answer, old.careOf, HOA, Algorithm.HMAC_SHA256_128, KEY)).isTrue();
        assertThat(cache.find(HOA)).isSameAs(before);
        assertThat(counters.toDTO().bindingUpdatesRefusedByStatus).containsEntry(135, 1L);
    }

    @Test
    void givenSequence65535_whenSequence0Arrives_thenItIsNewerAndAccepted() throws Exception {
        MobileNodeMessages.Bu first = bu();
        first.sequence = 65535;
        send(first);
        MobileNodeMessages.Bu wrapped = bu();
        wrapped.sequence = 0;

        assertThat(send(wrapped).status().code()).isZero();
        assertThat(cache.find(HOA).sequence()).isZero();
    }

    @Test
    void givenABinding_whenTheRegistrationTypeChanges_thenStatus139() throws Exception {
        send(bu());
        MobileNodeMessages.Bu router = bu();
        router.sequence = 2;
        router.flags |= BindingUpdate.FLAG_R;

        BindingAcknowledgement ba = send(router);

        assertThat(ba.status().code()).isEqualTo(139);
        assertThat(cache.find(HOA).sequence()).isEqualTo(1);
    }

    @Test
    void givenABinding_whenRefreshedFromANewCareOfAddress_thenTheEntryIsReplaced() throws Exception {
        send(bu());
        now.addAndGet(60_000);
        MobileNodeMessages.Bu refresh = bu();
        refresh.sequence = 2;
        refresh.careOf = v6("2001:db8:b::2");
        InetSocketAddress from = new InetSocketAddress(refresh.careOf, 40001);

        assertThat(send(refresh, from).status().code()).isZero();

        Binding b = cache.find(HOA);
        assertThat(b.careOf()).isEqualTo(refresh.careOf);
        assertThat(b.outer()).isEqualTo(from);
        assertThat(b.expiresAt()).isEqualTo(T0 + 60_000 + 600_000);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(events).containsExactly("registered 2001:db8:1:0:0:0:0:10", "registered 2001:db8:1:0:0:0:0:10 again");
    }

    @Test
    void givenABinding_whenLifetimeZeroArrives_thenItIsRemovedAndAcknowledgedWithLifetimeZero() throws Exception {
        send(bu());
        MobileNodeMessages.Bu dereg = bu();
        dereg.sequence = 2;
        dereg.lifetimeUnits = 0;

        BindingAcknowledgement ba = send(dereg);

        assertThat(ba.status().code()).isZero();
        assertThat(ba.lifetimeUnits()).isZero();
        assertThat(option(ba, BindingRefreshAdvice.class)).isNull();
        assertThat(cache.find(HOA)).isNull();
        assertThat(events).containsExactly("registered 2001:db8:1:0:0:0:0:10", "removed 2001:db8:1:0:0:0:0:10");
    }

    @Test
    void givenABinding_whenTheHomeAddressIsTheCareOfAddress_thenItIsADeregistration() throws Exception {
        send(bu());
        MobileNodeMessages.Bu home = bu();
        home.sequence = 2;
        home.careOf = HOA;

        assertThat(send(home, new InetSocketAddress(HOA, 40000)).status().code()).isZero();
        assertThat(cache.find(HOA)).isNull();
    }

    @Test
    void givenALongRequestedLifetime_whenAccepted_thenTheGrantIsCappedByConfiguration() throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.lifetimeUnits = 65535;

        BindingAcknowledgement ba = send(bu);

        assertThat(ba.lifetimeUnits()).isEqualTo(900);
        assertThat(cache.find(HOA).lifetimeMs()).isEqualTo(3_600_000);
    }

    @Test
    void givenABinding_whenTheClockPassesItsExpiry_thenTheSweepRemovesItAndCountsIt() throws Exception {
        send(bu());
        now.addAndGet(599_999);
        assertThat(cache.expire(now.get())).isEmpty();
        now.addAndGet(1);

        List<Binding> gone = cache.expire(now.get());

        assertThat(gone).extracting(Binding::homeAddress).containsExactly(HOA);
        assertThat(cache.find(HOA)).isNull();
    }

    @Test
    void givenAnOuterSourceThatIsNotTheCareOfAddress_whenAccepted_thenNatIsDetectedAndTheMappingRecorded()
            throws Exception {
        InetSocketAddress nat = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 61000);

        BindingAcknowledgement ba = send(bu(), nat);

        assertThat(option(ba, NatDetection.class).refreshTimeSeconds()).isEqualTo(20);
        assertThat(cache.find(HOA).outer()).isEqualTo(nat);
        assertThat(cache.find(HOA).toDTO().natAddress).isEqualTo("198.51.100.7");
        assertThat(cache.find(HOA).toDTO().natPort).isEqualTo(61000);
    }

    @Test
    void givenAnIpv4CareOfAddressBehindANat_whenAccepted_thenTheMappedFormIsAuthenticatedAndTheMappingRecorded()
            throws Exception {
        MobileNodeMessages.Bu bu = bu();
        bu.ipv4CareOf = (java.net.Inet4Address) InetAddress.getByName("192.0.2.10");
        InetSocketAddress nat = new InetSocketAddress(InetAddress.getByName("203.0.113.5"), 61000);

        BindingAcknowledgement ba = send(bu, nat);

        assertThat(ba.status().code()).isZero();
        assertThat(option(ba, NatDetection.class)).isNotNull();
        assertThat(verifies(answer, bu.authenticatedCareOf(), HOA, Algorithm.HMAC_SHA256_128, KEY)).isTrue();
        Binding b = cache.find(HOA);
        assertThat(b.careOf()).isEqualTo(InetAddress.getByName("192.0.2.10"));
        assertThat(b.outer()).isEqualTo(nat);
        assertThat(b.outerAddressBytes()).endsWith(203, 0, 113, 5).startsWith(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1);
    }

    @Test
    void givenAKnownHomeAddress_whenAHeartbeatComesFromAnyCareOfAddress_thenItIsAnswered() throws Exception {
        send(bu());
        InetSocketAddress otherPath = new InetSocketAddress(v6("2001:db8:c::2"), 50000);

        int n = processor.handle(MobileNodeMessages.heartbeat(HOA, 0xfffffff0L), otherPath, answer);

        assertThat(n).isPositive();
        Heartbeat hb = (Heartbeat) decode(answer, HOA);
        assertThat(hb.response()).isTrue();
        assertThat(hb.sequence()).isEqualTo(0xfffffff0L);
    }

    @Test
    void givenAnUnknownHomeAddress_whenAHeartbeatArrives_thenABindingErrorStatus1NamesIt() throws Exception {
        Inet6AddressHolder unknown = new Inet6AddressHolder("2001:db8:1::77");

        int n = processor.handle(MobileNodeMessages.heartbeat(unknown.address, 1), FROM, answer);

        assertThat(n).isPositive();
        BindingError be = (BindingError) decode(answer, unknown.address);
        assertThat(be.status()).isEqualTo(BindingError.STATUS_UNKNOWN_BINDING);
        assertThat(be.homeAddress()).isEqualTo(unknown.address);
    }

    @Test
    void givenManyFailingUpdatesFromOneSource_whenProcessedWithinASecond_thenOnlyTenAreAnswered()
            throws Exception {
        MobileNodeMessages.Bu bad = bu();
        bad.key = KEY_SHA1;
        int answered = 0;
        for (int i = 0; i < 25; i++) {
            bad.sequence = i;
            if (processor.handle(bad.encode(), FROM, answer) > 0) {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(10);
        HomeAgentStatisticsDTO s = counters.toDTO();
        assertThat(s.acksRateLimited).isEqualTo(15);
        assertThat(s.authenticationFailures).isEqualTo(25);
        assertThat(s.bindingUpdatesRefusedByStatus).containsEntry(146, 25L);

        now.addAndGet(1000);
        assertThat(processor.handle(bad.encode(), FROM, answer)).as("a new second").isPositive();
        assertThat(processor.handle(bu().encode(), FROM, answer)).as("accepted ones are never limited").isPositive();
    }

    @Test
    void givenAMangledChecksum_whenProcessed_thenDroppedAsMalformedWithoutAnswer() {
        ByteBuffer p = bu().encode();
        p.put(44, (byte) (p.get(44) ^ 1));

        assertThat(processor.handle(p, FROM, answer)).isZero();
        assertThat(counters.drops(HomeAgentCounters.MALFORMED)).isEqualTo(1);
        assertThat(counters.toDTO().bindingUpdatesReceived).isZero();
    }

    private BindingAcknowledgement assertRefused(MobileNodeMessages.Bu bu, int status) throws Exception {
        BindingAcknowledgement ba = send(bu);
        assertThat(ba.status().code()).isEqualTo(status);
        assertThat(cache.size()).as("refusals change nothing").isZero();
        assertThat(events).isEmpty();
        HomeAgentStatisticsDTO s = counters.toDTO();
        assertThat(s.bindingUpdatesRefusedByStatus).containsEntry(status, 1L);
        assertThat(s.bindingUpdatesAccepted).isZero();
        return ba;
    }

    private static final class Inet6AddressHolder {
        final java.net.Inet6Address address;

        Inet6AddressHolder(String text) {
            address = v6(text);
        }
    }
}
