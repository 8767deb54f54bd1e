package io.anyhome.packet;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {
    @Test
    void givenAWrappedSequence_whenCompared_thenTheWrappedValueIsNewer() {
        assertThat(SequenceNumbers.isNewer(0, 65535)).isTrue();
        assertThat(SequenceNumbers.isNewer(65535, 0)).isFalse();
        assertThat(SequenceNumbers.isNewer(10, 10)).isFalse();
        assertThat(SequenceNumbers.isNewer(32767 + 5, 5)).isTrue();
        assertThat(SequenceNumbers.isNewer(32768 + 5, 5)).isFalse();
    }

    @Property
    void nextIsAlwaysNewer(@ForAll @IntRange(min = 0, max = 65535) int n) {
        assertThat(SequenceNumbers.isNewer(SequenceNumbers.next(n), n)).isTrue();
        assertThat(SequenceNumbers.isNewer(n, SequenceNumbers.next(n))).isFalse();
    }

    @Test
    void givenSeconds_whenConverted_thenFourSecondUnitsSaturate() {
        assertThat(SequenceNumbers.lifetimeUnits(420)).isEqualTo(105);
        assertThat(SequenceNumbers.lifetimeUnits(10_000_000)).isEqualTo(65535);
        assertThat(SequenceNumbers.lifetimeSeconds(105)).isEqualTo(420);
    }
}
