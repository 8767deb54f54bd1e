package io.anyhome.policy.redundant.internal;

import static io.anyhome.policy.redundant.internal.Packets.ipv4;
import static io.anyhome.policy.redundant.internal.Packets.ipv6;
import static io.anyhome.policy.redundant.internal.Packets.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowedDuplicateFilterTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final WindowedDuplicateFilter filter = new WindowedDuplicateFilter(500, 1024, clock::get);

    @Test
    void givenSamePacketTwice_whenFiltered_thenSecondSuppressedAndCounted() {
        assertThat(filter.firstCopy(ipv6(64, payload(1)))).isTrue();
        assertThat(filter.firstCopy(ipv6(64, payload(1)))).isFalse();

        assertThat(filter.duplicatesSuppressed()).isEqualTo(1);
    }

    @Test
    void givenCopiesDifferingOnlyInHopLimit_whenFiltered_thenSecondIsADuplicate() {
        assertThat(filter.firstCopy(ipv6(64, payload(1)))).isTrue();
        assertThat(filter.firstCopy(ipv6(57, payload(1)))).isFalse();
    }

    @Test
    void givenIpv4CopiesDifferingOnlyInTtlAndChecksum_whenFiltered_thenSecondIsADuplicate() {
        assertThat(filter.firstCopy(ipv4(64, 0x1234, payload(1)))).isTrue();
        assertThat(filter.firstCopy(ipv4(60, 0x1238, payload(1)))).isFalse();
        assertThat(filter.firstCopy(ipv4(64, 0x1234, payload(2)))).isTrue();
    }

    @Test
    void givenDifferentPayloads_whenFiltered_thenBothDelivered() {
        assertThat(filter.firstCopy(ipv6(64, payload(1)))).isTrue();
        assertThat(filter.firstCopy(ipv6(64, payload(2)))).isTrue();
        assertThat(filter.duplicatesSuppressed()).isZero();
    }

    @Test
    void givenPacketsDifferingInTheLastByteOnly_whenFiltered_thenBothDelivered() {
        byte[] a = new byte[13];
        byte[] b = new byte[13];
        b[12] = 1;

        assertThat(filter.firstCopy(ipv6(64, a))).isTrue();
        assertThat(filter.firstCopy(ipv6(64, b))).isTrue();
    }

    @Test
    void givenACopyAfterTheWindow_whenFiltered_thenDeliveredAgainAndRememberedAnew() {
        assertThat(filter.firstCopy(ipv6(64, payload(1)))).isTrue();
        clock.addAndGet(499);
        assertThat(filter.firstCopy(ipv6(64, payload(1)))).isFalse();
        clock.addAndGet(1);
        assertThat(filter.firstCopy(ipv6(64, payload(1)))).isTrue();
        assertThat(filter.firstCopy(ipv6(64, payload(1)))).isFalse();
    }

    @Test
    void givenCapacityOverflow_whenFiltered_thenOldestIsForgottenAndTheRestRemembered() {
        WindowedDuplicateFilter small = new WindowedDuplicateFilter(10_000, 8, clock::get);
        for (int i = 0; i < 9; i++) {
            clock.incrementAndGet();
            assertThat(small.firstCopy(ipv6(64, payload(i)))).isTrue();
        }

        for (int i = 2; i < 9; i++) {
            assertThat(small.firstCopy(ipv6(64, payload(i)))).as("packet %d", i).isFalse();
        }
        assertThat(small.firstCopy(ipv6(64, payload(0)))).isTrue();
    }

    @Test
    void givenMalformedOrShortBuffers_whenFiltered_thenDeliveredEveryTimeWithoutThrowing() {
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer shortV6 = ipv6(64, new byte[0]).limit(39);
        ByteBuffer badIhl = ipv4(64, 0, new byte[0]);
        badIhl.put(0, (byte) 0x4f);
        ByteBuffer tinyIhl = ipv4(64, 0, new byte[0]);
        tinyIhl.put(0, (byte) 0x44);
        ByteBuffer version5 = ipv6(64, payload(1));
        version5.put(0, (byte) 0x50);

        for (ByteBuffer b : new ByteBuffer[] {empty, shortV6, badIhl, tinyIhl, version5}) {
            assertThat(filter.firstCopy(b)).isTrue();
            assertThat(filter.firstCopy(b)).isTrue();
        }
        assertThat(filter.duplicatesSuppressed()).isZero();
    }

    @Test
    void givenBufferWithOffsetAndLittleEndianOrder_whenFiltered_thenPositionLimitOrderUnchangedAndSameIdentity() {
        ByteBuffer plain = ipv6(64, payload(3));
        ByteBuffer framed = ByteBuffer.allocateDirect(plain.remaining() + 10).order(ByteOrder.LITTLE_ENDIAN);
        framed.position(4);
        framed.put(ipv6(63, payload(3)));
        framed.position(4).limit(4 + plain.remaining());

        assertThat(filter.firstCopy(plain)).isTrue();
        assertThat(filter.firstCopy(framed)).isFalse();
        assertThat(plain.position()).isZero();
        assertThat(plain.limit()).isEqualTo(plain.capacity());
        assertThat(framed.position()).isEqualTo(4);
        assertThat(framed.limit()).isEqualTo(4 + plain.remaining());
        assertThat(framed.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void givenReadOnlyBuffer_whenFiltered_thenReadInPlace() {
        assertThat(filter.firstCopy(ipv6(64, payload(9)).asReadOnlyBuffer())).isTrue();
        assertThat(filter.firstCopy(ipv6(64, payload(9)).asReadOnlyBuffer())).isFalse();
    }

    @Test
    void givenCapacity_whenBuilt_thenRoundedUpToAPowerOfTwoOfAtLeastOneBucket() {
        assertThat(new WindowedDuplicateFilter(1, 1, clock::get).slots()).isEqualTo(8);
        assertThat(new WindowedDuplicateFilter(1, 8, clock::get).slots()).isEqualTo(8);
        assertThat(new WindowedDuplicateFilter(1, 9, clock::get).slots()).isEqualTo(16);
        assertThat(new WindowedDuplicateFilter(1, 65_536, clock::get).slots()).isEqualTo(65_536);
    }

    @Test
    void givenDedupSettings_whenParsed_thenDefaultsAndRefusalsNameTheKey() {
        assertThat(DedupSettings.from(Map.of())).isEqualTo(new DedupSettings(500, 65_536));
        assertThat(DedupSettings.from(Map.of("dedupWindowMs", "200", "dedupCapacity", 1024)))
                .isEqualTo(new DedupSettings(200, 1024));
        assertThatThrownBy(() -> DedupSettings.from(Map.of("dedupWindowMs", "0")))
                .hasMessage("etc/io.anyhome.policy.redundant.dedup.cfg: key dedupWindowMs: 0 is outside 1..60000");
        assertThatThrownBy(() -> DedupSettings.from(Map.of("dedupCapacity", "lots")))
                .hasMessage("etc/io.anyhome.policy.redundant.dedup.cfg: key dedupCapacity: 'lots' is not a whole number");
        assertThatThrownBy(() -> DedupSettings.from(Map.of("dedupCapacity", 4)))
                .hasMessage("etc/io.anyhome.policy.redundant.dedup.cfg: key dedupCapacity: 4 is outside 8..16777216");
        assertThatThrownBy(() -> DedupSettings.from(Map.of("dedupCapacity", Long.MAX_VALUE)))
                .hasMessageContaining("key dedupCapacity:");
    }

    @Test
    void givenComponentWithoutConfiguration_whenFiltering_thenItDeliversOnce() {
        DuplicateFilterComponent component = new DuplicateFilterComponent(Map.of());

        assertThat(component.firstCopy(ipv6(64, payload(1)))).isTrue();
        assertThat(component.firstCopy(ipv6(60, payload(1)))).isFalse();
        assertThat(component.duplicatesSuppressed()).isEqualTo(1);
    }
}
