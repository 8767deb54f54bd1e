package io.anyhome.packet.offload;

import io.anyhome.packet.InternetChecksum;
import java.nio.ByteBuffer;

/**
 * Receive coalescing in user space: consecutive TCP-over-IPv6 segments of one flow, as they
 * arrive back to back in one coalesced UDP receive, are merged into one super-packet behind a
 * virtio-net header, so that a TUN device with {@code IFF_VNET_HDR} hands the kernel's TCP one
 * 64 KiB segment instead of forty (what GRO does for a network card).
 *
 * <p>A segment joins the held run only if the kernel's own GRO would merge it: IPv6 directly
 * followed by TCP, the same addresses, traffic class, flow label and hop limit, the same TCP
 * header apart from sequence number, flags and checksum (ports, acknowledgement, window and
 * options such as timestamps identical), only ACK and PSH set, the next sequence number, payload
 * no larger than the first segment's, and a correct checksum (a damaged segment is never merged:
 * it goes to the kernel on its own, which drops and counts it). A run ends after a segment with
 * PSH or one shorter than the first, and before 64 KiB. One per delivering thread; not
 * thread-safe; nothing allocates.
 */
public final class TcpCoalescer {
    private static final int IPV6 = 40;
    private static final int TCP = 6;
    private static final int FLAGS = 13;
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;
    private static final int MAX_PAYLOAD = 65_535;

    private final ByteBuffer run;
    private final int vnet;
    private int length;
    private int segments;
    private int heldBytes;
    private int segmentPayload;
    private int tcpHeader;
    private int nextSequence;
    private boolean closed;

    /**
     * @param vnetHeaderLength the length of the virtio-net header the device expects (10)
     */
    public TcpCoalescer(int vnetHeaderLength) {
        this.vnet = vnetHeaderLength;
        this.run = ByteBuffer.allocateDirect(vnetHeaderLength + IPV6 + MAX_PAYLOAD);
    }

    /** @return true if nothing is held */
    public boolean isEmpty() {
        return segments == 0;
    }

    /**
     * Holds the packet (position..limit, unchanged): as the start of a run when nothing is held,
     * else appended to the run if it continues it.
     *
     * @param packet an IPv6 packet
     * @return true if held; false if it cannot join what is held (finish the run first) or, with
     *         nothing held, cannot be coalesced at all (deliver it on its own)
     */
    public boolean add(ByteBuffer packet) {
        int at = packet.position();
        int total = packet.remaining();
        if (total < IPV6 + 20 || (packet.get(at) & 0xf0) != 0x60 || (packet.get(at + 6) & 0xff) != TCP
                || IPV6 + (packet.getShort(at + 4) & 0xffff) != total) {
            return false;
        }
        int tcp = at + IPV6;
        int header = ((packet.get(tcp + 12) & 0xf0) >>> 4) * 4;
        int flags = packet.get(tcp + FLAGS) & 0xff;
        int payload = total - IPV6 - header;
        if (header < 20 || payload <= 0 || (flags & ~PSH) != ACK || !checksumValid(packet, at, total)) {
            return false;
        }
        if (segments == 0) {
            start(packet, at, total, header, payload, flags);
            return true;
        }
        if (closed || header != tcpHeader || payload > segmentPayload
                || packet.getInt(tcp + 4) != nextSequence || length + payload > vnet + IPV6 + MAX_PAYLOAD
                || !sameHeaders(packet, at)) {
            return false;
        }
        run.put(length, packet, at + IPV6 + header, payload);
        length += payload;
        segments++;
        heldBytes += total;
        nextSequence += payload;
        if ((flags & PSH) != 0) {
            int t = vnet + IPV6 + FLAGS;
            run.put(t, (byte) (run.get(t) | PSH));
        }
        closed = (flags & PSH) != 0 || payload < segmentPayload;
        return true;
    }

    private void start(ByteBuffer packet, int at, int total, int header, int payload, int flags) {
        run.clear();
        run.put(vnet, packet, at, total);
        length = vnet + total;
        segments = 1;
        heldBytes = total;
        segmentPayload = payload;
        tcpHeader = header;
        nextSequence = packet.getInt(at + IPV6 + 4) + payload;
        closed = (flags & PSH) != 0;
    }

    /** Compares everything but payload length, sequence number, flags and checksum with the run's first segment. */
    private boolean sameHeaders(ByteBuffer packet, int at) {
        int first = vnet;
        if (packet.getInt(at) != run.getInt(first) || packet.getShort(at + 6) != run.getShort(first + 6)) {
            return false;
        }
        for (int i = 8; i < IPV6; i += 8) {
            if (packet.getLong(at + i) != run.getLong(first + i)) {
                return false;
            }
        }
        int tcp = at + IPV6;
        int ours = first + IPV6;
        if (packet.getInt(tcp) != run.getInt(ours) || packet.getInt(tcp + 8) != run.getInt(ours + 8)
                || packet.get(tcp + 12) != run.get(ours + 12) || packet.getShort(tcp + 14) != run.getShort(ours + 14)
                || packet.getShort(tcp + 18) != run.getShort(ours + 18)) {
            return false;
        }
        for (int i = 20; i < tcpHeader; i++) {
            if (packet.get(tcp + i) != run.get(ours + i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Ends the run: its virtio-net header written (a plain one for a single packet, which stays as
     * it arrived; for several, TCP-over-IPv6 segmentation with the segment size of the first and
     * the checksum field holding the pseudo-header sum, as the kernel expects of a partial
     * checksum) and the run between position and limit of the returned buffer, ready for one
     * write. Nothing is held afterwards.
     *
     * @return the buffer to write (owned by this coalescer, valid until the next {@link #add})
     */
    public ByteBuffer finish() {
        if (segments == 1) {
            VirtioNetHeader.writePlain(run, 0);
        } else {
            int packetLength = length - vnet;
            run.putShort(vnet + 4, (short) (packetLength - IPV6));
            int tcpLength = packetLength - IPV6;
            long sum = InternetChecksum.add(0, run, vnet + 8, 32) + tcpLength + TCP;
            while ((sum >>> 16) != 0) {
                sum = (sum & 0xffff) + (sum >>> 16);
            }
            run.putShort(vnet + IPV6 + 16, (short) sum);
            VirtioNetHeader.writeTcpv6(run, 0, IPV6 + tcpHeader, segmentPayload, IPV6);
        }
        run.limit(length).position(0);
        segments = 0;
        return run;
    }

    /** @return the length of the packets held now, as they arrived (0 after {@link #finish()}) */
    public int heldBytes() {
        return segments == 0 ? 0 : heldBytes;
    }

    /** @return how many segments are held now (0 after {@link #finish()}) */
    public int heldSegments() {
        return segments;
    }

    private static boolean checksumValid(ByteBuffer p, int at, int total) {
        long sum = InternetChecksum.add(0, p, at + 8, 32) + (total - IPV6) + TCP;
        return InternetChecksum.finish(InternetChecksum.add(sum, p, at + IPV6, total - IPV6)) == 0;
    }
}
