package io.anyhome.platform.linux.internal;

import static io.anyhome.platform.linux.internal.SocketLab.A4;
import static io.anyhome.platform.linux.internal.SocketLab.A6;
import static io.anyhome.platform.linux.internal.SocketLab.B4;
import static io.anyhome.platform.linux.internal.SocketLab.B6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.UdpOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** UDP endpoints between two namespaces joined by a veth pair. */
class LinuxUdpEndpointTest {
    private static final int PORT = 4191;

    @Test
    void givenAVethBetweenTwoNamespaces_whenADatagramIsSentOverIpv6_thenItArrivesWithSourceDestinationAndArrivalInterface()
            throws Exception {
        try (SocketLab lab = SocketLab.create("udp6")) {
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxUdpEndpoint receiver = lab.b.inside(() -> sockets.openUdp(new UdpOptions(B6, PORT, null, false)));
                    LinuxUdpEndpoint sender = lab.a.inside(() -> sockets.openUdp(new UdpOptions(A6, 0, null, false)))) {
                sender.send(text("hello over veth"), new InetSocketAddress(B6, PORT));

                ByteBuffer in = ByteBuffer.allocate(2048);
                ReceiveMetadata meta = new ReceiveMetadata();
                int n = receiver.receive(in, meta, 5000);

                assertThat(n).isEqualTo(15);
                assertThat(new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII)).isEqualTo("hello over veth");
                assertThat(meta.sourceAddress()).isEqualTo(A6);
                assertThat(meta.sourcePort()).isEqualTo(sender.localAddress().getPort()).isNotZero();
                assertThat(meta.destinationAddress()).isEqualTo(B6);
                assertThat(meta.interfaceIndex()).isEqualTo(SocketLab.index(lab.b, "b0"));
                assertThat(meta.hopLimit()).isEqualTo(64);
                assertThat(meta.segmentSize()).isZero();
            }
        }
    }

    @Test
    void givenIpv4Addresses_whenADatagramIsSentBackAndForth_thenBothEndsSeeEachOtherAndTheirInterface() throws Exception {
        try (SocketLab lab = SocketLab.create("udp4")) {
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxUdpEndpoint b = lab.b.inside(() -> sockets.openUdp(new UdpOptions(B4, PORT, null, false)));
                    LinuxUdpEndpoint a = lab.a.inside(() -> sockets.openUdp(new UdpOptions(A4, PORT, null, false)))) {
                ReceiveMetadata meta = new ReceiveMetadata();
                ByteBuffer direct = ByteBuffer.allocateDirect(2048);

                a.send(text("ping"), new InetSocketAddress(B4, PORT));
                assertThat(b.receive(direct, meta, 5000)).isEqualTo(4);
                assertThat(meta.sourceAddress()).isEqualTo(A4);
                assertThat(meta.interfaceIndex()).isEqualTo(SocketLab.index(lab.b, "b0"));

                direct.flip();
                b.send(direct, new InetSocketAddress(meta.sourceAddress(), meta.sourcePort()));
                ByteBuffer back = ByteBuffer.allocate(64);
                assertThat(a.receive(back, meta, 5000)).isEqualTo(4);
                assertThat(new String(back.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("ping");
                assertThat(meta.sourceAddress()).isEqualTo(B4);
                assertThat(meta.destinationAddress()).isEqualTo(A4);
                assertThat(meta.interfaceIndex()).isEqualTo(SocketLab.index(lab.a, "a0"));
                assertThat(meta.hopLimit()).isEqualTo(64);
            }
        }
    }

    @Test
    void givenTwoSocketsOnOnePortBoundToDifferentDevices_whenADatagramArrivesOnB0_thenOnlyTheB0SocketGetsIt()
            throws Exception {
        try (SocketLab lab = SocketLab.create("udpdev")) {
            lab.b.ip("link", "add", "d0", "type", "veth", "peer", "name", "d1");
            lab.b.ip("link", "set", "d0", "up");
            LinuxSockets sockets = new LinuxSockets();
            InetAddress any = InetAddress.getByName("::");
            try (LinuxUdpEndpoint onDummy = lab.b.inside(() -> sockets.openUdp(new UdpOptions(any, PORT, "d0", false)));
                    LinuxUdpEndpoint onVeth = lab.b.inside(() -> sockets.openUdp(new UdpOptions(any, PORT, "b0", false)));
                    LinuxUdpEndpoint sender = lab.a.inside(() -> sockets.openUdp(new UdpOptions(A6, 0, null, false)))) {
                sender.send(text("one"), new InetSocketAddress(B6, PORT));

                ReceiveMetadata meta = new ReceiveMetadata();
                assertThat(onVeth.receive(ByteBuffer.allocate(64), meta, 5000)).isEqualTo(3);
                assertThat(meta.interfaceIndex()).isEqualTo(SocketLab.index(lab.b, "b0"));
                assertThat(onDummy.tryReceive(ByteBuffer.allocate(64), meta)).isEqualTo(-1);
            }
        }
    }

    @Test
    void givenSegmentation_whenFourSegmentsOf1200BytesAreSentInOneCall_thenFourDatagramsArrive() throws Exception {
        try (SocketLab lab = SocketLab.create("udpgso")) {
            LinuxSockets sockets = new LinuxSockets();
            SocketCapabilities caps = sockets.capabilities();
            if (!caps.udpGso()) {
                assertThat(caps.causes()).containsKey("udpGso");
            }
            try (LinuxUdpEndpoint receiver = lab.b.inside(() -> sockets.openUdp(new UdpOptions(B6, PORT, null, false)));
                    LinuxUdpEndpoint sender = lab.a.inside(() -> sockets.openUdp(new UdpOptions(A6, 0, null, false)))) {
                assertThat(sender.segmentationOffload()).isEqualTo(caps.udpGso());
                ByteBuffer batch = ByteBuffer.allocate(4 * 1200);
                for (int i = 0; i < 4 * 1200; i++) {
                    batch.put((byte) (i / 1200 + 1));
                }
                batch.flip();

                sender.sendSegmented(batch, new InetSocketAddress(B6, PORT), 1200);

                assertThat(batch.hasRemaining()).isFalse();
                ReceiveMetadata meta = new ReceiveMetadata();
                List<Integer> firstBytes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ByteBuffer in = ByteBuffer.allocate(2048);
                    assertThat(receiver.receive(in, meta, 5000)).isEqualTo(1200);
                    assertThat(in.get(1199)).isEqualTo(in.get(0));
                    firstBytes.add((int) in.get(0));
                }
                assertThat(firstBytes).containsExactly(1, 2, 3, 4);
                assertThat(receiver.tryReceive(ByteBuffer.allocate(2048), meta)).isEqualTo(-1);
            }
        }
    }

    @Test
    void givenAGroReceiverOnLoopback_whenFourSegmentsAreSentInOneCall_thenOneReceiveHoldsThemWithTheSegmentSize()
            throws Exception {
        try (LabNamespace ns = LabNamespace.create("udpgro")) {
            LinuxSockets sockets = new LinuxSockets();
            SocketCapabilities caps = sockets.capabilities();
            if (!caps.udpGso() || !caps.udpGro()) {
                assertThat(caps.causes()).containsAnyOf(
                        java.util.Map.entry("udpGso", caps.causes().getOrDefault("udpGso", "")),
                        java.util.Map.entry("udpGro", caps.causes().getOrDefault("udpGro", "")));
                return;
            }
            InetAddress loopback = InetAddress.getByName("::1");
            try (LinuxUdpEndpoint receiver = ns.inside(() -> sockets.openUdp(new UdpOptions(loopback, PORT, null, true)));
                    LinuxUdpEndpoint sender = ns.inside(() -> sockets.openUdp(new UdpOptions(loopback, 0, null, false)))) {
                sender.sendSegmented(ByteBuffer.allocate(4 * 1200), new InetSocketAddress(loopback, PORT), 1200);

                ReceiveMetadata meta = new ReceiveMetadata();
                ByteBuffer in = ByteBuffer.allocateDirect(SocketEndpoint.PAYLOAD_CAPACITY);
                assertThat(receiver.receive(in, meta, 5000)).isEqualTo(4800);
                assertThat(meta.segmentSize()).isEqualTo(1200);
            }
        }
    }

    @Test
    void givenAnAddressNotOnTheNode_whenOpened_thenEaddrnotavailNamingTheAddress() throws Exception {
        try (LabNamespace ns = LabNamespace.create("udperr")) {
            LinuxSockets sockets = new LinuxSockets();
            InetAddress absent = InetAddress.getByName("2001:db8:99::1");

            assertThatThrownBy(() -> ns.inside(() -> sockets.openUdp(new UdpOptions(absent, PORT, null, false))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Native.EADDRNOTAVAIL);
                        assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
                        assertThat(e.getMessage()).contains("bind", "2001:db8:99::1", "4191");
                    });
        }
    }

    @Test
    void givenAnUnknownDevice_whenOpened_thenTheFailureNamesTheOptionAndDevice() throws Exception {
        try (LabNamespace ns = LabNamespace.create("udpnodev")) {
            LinuxSockets sockets = new LinuxSockets();
            InetAddress any = InetAddress.getByName("::");

            assertThatThrownBy(() -> ns.inside(() -> sockets.openUdp(new UdpOptions(any, PORT, "nosuch0", false))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Native.ENODEV);
                        assertThat(e.getMessage()).contains("SO_BINDTODEVICE nosuch0");
                    });
        }
    }

    @Test
    void givenAReceiverBlockedWithoutTimeout_whenTheEndpointIsClosed_thenTheReceiverGetsClosed() throws Exception {
        try (LabNamespace ns = LabNamespace.create("udpclose")) {
            LinuxSockets sockets = new LinuxSockets();
            InetAddress loopback = InetAddress.getByName("::1");
            LinuxUdpEndpoint endpoint = ns.inside(() -> sockets.openUdp(new UdpOptions(loopback, 0, null, false)));
            CompletableFuture<Integer> blocked = new CompletableFuture<>();
            Thread receiver = new Thread(() -> {
                try {
                    blocked.complete(endpoint.receive(ByteBuffer.allocate(64), new ReceiveMetadata()));
                } catch (Throwable e) {
                    blocked.completeExceptionally(e);
                }
            }, "udp-receiver");
            receiver.setDaemon(true);
            receiver.start();
            org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS)
                    .until(() -> blockedInPoll("udp-receiver"));

            endpoint.close();

            assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PlatformException.class)
                    .cause().satisfies(e -> assertThat(((PlatformException) e).code()).isEqualTo(Code.CLOSED));
            assertThat(endpoint.isOpen()).isFalse();
            assertThatThrownBy(() -> endpoint.send(text("x"), new InetSocketAddress(loopback, 9)))
                    .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(Code.CLOSED));
        }
    }

    @Test
    void givenAWarmedUpEndpoint_whenThousandsOfDatagramsGoThroughSendAndReceive_thenNothingIsAllocatedPerDatagram()
            throws Exception {
        try (LabNamespace ns = LabNamespace.create("udpalloc")) {
            InetAddress loopback = InetAddress.getByName("::1");
            LinuxSockets sockets = new LinuxSockets();
            try (LinuxUdpEndpoint endpoint = ns.inside(() -> sockets.openUdp(new UdpOptions(loopback, 0, null, false)))) {
                InetSocketAddress self = endpoint.localAddress();
                ByteBuffer heapOut = ByteBuffer.allocate(1200);
                ByteBuffer directIn = ByteBuffer.allocateDirect(2048);
                ReceiveMetadata meta = new ReceiveMetadata();
                com.sun.management.ThreadMXBean threads =
                        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
                long thread = Thread.currentThread().getId();

                roundTrips(endpoint, self, heapOut, directIn, meta, 20_000); // warm up: JIT, lazy classes
                long before = threads.getThreadAllocatedBytes(thread);
                roundTrips(endpoint, self, heapOut, directIn, meta, 10_000);
                long allocated = threads.getThreadAllocatedBytes(thread) - before;

                assertThat(allocated).as("bytes allocated for 10,000 datagrams").isLessThan(10_000);
            }
        }
    }

    private static void roundTrips(LinuxUdpEndpoint endpoint, InetSocketAddress to, ByteBuffer out, ByteBuffer in,
            ReceiveMetadata meta, int count) throws PlatformException {
        for (int i = 0; i < count; i++) {
            out.clear();
            endpoint.send(out, to);
            in.clear();
            if (endpoint.receive(in, meta, 1000) != 1200) {
                throw new AssertionError("datagram " + i + " lost");
            }
        }
    }

    @Test
    void givenNothingArrives_whenReceivingWithATimeout_thenItReturnsMinusOne() throws Exception {
        try (LabNamespace ns = LabNamespace.create("udpwait")) {
            InetAddress loopback = InetAddress.getByName("::1");
            try (LinuxUdpEndpoint endpoint = ns.inside(() -> new LinuxSockets().openUdp(
                    new UdpOptions(loopback, 0, null, false)))) {
                assertThat(endpoint.receive(ByteBuffer.allocate(64), new ReceiveMetadata(), 50)).isEqualTo(-1);
                assertThat(endpoint.tryReceive(ByteBuffer.allocate(64), new ReceiveMetadata())).isEqualTo(-1);
            }
        }
    }

    /** True once the named thread of this JVM sits in the poll system call (x86_64 poll or ppoll). */
    private static boolean blockedInPoll(String threadName) throws java.io.IOException {
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    String comm = java.nio.file.Files.readString(task.resolve("comm")).trim();
                    String call = java.nio.file.Files.readString(task.resolve("syscall"));
                    if (comm.equals(threadName) && (call.startsWith("7 ") || call.startsWith("271 "))) {
                        return true;
                    }
                } catch (java.io.IOException gone) {
                    // the task ended while being listed
                }
            }
        }
        return false;
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }
}
