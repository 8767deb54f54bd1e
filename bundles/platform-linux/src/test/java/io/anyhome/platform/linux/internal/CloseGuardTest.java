package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The last thread out of a closed device or endpoint releases its descriptors, exactly once. */
class CloseGuardTest {
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger woken = new AtomicInteger();
    private final CloseGuard guard = new CloseGuard(released::incrementAndGet);

    @Test
    void givenNoThreadInside_whenClosed_thenReleasedAtOnceWithoutWaking() {
        guard.close(woken::incrementAndGet);

        assertThat(released).hasValue(1);
        assertThat(woken).hasValue(0);
        assertThat(guard.isClosed()).isTrue();
    }

    @Test
    void givenTwoThreadsInside_whenClosed_thenTheyAreWokenAndTheLastOneOutReleases() {
        assertThat(guard.enter()).isTrue();
        assertThat(guard.enter()).isTrue();

        guard.close(woken::incrementAndGet);
        assertThat(woken).hasValue(1);
        assertThat(released).hasValue(0);
        guard.leave();
        assertThat(released).hasValue(0);
        guard.leave();

        assertThat(released).hasValue(1);
    }

    @Test
    void givenAClosedGuard_whenEnteredOrClosedAgain_thenRefusedAndNothingIsReleasedTwice() {
        guard.close(woken::incrementAndGet);

        assertThat(guard.enter()).isFalse();
        guard.close(woken::incrementAndGet);

        assertThat(released).hasValue(1);
        assertThat(woken).hasValue(0);
    }
}
