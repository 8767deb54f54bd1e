package io.anyhome.policy.redundant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the duplicate filter over generated packets. */
class WindowedDuplicateFilterPropertyTest {

    /** Only a hash collision could suppress a distinct packet; 256 slots hold them all. */
    @Property
    void distinctPacketsWithinCapacityAreNeverSuppressed(
            @ForAll @Size(max = 256) List<@Size(max = 64) byte[]> payloads,
            @ForAll @IntRange(min = 1, max = 255) int hopLimit) {
        WindowedDuplicateFilter filter = new WindowedDuplicateFilter(60_000, 256, () -> 1000);
        Set<String> seen = new HashSet<>();

        for (byte[] payload : payloads) {
            if (seen.add(Arrays.toString(payload))) {
                assertThat(filter.firstCopy(Packets.ipv6(hopLimit, payload))).isTrue();
            }
        }
        assertThat(filter.duplicatesSuppressed()).isZero();
    }

    @Property
    void aCopyDifferingOnlyInHopLimitIsSuppressedRightAfterTheFirst(
            @ForAll @Size(max = 1500) byte[] payload,
            @ForAll @IntRange(min = 0, max = 255) int first,
            @ForAll @IntRange(min = 0, max = 255) int second) {
        WindowedDuplicateFilter filter = new WindowedDuplicateFilter(500, 64, () -> 1000);
        ByteBuffer copy = Packets.ipv6(second, payload);

        assertThat(filter.firstCopy(Packets.ipv6(first, payload))).isTrue();
        assertThat(filter.firstCopy(copy)).isFalse();
        assertThat(copy.position()).isZero();
        assertThat(copy.limit()).isEqualTo(40 + payload.length);
    }

    @Property
    void arbitraryBytesNeverThrowAndLeaveTheBufferAlone(@ForAll @Size(max = 100) byte[] bytes) {
        WindowedDuplicateFilter filter = new WindowedDuplicateFilter(500, 64, () -> 1000);
        ByteBuffer b = ByteBuffer.wrap(bytes);

        filter.firstCopy(b);

        assertThat(b.position()).isZero();
        assertThat(b.limit()).isEqualTo(bytes.length);
    }
}
