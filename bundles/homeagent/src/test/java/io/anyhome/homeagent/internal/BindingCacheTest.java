package io.anyhome.homeagent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.ip.AddressFields;
import java.lang.management.ManagementFactory;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BindingCacheTest {
    static Inet6Address home(int i) {
        byte[] b = MobileNodeMessages.HOA.getAddress();
        b[12] = (byte) (i >>> 24);
        b[13] = (byte) (i >>> 16);
        b[14] = (byte) (i >>> 8);
        b[15] = (byte) i;
        return AddressFields.of(b);
    }

    static Binding binding(int i, int sequence, long registeredAt) {
        return Binding.of(home(i), 0, MobileNodeMessages.COA, new InetSocketAddress(MobileNodeMessages.COA, 40000 + i % 20000),
                sequence, 0xc100, 600_000, registeredAt, null);
    }

    @Test
    void givenManyBindings_whenLookedUpByAddressBytes_thenEachIsFoundAndReplacedOrRemovedAlone() {
        BindingCache cache = new BindingCache();
        for (int i = 0; i < 10_000; i++) {
            cache.put(binding(i, 1, 0));
        }
        assertThat(cache.size()).isEqualTo(10_000);
        ByteBuffer packet = ByteBuffer.allocate(40);
        for (int i = 0; i < 10_000; i++) {
            packet.put(8, home(i).getAddress());
            assertThat(cache.find(packet, 8).homeAddress()).isEqualTo(home(i));
        }
        Binding newer = binding(42, 2, 0);
        assertThat(cache.put(newer).sequence()).isEqualTo(1);
        assertThat(cache.find(home(42))).isSameAs(newer);
        assertThat(cache.remove(home(43), 0)).isNotNull();
        assertThat(cache.find(home(43))).isNull();
        assertThat(cache.find(home(44))).isNotNull();
        assertThat(cache.size()).isEqualTo(9_999);
        assertThat(cache.snapshot()).hasSize(9_999);
    }

    @Test
    void givenABindingIdentifier_whenPut_thenItIsASeparateEntryFromTheSingleBinding() {
        BindingCache cache = new BindingCache();
        Binding single = binding(1, 1, 0);
        Binding withBid = Binding.of(home(1), 7, MobileNodeMessages.COA, single.outer(), 1, 0, 1000, 0, null);
        cache.put(single);
        cache.put(withBid);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.find(home(1))).isSameAs(single);
        assertThat(cache.remove(home(1), 7)).isSameAs(withBid);
        assertThat(cache.find(home(1))).isSameAs(single);
    }

    @Test
    void givenARefreshAfterTheSweepRead_whenTheOldOneIsRemovedExactly_thenTheRefreshSurvives() {
        BindingCache cache = new BindingCache();
        Binding old = binding(1, 1, 0);
        cache.put(old);
        Binding refreshed = binding(1, 2, 500_000);
        cache.put(refreshed);

        assertThat(cache.removeExactly(old)).isFalse();
        assertThat(cache.expire(600_000)).isEmpty();
        assertThat(cache.expire(1_100_000)).containsExactly(refreshed);
    }

    @Test
    void givenABinding_whenLookedUpOnTheDataPath_thenNothingIsAllocated() {
        BindingCache cache = new BindingCache();
        for (int i = 0; i < 1000; i++) {
            cache.put(binding(i, 1, 0));
        }
        ByteBuffer packet = ByteBuffer.allocateDirect(40);
        packet.put(24, home(500).getAddress());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long found = 0;
        for (int i = 0; i < 100_000; i++) { // warm up
            found += cache.find(packet, 24) == null ? 0 : 1;
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            found += cache.find(packet, 24) == null ? 0 : 1;
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;

        assertThat(found).isEqualTo(200_000);
        assertThat(allocated).as("bytes allocated by 100 000 lookups").isLessThan(1024);
    }

    @Test
    void givenReadersOnOtherThreads_whenOneWriterChurns_thenReadersAlwaysFindTheStableBindings() throws Exception {
        BindingCache cache = new BindingCache();
        for (int i = 0; i < 100; i++) {
            cache.put(binding(i, 1, 0));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong misses = new AtomicLong();
        AtomicLong lookups = new AtomicLong();
        Thread reader = new Thread(() -> {
            ByteBuffer packet = ByteBuffer.allocate(40);
            while (!stop.get()) {
                for (int i = 0; i < 100; i++) {
                    packet.put(8, home(i).getAddress());
                    if (cache.find(packet, 8) == null) {
                        misses.incrementAndGet();
                    }
                    lookups.incrementAndGet();
                }
            }
        });
        reader.start();
        for (int round = 0; round < 20; round++) { // grows the table several times while read
            for (int i = 100 + round * 2000; i < 100 + (round + 1) * 2000; i++) {
                cache.put(binding(i, 1, 0));
            }
            for (int i = 100 + round * 2000; i < 100 + round * 2000 + 1000; i++) {
                cache.remove(home(i), 0);
            }
            for (int i = 0; i < 100; i++) {
                cache.put(binding(i, round + 2, 0));
            }
        }
        stop.set(true);
        reader.join();

        assertThat(lookups.get()).isPositive();
        assertThat(misses.get()).isZero();
        assertThat(cache.size()).isEqualTo(100 + 20 * 1000);
    }
}
