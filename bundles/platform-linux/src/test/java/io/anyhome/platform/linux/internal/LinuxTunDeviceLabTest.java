package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** TUN devices in a namespace of their own: the kernel answers pings written to home0. */
class LinuxTunDeviceLabTest {
    private static final byte[] DATA = "anyhome echo".getBytes(StandardCharsets.US_ASCII);

    @Test
    void givenHome0WithAnAddress_whenAnEchoRequestIsWritten_thenTheKernelsReplyIsRead() throws Exception {
        try (LabNamespace ns = LabNamespace.create("tun")) {
            LinuxPlatform platform = ns.inside(LinuxPlatform::system);
            try (TunDevice tun = ns.inside(() -> platform.openTun(TunOptions.of("home0", 1400)))) {
                ns.ip("addr", "add", "2001:db8:ff::1/64", "dev", tun.name(), "nodad");
                assertThat(tun.name()).isEqualTo("home0");
                assertThat(tun.vnetHeaderLength()).isZero();
                assertThat(ns.ip("link", "show", "home0")).contains("mtu 1400").contains("UP");
                assertThat(tun.index()).isEqualTo(Integer.parseInt(ns.ip("-o", "link", "show", "home0").split(":")[0]));

                // a heap buffer out, a direct buffer with an offset in
                ByteBuffer request = ByteBuffer.allocate(1500);
                Icmpv6Echo.request(request, ip("2001:db8:ff::2"), ip("2001:db8:ff::1"), 0x4242, 7, DATA);
                request.flip();
                int length = request.remaining();
                tun.write(request);
                assertThat(request.hasRemaining()).isFalse();

                ByteBuffer reply = ByteBuffer.allocateDirect(1600);
                reply.position(100);
                int start = awaitEchoReply(tun, reply, 0);
                assertThat(start).isEqualTo(100);

                assertThat(reply.position() - start).isEqualTo(length);
                assertThat(Icmpv6Echo.address(reply, start + 8)).isEqualTo(ip("2001:db8:ff::1"));
                assertThat(Icmpv6Echo.address(reply, start + 24)).isEqualTo(ip("2001:db8:ff::2"));
                int icmp = start + Icmpv6Echo.IPV6_HEADER;
                assertThat(reply.getShort(icmp + 4)).isEqualTo((short) 0x4242);
                assertThat(reply.getShort(icmp + 6)).isEqualTo((short) 7);
                byte[] echoed = new byte[DATA.length];
                reply.get(icmp + 8, echoed);
                assertThat(echoed).isEqualTo(DATA);
                assertThat(Icmpv6Echo.checksum(reply, start, icmp, length - Icmpv6Echo.IPV6_HEADER)).isZero();
            }
        }
    }

    @Test
    void givenAVnetHeaderDevice_whenAnEchoRequestIsWrittenWithAHeader_thenTheReplyComesWithOne() throws Exception {
        try (LabNamespace ns = LabNamespace.create("vnet")) {
            LinuxPlatform platform = ns.inside(LinuxPlatform::system);
            try (TunDevice tun = ns.inside(() -> platform.openTun(new TunOptions("home0", 1400, true, false)))) {
                ns.ip("addr", "add", "2001:db8:ff::1/64", "dev", tun.name(), "nodad");
                int header = tun.vnetHeaderLength();
                assertThat(header).isEqualTo(10);

                ByteBuffer request = ByteBuffer.allocateDirect(1500);
                request.put(new byte[header]); // flags 0, VIRTIO_NET_HDR_GSO_NONE
                Icmpv6Echo.request(request, ip("2001:db8:ff::2"), ip("2001:db8:ff::1"), 1, 1, DATA);
                request.flip();
                tun.write(request);

                ByteBuffer reply = ByteBuffer.allocate(1600);
                reply.position(3);
                int start = awaitEchoReply(tun, reply, header);
                assertThat(reply.get(start - header + 1)).as("gso_type").isZero();
                assertThat(Icmpv6Echo.address(reply, start + 24)).isEqualTo(ip("2001:db8:ff::2"));
            }
        }
    }

    @Test
    void givenAReaderBlockedOnAnIdleDevice_whenTheDeviceIsClosed_thenTheReaderGetsClosed() throws Exception {
        try (LabNamespace ns = LabNamespace.create("tunclose")) {
            LinuxPlatform platform = ns.inside(LinuxPlatform::system);
            // no IPv6 on new links: the kernel sends nothing on its own (no MLD, no RS)
            ns.inside(() -> {
                platform.setIpv6Setting("default", Ipv6Setting.DISABLE_IPV6, 1);
                return null;
            });
            TunDevice tun = ns.inside(() -> platform.openTun(TunOptions.of("idle0", 1280)));
            ByteBuffer buf = ByteBuffer.allocateDirect(1500);
            assertThat(tun.tryRead(buf)).isEqualTo(-1);

            Thread[] reader = new Thread[1];
            CompletableFuture<Integer> read = new CompletableFuture<>();
            reader[0] = new Thread(() -> {
                try {
                    read.complete(tun.read(buf));
                } catch (Throwable t) {
                    read.completeExceptionally(t);
                }
            });
            reader[0].start();
            await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(reader[0].getStackTrace())
                    .anyMatch(f -> f.getMethodName().equals("await") && f.getClassName().endsWith("LinuxTunDevice")));

            tun.close();
            tun.close();

            assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(Code.CLOSED));
            assertThat(tun.isOpen()).isFalse();
            assertThatThrownBy(() -> tun.tryWrite(ByteBuffer.allocate(40)))
                    .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(Code.CLOSED));
            await().atMost(Duration.ofSeconds(10)).until(() -> !ns.ip("link").contains("idle0"));
        }
    }

    @Test
    void givenAMultiQueueDevice_whenOpenedTwice_thenBothQueuesServeTheSameInterface() throws Exception {
        try (LabNamespace ns = LabNamespace.create("mq")) {
            LinuxPlatform platform = ns.inside(LinuxPlatform::system);
            TunOptions options = new TunOptions("mq0", 1500, false, true);
            try (TunDevice first = ns.inside(() -> platform.openTun(options));
                    TunDevice second = ns.inside(() -> platform.openTun(options))) {
                assertThat(second.index()).isEqualTo(first.index());
                assertThat(ns.ip("-d", "link", "show", "mq0")).contains("multi_queue");
            }
        }
    }

    @Test
    void givenAnExistingSingleQueueDevice_whenOpenedAgain_thenTheErrorNamesTheDevice() throws Exception {
        try (LabNamespace ns = LabNamespace.create("busy")) {
            LinuxPlatform platform = ns.inside(LinuxPlatform::system);
            try (TunDevice first = ns.inside(() -> platform.openTun(TunOptions.of("busy0", 1500)))) {
                assertThatThrownBy(() -> ns.inside(() -> platform.openTun(TunOptions.of("busy0", 1500))))
                        .isInstanceOfSatisfying(PlatformException.class, e -> {
                            assertThat(e.code()).isEqualTo(Code.CONFLICT);
                            assertThat(e.errno()).isEqualTo(Native.EBUSY);
                            assertThat(e.getMessage()).contains("busy0").contains("TUNSETIFF");
                        });
            }
        }
    }

    /** Reads packets (router solicitations and MLD reports may come first) until the echo reply. */
    private static int awaitEchoReply(TunDevice tun, ByteBuffer into, int headerLength) {
        int origin = into.position();
        int[] start = new int[1];
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(20)).until(() -> {
            into.position(origin);
            if (tun.tryRead(into) < 0) {
                return false;
            }
            start[0] = origin + headerLength;
            return Icmpv6Echo.isEchoReply(into, start[0]);
        });
        return start[0];
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }
}
