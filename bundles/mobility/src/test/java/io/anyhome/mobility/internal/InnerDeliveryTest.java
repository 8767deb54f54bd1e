package io.anyhome.mobility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.path.DuplicateFilter;
import io.anyhome.api.vi.ViDTO;
import io.anyhome.api.vi.VirtualInterface;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InnerDeliveryTest {
    private final MobilityCounters counters = new MobilityCounters();
    private final List<ByteBuffer> delivered = new ArrayList<>();
    private final VirtualInterface vi = new VirtualInterface() {
        @Override
        public String name() {
            return "home0";
        }

        @Override
        public InetAddress homeAddress() {
            return BindingUpdateListTest.HOA;
        }

        @Override
        public boolean deliver(ByteBuffer packet) {
            delivered.add(packet.duplicate());
            return true;
        }

        @Override
        public ViDTO describe() {
            return new ViDTO();
        }
    };

    /** Suppresses a packet whose bytes it has seen. */
    private final DuplicateFilter filter = new DuplicateFilter() {
        private final Set<ByteBuffer> seen = new HashSet<>();

        @Override
        public boolean firstCopy(ByteBuffer innerPacket) {
            return seen.add(innerPacket.duplicate());
        }

        @Override
        public long duplicatesSuppressed() {
            return 0;
        }
    };

    @Test
    void givenADuplicateFilter_whenTheSamePacketArrivesTwice_thenTheVirtualInterfaceGetsItOnce() {
        InnerDelivery d = new InnerDelivery(() -> filter, () -> vi, counters);
        ByteBuffer packet = MobileNodeSimTest.inner(MobileNodeSimTest.CN, BindingUpdateListTest.HOA, "once");

        assertThat(d.deliver(packet.duplicate())).isTrue();
        assertThat(d.deliver(packet.duplicate())).isFalse();

        assertThat(delivered).hasSize(1);
        assertThat(counters.drops("duplicate")).isEqualTo(1);
    }

    @Test
    void givenNoFilterAndNoVirtualInterface_whenAPacketArrives_thenItIsDroppedAndCounted() {
        InnerDelivery d = new InnerDelivery(() -> null, () -> null, counters);

        assertThat(d.deliver(ByteBuffer.allocate(40))).isFalse();
        assertThat(counters.drops("no-virtual-interface")).isEqualTo(1);
    }
}
