package io.anyhome.platform.linux.internal;

import io.anyhome.api.platform.TunDevice;
import io.anyhome.api.platform.TunOptions;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * The TUN read+write loop: in a namespace of its own, IPv6/UDP packets from 2001:db8:fe::2 to
 * 2001:db8:fe::3 are written into {@code bench0} (2001:db8:ff::1/64, route 2001:db8:fe::/64 into
 * it, forwarding on); the kernel forwards each one back out of {@code bench0}, where the reader
 * takes it. Every packet so crosses into the kernel once, through the IPv6 forwarding path and
 * back out to user space once, the same crossings as {@link VethLoopBenchmark}'s UDP pair. Only
 * packets that come back with the hop limit decremented by one and the length written are counted
 * (the kernel's own router solicitations, MLD reports and rate-limited redirects are not).
 * Run from {@link LabBenchmark}.
 */
final class TunLoopBenchmark implements LoopBenchmark.Loop {
    static final int IPV6_HEADER = 40;
    static final int UDP_HEADER = 8;
    static final int HOP_LIMIT = 64;

    private final LabNamespace ns;
    private final TunDevice tun;
    private final int header;
    private final int packetBytes;
    private final ByteBuffer out;
    private final ByteBuffer in = ByteBuffer.allocateDirect(65536);

    private TunLoopBenchmark(LabNamespace ns, TunDevice tun, int packetBytes) throws Exception {
        this.ns = ns;
        this.tun = tun;
        this.header = tun.vnetHeaderLength();
        this.packetBytes = packetBytes;
        this.out = ByteBuffer.allocateDirect(header + packetBytes);
        out.put(new byte[header]); // virtio_net_hdr: no checksum request, VIRTIO_NET_HDR_GSO_NONE
        udp(out, InetAddress.getByName("2001:db8:fe::2"), InetAddress.getByName("2001:db8:fe::3"), packetBytes);
        out.flip();
    }

    /**
     * Makes the namespace and the device; close the result to remove both.
     *
     * @param vnetHeader open the device with {@code IFF_VNET_HDR} (and offloads) or without
     * @param packetBytes the IPv6 packet length, headers included
     */
    static TunLoopBenchmark open(boolean vnetHeader, int packetBytes) throws Exception {
        LabNamespace ns = LabNamespace.create(vnetHeader ? "benchvnet" : "benchtun");
        TunDevice tun = null;
        try {
            LabNamespace.Result r = ns.exec("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
            if (r.exitStatus() != 0) {
                throw new IllegalStateException("sysctl net.ipv6.conf.all.forwarding=1 failed: " + r.output());
            }
            LinuxPlatform platform = ns.inside(LinuxPlatform::system);
            TunOptions options = new TunOptions("bench0", 1500, vnetHeader, false);
            tun = ns.inside(() -> platform.openTun(options));
            ns.ip("addr", "add", "2001:db8:ff::1/64", "dev", "bench0", "nodad");
            ns.ip("route", "add", "2001:db8:fe::/64", "dev", "bench0");
            return new TunLoopBenchmark(ns, tun, packetBytes);
        } catch (Exception | Error e) {
            if (tun != null) {
                tun.close();
            }
            ns.close();
            throw e;
        }
    }

    @Override
    public void send() throws Exception {
        out.position(0);
        tun.write(out);
    }

    @Override
    public boolean receive() throws Exception {
        in.clear();
        int got = tun.read(in);
        return got == header + packetBytes && in.get(header + 6) == 17 && (in.get(header + 7) & 0xff) == HOP_LIMIT - 1;
    }

    @Override
    public void close() {
        tun.close();
        ns.close();
    }

    /** Writes an IPv6/UDP packet of {@code length} bytes (port 10 to 9, zero payload, valid checksum). */
    static void udp(ByteBuffer b, InetAddress source, InetAddress destination, int length) {
        int start = b.position();
        int udpLength = length - IPV6_HEADER;
        b.putInt(0x6000_0000).putShort((short) udpLength).put((byte) 17).put((byte) HOP_LIMIT);
        b.put(source.getAddress()).put(destination.getAddress());
        int udp = b.position();
        b.putShort((short) 10).putShort((short) 9).putShort((short) udpLength).putShort((short) 0);
        b.put(new byte[udpLength - UDP_HEADER]);
        long sum = 17 + udpLength;
        for (int i = start + 8; i < start + IPV6_HEADER; i += 2) {
            sum += b.getShort(i) & 0xffff;
        }
        for (int i = udp; i < udp + udpLength; i += 2) {
            sum += b.getShort(i) & 0xffff;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int checksum = (int) ~sum & 0xffff;
        b.putShort(udp + 6, (short) (checksum == 0 ? 0xffff : checksum));
    }
}
