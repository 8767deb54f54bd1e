package io.anyhome.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.IpPrefix;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SimLinkPropertyTest {

    @Property(tries = 50)
    void everyOfferedPacketIsDeliveredOrCountedAsDroppedAndArrivesInOrderNoEarlierThanTheLinkAllows(
            @ForAll @LongRange(min = 100_000, max = 100_000_000) long limitedRate,
            @ForAll boolean unlimited, @ForAll @IntRange(min = 0, max = 50) int delayMs,
            @ForAll @IntRange(min = 0, max = 100) int lossPercent, @ForAll @IntRange(min = 1, max = 20) int queue,
            @ForAll @IntRange(min = 1, max = 60) int count, @ForAll long seed) throws Exception {
        SimNetwork net = new SimNetwork(seed);
        long rate = unlimited ? 0 : limitedRate; // at worst 60 packets of 52 bytes take 0.25 s
        SimLink link = net.link("l").rate(rate).delay(Duration.ofMillis(delayMs)).loss(lossPercent / 100.0)
                .queueLimit(queue);
        SimPlatform a = net.node("a");
        a.addAddress(a.addInterface("eth0", link).index(), IpPrefix.parse("2001:db8:a::1/64"), true);
        SimPlatform b = net.node("b");
        b.addAddress(b.addInterface("eth0", link).index(), IpPrefix.parse("2001:db8:a::2/64"), true);
        net.clock().advance(Duration.ofSeconds(1));
        LinkStats before = link.stats();
        UdpEndpoint rx = b.openUdp(new UdpOptions(InetAddress.getByName("::"), 9, null, false));
        UdpEndpoint tx = a.openUdp(new UdpOptions(InetAddress.getByName("::"), 0, null, false));
        long sentAt = net.clock().nanos();
        for (int k = 0; k < count; k++) {
            tx.send(ByteBuffer.allocate(4).putInt(0, k), new InetSocketAddress(InetAddress.getByName("2001:db8:a::2"), 9));
        }
        net.clock().advance(Duration.ofSeconds(10));

        int received = 0;
        int last = -1;
        ByteBuffer buf = ByteBuffer.allocate(100);
        while (rx.tryReceive(buf.clear(), new ReceiveMetadata()) >= 0) {
            int seq = buf.getInt(0);
            assertThat(seq).isGreaterThan(last);
            last = seq;
            received++;
        }
        LinkStats after = link.stats();
        long lost = after.lossDrops() - before.lossDrops();
        long queueDrops = after.queueDrops() - before.queueDrops();
        assertThat(after.offered() - before.offered()).isEqualTo(count);
        assertThat(after.delivered() - before.delivered()).isEqualTo(received);
        assertThat(received + lost + queueDrops).isEqualTo(count);
        assertThat(queueDrops).isLessThanOrEqualTo(Math.max(0, count - queue));
        if (lossPercent == 0) {
            assertThat(lost).isZero();
        }
        assertThat(net.clock().nanos() - sentAt).isGreaterThanOrEqualTo(delayMs * 1_000_000L);
    }
}
