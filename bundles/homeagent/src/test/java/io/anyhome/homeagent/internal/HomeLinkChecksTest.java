package io.anyhome.homeagent.internal;

import static io.anyhome.homeagent.internal.MobileNodeMessages.COA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.HOA;
import static io.anyhome.homeagent.internal.MobileNodeMessages.decode;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.RawMobilityMessage;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The home agent's checks that involve its home link: duplicate address detection before a first
 * registration (status 134), Binding Error status 2 for unknown Mobility Header types, and Binding
 * Updates that arrive natively on the home link.
 */
class HomeLinkChecksTest {
    static final long T0 = 1_795_687_200_000L;
    static final InetSocketAddress FROM = new InetSocketAddress(COA, 40000);

    final AtomicLong now = new AtomicLong(T0);
    final HomeAgentConfiguration config = new HomeAgentConfiguration(HA, null, IpPrefix.parse("2001:db8:1::/64"), "eth0",
            4191, 3600, Path.of("keys"), 7, "ha0", 1452, 3);
    final BindingCache cache = new BindingCache();
    final HomeAgentCounters counters = new HomeAgentCounters();
    final List<String> events = new ArrayList<>();
    final BindingListener listener = new BindingListener() {
        @Override
        public void registered(Binding binding, Binding replaced) {
            events.add("registered");
        }

        @Override
        public void removed(Binding binding) {
            events.add("removed");
        }
    };
    final NodeKeys keys = NodeKeys.of(List.of(MobileNodeMessages.key()));
    final FakeCheck check = new FakeCheck();
    final List<ByteBuffer> late = new ArrayList<>();
    final BindingUpdateProcessor processor = new BindingUpdateProcessor(config, () -> keys, cache, counters, listener,
            now::get, check, (answer, to) -> {
                assertThat(to).isEqualTo(FROM);
                late.add(answer);
            });
    final ByteBuffer answer = ByteBuffer.allocate(2048);

    /** A home address check that answers what the test says, remembering the action to run. */
    static final class FakeCheck implements HomeAddressCheck {
        final List<Inet6Address> asked = new ArrayList<>();
        Verdict verdict = Verdict.PENDING;
        Runnable again;

        @Override
        public Verdict check(Inet6Address homeAddress, Runnable again) {
            asked.add(homeAddress);
            this.again = again;
            return verdict;
        }

        void ends(Verdict result) {
            verdict = result;
            again.run();
        }
    }

    MobileNodeMessages.Bu bu() {
        return new MobileNodeMessages.Bu(now.get());
    }

    @Test
    void givenAFirstRegistration_whenTheHomeLinkCheckIsUnderWay_thenNothingIsAnsweredOrCachedUntilItEndsClear()
            throws Exception {
        int n = processor.handle(bu().encode(), FROM, answer);

        assertThat(n).as("held while the check runs").isZero();
        assertThat(cache.size()).isZero();
        assertThat(check.asked).containsExactly(HOA);

        check.ends(HomeAddressCheck.Verdict.CLEAR);

        assertThat(late).hasSize(1);
        BindingAcknowledgement ba = (BindingAcknowledgement) decode(late.get(0), HOA);
        assertThat(ba.status().code()).isZero();
        assertThat(cache.find(HOA).careOf()).isEqualTo(COA);
        assertThat(events).containsExactly("registered");
    }

    @Test
    void givenAnotherNodeAnswersForTheHomeAddress_whenTheCheckEnds_thenStatus134AndNothingChanges() throws Exception {
        processor.handle(bu().encode(), FROM, answer);

        check.ends(HomeAddressCheck.Verdict.DUPLICATE);

        BindingAcknowledgement ba = (BindingAcknowledgement) decode(late.get(0), HOA);
        assertThat(ba.status().code()).isEqualTo(134);
        assertThat(ba.sequence()).isEqualTo(1);
        assertThat(MobileNodeMessages.verifies(late.get(0), COA, HOA,
                io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm.HMAC_SHA256_128, MobileNodeMessages.KEY))
                .as("an authenticated refusal is signed").isTrue();
        assertThat(cache.size()).isZero();
        assertThat(events).isEmpty();
        assertThat(counters.toDTO().bindingUpdatesRefusedByStatus).containsEntry(134, 1L);
    }

    @Test
    void givenARegisteredHomeAddress_whenItRefreshesOrMoves_thenTheHomeLinkIsNotCheckedAgain() throws Exception {
        check.verdict = HomeAddressCheck.Verdict.CLEAR;
        processor.handle(bu().encode(), FROM, answer);
        check.asked.clear();
        MobileNodeMessages.Bu move = bu();
        move.sequence = 2;
        move.careOf = MobileNodeMessages.v6("2001:db8:b::2");

        int n = processor.handle(move.encode(), new InetSocketAddress(move.careOf, 40000), answer);

        assertThat(((BindingAcknowledgement) decode(answer, HOA)).status().code()).isZero();
        assertThat(n).isPositive();
        assertThat(check.asked).isEmpty();
    }

    @Test
    void givenAForgedFirstRegistration_whenItFailsAuthentication_thenTheHomeLinkIsNotProbedForIt() throws Exception {
        MobileNodeMessages.Bu forged = bu();
        forged.key = MobileNodeMessages.KEY_SHA1;

        processor.handle(forged.encode(), FROM, answer);

        assertThat(check.asked).isEmpty();
    }

    @Test
    void givenAnUnknownMobilityHeaderType_whenItArrives_thenBindingErrorStatus2ToItsSource() throws Exception {
        ByteBuffer packet = MobileNodeMessages.mobility(HOA, HA, new RawMobilityMessage(42, new byte[10]));

        int n = processor.handle(packet, FROM, answer);

        assertThat(n).isPositive();
        BindingError be = (BindingError) decode(answer, HOA);
        assertThat(be.status()).isEqualTo(BindingError.STATUS_UNRECOGNIZED_MH_TYPE);
        assertThat(be.homeAddress()).isEqualTo(HOA);
        assertThat(counters.drops(HomeAgentCounters.UNRECOGNIZED_MOBILITY_TYPE)).isEqualTo(1);
    }

    @Test
    void givenAFloodOfUnknownTypes_whenMoreThanTheRateLimitArriveInOneSecond_thenOnlyTheLimitIsAnswered()
            throws Exception {
        int answered = 0;
        for (int i = 0; i < 10; i++) {
            ByteBuffer packet = MobileNodeMessages.mobility(HOA, HA, new RawMobilityMessage(42, new byte[10]));
            answered += processor.handle(packet, FROM, answer) > 0 ? 1 : 0;
        }

        assertThat(answered).isEqualTo(3);
        assertThat(counters.toDTO().acksRateLimited).isEqualTo(7);
        now.addAndGet(1000);
        ByteBuffer packet = MobileNodeMessages.mobility(HOA, HA, new RawMobilityMessage(42, new byte[10]));
        assertThat(processor.handle(packet, FROM, answer)).as("a new second").isPositive();
    }

    @Test
    void givenARegisteredNode_whenItsDeregistrationArrivesOnTheHomeLink_thenTheBindingGoesAndTheAckIsForTheHomeAddress()
            throws Exception {
        check.verdict = HomeAddressCheck.Verdict.CLEAR;
        processor.handle(bu().encode(), FROM, answer);
        MobileNodeMessages.Bu home = bu();
        home.sequence = 2;
        home.lifetimeUnits = 0;
        home.careOf = HOA;

        int n = processor.handleFromHomeLink(home.encode(), answer);

        assertThat(n).isPositive();
        BindingAcknowledgement ba = (BindingAcknowledgement) decode(answer, HOA);
        assertThat(ba.status().code()).isZero();
        assertThat(ba.lifetimeUnits()).isZero();
        assertThat(MobileNodeMessages.verifies(answer, HOA, HOA,
                io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm.HMAC_SHA256_128, MobileNodeMessages.KEY))
                .as("signed with the home address as care-of address").isTrue();
        assertThat(cache.size()).isZero();
        assertThat(events).containsExactly("registered", "removed");
    }

    @Test
    void givenARegistrationOnTheHomeLink_whenItIsNoDeregistration_thenItIsDroppedAndNothingIsCached() throws Exception {
        check.verdict = HomeAddressCheck.Verdict.CLEAR;

        int n = processor.handleFromHomeLink(bu().encode(), answer);

        assertThat(n).isZero();
        assertThat(cache.size()).isZero();
        assertThat(counters.drops(HomeAgentCounters.HOME_LINK_REGISTRATION)).isEqualTo(1);
    }

    @Test
    void givenAHomeAddress_whenTheDadProbeIsBuilt_thenItIsANeighbourSolicitationFromTheUnspecifiedAddress() {
        ByteBuffer ns = HomeLinkDad.solicitation(HOA);

        // IPv6: payload 24, next header 58, hop limit 255, from ::, to ff02::1:ff00:10
        assertThat(HexFormat.of().formatHex(ns.array(), 0, 40)).isEqualTo("6000000000183aff"
                + "00000000000000000000000000000000" + "ff0200000000000000000001ff000010");
        // ICMPv6 type 135, code 0, reserved, target: the home address, no options
        assertThat(HexFormat.of().formatHex(ns.array(), 40, 42)).isEqualTo("8700");
        assertThat(HexFormat.of().formatHex(ns.array(), 48, 64)).isEqualTo("20010db8000100000000000000000010");
        assertThat(ns.remaining()).isEqualTo(64);
        byte[] group = HexFormat.of().parseHex("ff0200000000000000000001ff000010");
        assertThat(io.anyhome.packet.ip.UpperLayerChecksum.ipv6(ns, 40, 24, new byte[16], group, 58))
                .as("ICMPv6 checksum over the pseudo-header from ::").isZero();
    }
}
