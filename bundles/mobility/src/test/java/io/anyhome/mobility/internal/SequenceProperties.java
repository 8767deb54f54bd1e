package io.anyhome.mobility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SequenceProperties {
    @Property
    void givenAnyInitialSequence_whenRetransmitting_thenEachUpdateUsesTheNextNumberModulo65536(
            @ForAll @IntRange(min = 0, max = 65535) int initial, @ForAll @IntRange(min = 1, max = 12) int tries) {
        ManualTimers timers = new ManualTimers();
        RecordingSender sender = new RecordingSender(timers);
        BindingUpdateList bul = new BindingUpdateList(BindingUpdateListTest.HOA, BindingUpdateListTest.HA, 600,
                initial, timers, sender, sender, new MobilityCounters());

        bul.register("eth0", BindingUpdateListTest.COA_ETH);
        while (sender.sent.size() < tries) {
            timers.advance(1_000);
        }

        List<Integer> sequences = sender.sent.stream().map(RecordingSender.Sent::sequence).toList();
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo((initial + 1 + i) & 0xffff);
        }
    }

    @Property
    void givenAnyTimeFrom1970To2100_whenTurnedIntoAnNtpTimestampAndBack_thenItIsTheSameMillisecond(
            @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long epochMillis) {
        assertThat(NtpTime.toEpochMillis(NtpTime.fromEpochMillis(epochMillis))).isBetween(epochMillis - 1, epochMillis);
    }
}
