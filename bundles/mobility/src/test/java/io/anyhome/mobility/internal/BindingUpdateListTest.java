package io.anyhome.mobility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.mobility.BindingDTO;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.packet.mh.BindingAckStatus;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.BindingRefreshAdvice;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingUpdateListTest {
    static final Inet6Address HOA = v6("2001:db8:1::10");
    static final Inet6Address HA = v6("2001:db8:1::1");
    static final Inet6Address COA_ETH = v6("2001:db8:a::10");
    static final Inet6Address COA_WLAN = v6("2001:db8:b::10");

    private final ManualTimers timers = new ManualTimers();
    private final RecordingSender sender = new RecordingSender(timers);
    private final MobilityCounters counters = new MobilityCounters();
    private BindingUpdateList bul = machine(100);

    private BindingUpdateList machine(int initialSequence) {
        return new BindingUpdateList(HOA, HA, 600, initialSequence, timers, sender, sender, counters);
    }

    static Inet6Address v6(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static BindingAcknowledgement ba(int status, int sequence, int lifetimeUnits, MobilityOption... options) {
        return new BindingAcknowledgement(BindingAckStatus.of(status), 0, sequence, lifetimeUnits, List.of(options));
    }

    private BindingAcknowledgement acceptLast(int lifetimeUnits, MobilityOption... options) {
        return ba(0, sender.last().sequence(), lifetimeUnits, options);
    }

    private void registerEth0() {
        bul.register("eth0", COA_ETH);
        assertThat(bul.onAcknowledgement(acceptLast(150), true)).isTrue();
    }

    @Test
    void givenNoAnswer_whenRegisteringForTheFirstTime_thenRetriesWaitOneAndAHalfSecondsThenDoubleUpTo32Seconds() {
        bul.register("eth0", COA_ETH);
        timers.advance(120_000);

        assertThat(sender.times()).startsWith(0L, 1_500L, 4_500L, 10_500L, 22_500L, 46_500L, 78_500L, 110_500L);
        assertThat(sender.sent).extracting(RecordingSender.Sent::sequence).startsWith(101, 102, 103, 104, 105, 106);
        assertThat(counters.snapshot().bindingUpdatesRetransmitted).isEqualTo(sender.sent.size() - 1);
        assertThat(bul.bindings()).singleElement().satisfies(b -> {
            assertThat(b.state).isEqualTo(BindingState.REGISTERING);
            assertThat(b.failure).contains("no Binding Acknowledgement through eth0");
        });
    }

    @Test
    void givenARegisteredBinding_whenMovingWithoutAnswer_thenRetriesStartAtOneSecond() {
        registerEth0();
        int before = sender.sent.size();

        bul.register("wlan0", COA_WLAN);
        timers.advance(3_500);

        assertThat(sender.sent.subList(before, sender.sent.size())).extracting(RecordingSender.Sent::at)
                .containsExactly(0L, 1_000L, 3_000L);
    }

    @Test
    void givenFourRegistrationsAskedAtOnce_whenSent_thenTheFourthWaitsUntilASecondAfterTheFirst() {
        bul.register("eth0", COA_ETH);
        bul.register("wlan0", COA_WLAN);
        bul.register("eth0", COA_ETH);
        bul.register("wlan0", COA_WLAN);
        assertThat(sender.times()).containsExactly(0L, 0L, 0L);

        timers.advance(999);
        assertThat(sender.sent).hasSize(3);
        timers.advance(1);
        assertThat(sender.times()).containsExactly(0L, 0L, 0L, 1_000L);
        assertThat(sender.last().uplink()).isEqualTo("wlan0");
    }

    @Test
    void givenAnAcceptedBindingWithoutAdvice_whenThreeQuartersOfTheLifetimePass_thenItIsRefreshed() {
        registerEth0(); // 150 units = 600 s
        int before = sender.sent.size();

        timers.advance(449_999);
        assertThat(sender.sent).hasSize(before);
        timers.advance(1);

        assertThat(sender.sent).hasSize(before + 1);
        assertThat(sender.last().uplink()).isEqualTo("eth0");
        assertThat(sender.last().lifetimeUnits()).isEqualTo(150);
        assertThat(bul.bindings()).singleElement().extracting(b -> b.state).isEqualTo(BindingState.REFRESHING);
    }

    @Test
    void givenABindingRefreshAdvice_whenItsIntervalPasses_thenTheBindingIsRefreshedThenRatherThanAtThreeQuarters() {
        bul.register("eth0", COA_ETH);
        bul.onAcknowledgement(acceptLast(150, new BindingRefreshAdvice(75)), true); // 300 s
        int before = sender.sent.size();

        timers.advance(299_999);
        assertThat(sender.sent).hasSize(before);
        timers.advance(1);
        assertThat(sender.sent).hasSize(before + 1);
    }

    @Test
    void givenARefreshThatIsNeverAnswered_whenTheLifetimeEnds_thenTheBindingIsGone() {
        registerEth0();
        timers.advance(600_000);

        assertThat(bul.registeredUplink()).isNull();
        assertThat(sender.registered).isNull();
        assertThat(bul.bindings()).singleElement().extracting(b -> b.state).isEqualTo(BindingState.REGISTERING);
    }

    @Test
    void givenSequence65534_whenTwoUpdatesAreSent_thenTheSecondWrapsTo0() {
        bul = machine(65534);
        bul.register("eth0", COA_ETH);
        timers.advance(1_500);

        assertThat(sender.sent).extracting(RecordingSender.Sent::sequence).containsExactly(65535, 0);
        assertThat(bul.onAcknowledgement(ba(0, 0, 150), true)).isTrue();
    }

    @Test
    void givenStatus135WithTheLastAcceptedSequence_whenReceived_thenTheNextUpdateUsesThatSequencePlusOne() {
        bul.register("eth0", COA_ETH);
        RecordingSender.Sent first = sender.last();

        bul.onAcknowledgement(ba(135, 7_000, 0, new MobilityMessageReplayProtection(first.timestamp())), true);

        assertThat(sender.sent).hasSize(2);
        assertThat(sender.last().sequence()).isEqualTo(7_001);
        assertThat(bul.onAcknowledgement(acceptLast(150), true)).isTrue();
        assertThat(bul.registeredUplink()).isEqualTo("eth0");
    }

    @Test
    void givenStatus135WithAnotherTimestamp_whenReceived_thenItIsIgnoredAsNotOurs() {
        bul.register("eth0", COA_ETH);

        bul.onAcknowledgement(ba(135, 7_000, 0, new MobilityMessageReplayProtection(12345)), true);

        assertThat(sender.sent).hasSize(1);
        assertThat(counters.drops("ack-not-outstanding")).isEqualTo(1);
    }

    @Test
    void givenStatus144WithTheHomeAgentsTime_whenReceived_thenTheNextUpdateCarriesATimestampShiftedToIt() {
        bul.register("eth0", COA_ETH);
        long haTime = timers.epochMillis() + 20_000;

        bul.onAcknowledgement(ba(144, sender.last().sequence(), 0,
                new MobilityMessageReplayProtection(NtpTime.fromEpochMillis(haTime))), true);

        assertThat(sender.sent).hasSize(2);
        assertThat(NtpTime.toEpochMillis(sender.last().timestamp())).isBetween(haTime - 1, haTime + 1);
        assertThat(bul.replayOffsetMillis()).isBetween(19_999L, 20_001L);
    }

    @Test
    void givenABaWithAnotherSequenceOrABadAuthenticator_whenReceived_thenItIsIgnoredCountedAndRetriesGoOn() {
        bul.register("eth0", COA_ETH);
        int seq = sender.last().sequence();

        assertThat(bul.onAcknowledgement(ba(0, seq + 5, 150), true)).isFalse();
        assertThat(bul.onAcknowledgement(ba(0, seq, 150), false)).isFalse();
        timers.advance(1_500);

        assertThat(bul.registeredUplink()).isNull();
        assertThat(sender.sent).hasSize(2);
        assertThat(counters.drops("ack-not-outstanding")).isEqualTo(1);
        assertThat(counters.drops("ack-authentication")).isEqualTo(1);
    }

    @Test
    void givenARefusal_whenReceived_thenTheBindingFailsNamingTheStatusAndIsTriedAgainAfter32Seconds() {
        bul.register("eth0", COA_ETH);

        bul.onAcknowledgement(ba(129, sender.last().sequence(), 0), true);

        BindingDTO b = bul.bindings().get(0);
        assertThat(b.state).isEqualTo(BindingState.FAILED);
        assertThat(b.lastAckStatus).isEqualTo(129);
        assertThat(b.failure).contains("status 129");
        timers.advance(31_999);
        assertThat(sender.sent).hasSize(1);
        timers.advance(1);
        assertThat(sender.sent).hasSize(2);
    }

    @Test
    void givenABindingErrorUnknownBinding_whenReceived_thenTheNodeRegistersAgainAsAFirstRegistration() {
        registerEth0();
        int before = sender.sent.size();

        bul.onBindingError(new BindingError(1, HOA, List.of()), "wlan0", COA_WLAN);
        timers.advance(1_500);

        assertThat(sender.sent.subList(before, sender.sent.size())).extracting(RecordingSender.Sent::at,
                RecordingSender.Sent::uplink).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, "eth0"), org.assertj.core.groups.Tuple.tuple(1_500L, "eth0"));
        assertThat(bul.registeredUplink()).isNull();
    }

    @Test
    void givenNoBinding_whenAHeartbeatDrawsABindingError_thenTheNodeRegistersThroughThatUplink() {
        bul.onBindingError(new BindingError(1, HOA, List.of()), "wlan0", COA_WLAN);

        assertThat(sender.last().uplink()).isEqualTo("wlan0");
        assertThat(sender.last().careOf()).isEqualTo(COA_WLAN);
    }

    @Test
    void givenABindingRefreshRequest_whenReceived_thenTheBindingIsRefreshedAtOnce() {
        registerEth0();
        int before = sender.sent.size();

        bul.onRefreshRequest();

        assertThat(sender.sent).hasSize(before + 1);
        assertThat(sender.last().lifetimeUnits()).isEqualTo(150);
    }

    @Test
    void givenARegisteredBinding_whenMoving_thenTheOldOneStaysInForceUntilTheNewOneIsAcknowledged() {
        registerEth0();

        bul.register("wlan0", COA_WLAN);
        assertThat(sender.registered).isEqualTo("eth0");
        assertThat(sender.pending).isEqualTo("wlan0");
        assertThat(bul.bindings()).extracting(b -> b.uplink + ":" + b.state)
                .containsExactly("eth0:REGISTERED", "wlan0:REGISTERING");

        bul.onAcknowledgement(acceptLast(150), true);
        assertThat(sender.registered).isEqualTo("wlan0");
        assertThat(sender.pending).isNull();
        assertThat(bul.bindings()).singleElement().satisfies(b -> {
            assertThat(b.careOfAddress).isEqualTo("2001:db8:b::10");
            assertThat(b.lifetimeGrantedMs).isEqualTo(600_000);
            assertThat(b.expiresAt).isEqualTo(b.registeredAt + 600_000);
        });
    }

    @Test
    void givenARegisteredBinding_whenDeregistered_thenALifetime0UpdateIsSentAndTheAckRemovesTheBinding() {
        registerEth0();

        assertThat(bul.deregister()).isTrue();
        assertThat(sender.last().lifetimeUnits()).isZero();
        assertThat(bul.bindings()).singleElement().extracting(b -> b.state).isEqualTo(BindingState.DEREGISTERING);
        bul.onAcknowledgement(ba(0, sender.last().sequence(), 0), true);

        assertThat(bul.bindings()).isEmpty();
        assertThat(bul.deregister()).isFalse();
        timers.advance(3_600_000);
        assertThat(sender.last().lifetimeUnits()).isZero(); // no refresh of a removed binding
    }

    @Test
    void givenAnUnauthenticated146ForTheOutstandingUpdate_whenReceived_thenTheFailureIsShownAndRetriesGoOn() {
        bul.register("eth0", COA_ETH);

        bul.onAcknowledgement(ba(146, sender.last().sequence(), 0), false);
        timers.advance(1_500);

        assertThat(sender.sent).hasSize(2);
        assertThat(bul.bindings().get(0).lastAckStatus).isEqualTo(146);
    }
}
