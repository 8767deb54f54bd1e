package io.anyhome.platform.linux.internal;

import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The baseline for {@link TunLoopBenchmark}: a plain kernel path with the same packet size and the
 * same number of user/kernel crossings. Two namespaces joined by a veth pair
 * ({@code a0} 2001:db8:fd::1/64, {@code b0} 2001:db8:fd::2/64); a connected Java
 * {@link DatagramChannel} in the first sends UDP datagrams to one in the second, so every packet
 * goes down the sender's IPv6 stack, across the veth and up the receiver's stack. Datagrams carry
 * {@code packetBytes - 48} bytes of payload, so the IPv6 packet is {@code packetBytes} long (veth adds
 * its 14-byte Ethernet header, which is not counted). Run from {@link LabBenchmark}.
 */
final class VethLoopBenchmark implements LoopBenchmark.Loop {
    private final LabNamespace a;
    private final LabNamespace b;
    private final DatagramChannel sender;
    private final DatagramChannel receiver;
    private final ByteBuffer out;
    private final ByteBuffer in = ByteBuffer.allocateDirect(65536);
    private final int payload;

    private VethLoopBenchmark(LabNamespace a, LabNamespace b, DatagramChannel sender, DatagramChannel receiver,
            int payload) {
        this.a = a;
        this.b = b;
        this.sender = sender;
        this.receiver = receiver;
        this.payload = payload;
        this.out = ByteBuffer.allocateDirect(payload);
    }

    /**
     * Makes both namespaces, the veth pair and the two sockets; close the result to remove them.
     *
     * @param packetBytes the IPv6 packet length, headers included
     */
    static VethLoopBenchmark open(int packetBytes) throws Exception {
        LabNamespace a = LabNamespace.create("bencha");
        LabNamespace b = null;
        DatagramChannel sender = null;
        DatagramChannel receiver = null;
        try {
            b = LabNamespace.create("benchb");
            a.ip("link", "add", "a0", "type", "veth", "peer", "name", "b0", "netns", b.name());
            a.ip("addr", "add", "2001:db8:fd::1/64", "dev", "a0", "nodad");
            b.ip("addr", "add", "2001:db8:fd::2/64", "dev", "b0", "nodad");
            a.ip("link", "set", "a0", "up");
            b.ip("link", "set", "b0", "up");
            InetSocketAddress from = new InetSocketAddress("2001:db8:fd::1", 10);
            InetSocketAddress to = new InetSocketAddress("2001:db8:fd::2", 9);
            receiver = b.inside(() -> DatagramChannel.open(StandardProtocolFamily.INET6).bind(to).connect(from));
            sender = a.inside(() -> DatagramChannel.open(StandardProtocolFamily.INET6).bind(from).connect(to));
            return new VethLoopBenchmark(a, b, sender, receiver,
                    packetBytes - TunLoopBenchmark.IPV6_HEADER - TunLoopBenchmark.UDP_HEADER);
        } catch (Exception | Error e) {
            closeQuietly(sender);
            closeQuietly(receiver);
            if (b != null) {
                b.close();
            }
            a.close();
            throw e;
        }
    }

    @Override
    public void send() throws Exception {
        out.clear();
        sender.write(out);
    }

    @Override
    public boolean receive() throws Exception {
        in.clear();
        return receiver.read(in) == payload;
    }

    @Override
    public void close() {
        closeQuietly(sender);
        closeQuietly(receiver);
        a.close();
        b.close();
    }

    private static void closeQuietly(DatagramChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // nothing left to release
            }
        }
    }
}
