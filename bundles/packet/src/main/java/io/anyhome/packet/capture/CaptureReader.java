package io.anyhome.packet.capture;

import io.anyhome.packet.MalformedPacketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole pcap or pcapng file into its frames.
 *
 * <p>pcap: the classic format with microsecond (magic {@code a1b2c3d4}) or nanosecond
 * ({@code a1b23c4d}) timestamps, in either byte order. pcapng: Section Header, Interface
 * Description (link type and {@code if_tsresol}), Enhanced and Simple Packet Blocks; other blocks
 * are skipped by their length; several sections are allowed. Anything else, or a length that
 * points outside the file, is a {@link MalformedPacketException} with the file offset.
 */
public final class CaptureReader {
    private static final int PCAP_MAGIC_US = 0xa1b2c3d4;
    private static final int PCAP_MAGIC_NS = 0xa1b23c4d;
    private static final int PCAPNG_SHB = 0x0a0d0d0a;
    private static final int PCAPNG_BOM = 0x1a2b3c4d;
    private static final int PCAPNG_IDB = 1;
    private static final int PCAPNG_SPB = 3;
    private static final int PCAPNG_EPB = 6;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int MAX_FRAME = 256 * 1024;

    private CaptureReader() {
    }

    /**
     * Reads every frame of a capture file.
     *
     * @param file the whole file; read from index 0 to its limit, position unchanged
     * @return the frames in file order
     * @throws MalformedPacketException if the file is not pcap or pcapng, or is damaged
     */
    public static List<CapturedPacket> read(ByteBuffer file) throws MalformedPacketException {
        ByteBuffer b = file.duplicate();
        b.position(0);
        if (b.limit() < 4) {
            throw MalformedPacketException.at(b, 0, "file too short for a capture header");
        }
        int magicBe = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        int magicLe = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magicBe == PCAPNG_SHB) {
            return readPcapng(b);
        }
        if (magicBe == PCAP_MAGIC_US || magicBe == PCAP_MAGIC_NS) {
            return readPcap(b.order(ByteOrder.BIG_ENDIAN), magicBe == PCAP_MAGIC_NS);
        }
        if (magicLe == PCAP_MAGIC_US || magicLe == PCAP_MAGIC_NS) {
            return readPcap(b.order(ByteOrder.LITTLE_ENDIAN), magicLe == PCAP_MAGIC_NS);
        }
        throw MalformedPacketException.at(b, 0,
                String.format("not a pcap or pcapng file (magic 0x%08x)", magicBe));
    }

    private static List<CapturedPacket> readPcap(ByteBuffer b, boolean nanos)
            throws MalformedPacketException {
        if (b.limit() < 24) {
            throw MalformedPacketException.at(b, 0, "pcap global header truncated");
        }
        int linkType = b.getInt(20) & 0xffff;
        requireSupported(b, 20, linkType);
        List<CapturedPacket> out = new ArrayList<>();
        int at = 24;
        while (at < b.limit()) {
            if (b.limit() - at < 16) {
                throw MalformedPacketException.at(b, at, "pcap record header truncated");
            }
            long sec = b.getInt(at) & 0xffffffffL;
            long frac = b.getInt(at + 4) & 0xffffffffL;
            int incl = b.getInt(at + 8);
            if (incl < 0 || incl > MAX_FRAME || incl > b.limit() - at - 16) {
                throw MalformedPacketException.at(b, at + 8, "pcap record length "
                        + Integer.toUnsignedString(incl) + " exceeds the file");
            }
            byte[] frame = new byte[incl];
            b.get(at + 16, frame);
            long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
            out.add(LinkLayer.locate(out.size() + 1, ts, linkType, frame));
            at += 16 + incl;
        }
        return out;
    }

    private static List<CapturedPacket> readPcapng(ByteBuffer b) throws MalformedPacketException {
        b.order(ByteOrder.BIG_ENDIAN);
        List<CapturedPacket> out = new ArrayList<>();
        Map<Integer, int[]> interfaces = new HashMap<>(); // id -> {linkType, tsresol}
        int at = 0;
        while (at < b.limit()) {
            if (b.limit() - at < 12) {
                throw MalformedPacketException.at(b, at, "pcapng block header truncated");
            }
            // the section header's type reads the same in both byte orders
            int type = b.getInt(at);
            if (type == PCAPNG_SHB) {
                int bom = b.getInt(at + 8);
                if (bom == PCAPNG_BOM) {
                    b.order(ByteOrder.BIG_ENDIAN);
                } else if (Integer.reverseBytes(bom) == PCAPNG_BOM) {
                    b.order(ByteOrder.LITTLE_ENDIAN);
                } else {
                    throw MalformedPacketException.at(b, at + 8, "pcapng byte-order magic missing");
                }
                interfaces.clear();
            }
            int len = b.getInt(at + 4);
            if (len < 12 || len % 4 != 0 || len > b.limit() - at || b.getInt(at + len - 4) != len) {
                throw MalformedPacketException.at(b, at + 4, "pcapng block length "
                        + Integer.toUnsignedString(len) + " invalid or exceeds the file");
            }
            int body = at + 8;
            int bodyLen = len - 12;
            switch (type) {
                case PCAPNG_IDB -> {
                    if (bodyLen < 8) {
                        throw MalformedPacketException.at(b, body, "interface description block truncated");
                    }
                    int linkType = b.getShort(body) & 0xffff;
                    requireSupported(b, body, linkType);
                    interfaces.put(interfaces.size(),
                            new int[] {linkType, tsresol(b, body + 8, body + bodyLen)});
                }
                case PCAPNG_EPB -> {
                    if (bodyLen < 20) {
                        throw MalformedPacketException.at(b, body, "enhanced packet block truncated");
                    }
                    int iface = b.getInt(body);
                    int[] desc = interfaces.get(iface);
                    if (desc == null) {
                        throw MalformedPacketException.at(b, body, "packet for undeclared interface " + iface);
                    }
                    long units = ((b.getInt(body + 4) & 0xffffffffL) << 32) | (b.getInt(body + 8) & 0xffffffffL);
                    int cap = b.getInt(body + 12);
                    if (cap < 0 || cap > MAX_FRAME || cap > bodyLen - 20) {
                        throw MalformedPacketException.at(b, body + 12, "captured length "
                                + Integer.toUnsignedString(cap) + " exceeds the block");
                    }
                    byte[] frame = new byte[cap];
                    b.get(body + 20, frame);
                    out.add(LinkLayer.locate(out.size() + 1, toNanos(units, desc[1]), desc[0], frame));
                }
                case PCAPNG_SPB -> {
                    int[] desc = interfaces.get(0);
                    if (desc == null || bodyLen < 4) {
                        throw MalformedPacketException.at(b, body, "simple packet block without interface 0");
                    }
                    int orig = b.getInt(body);
                    int cap = Math.min(Math.max(orig, 0), bodyLen - 4);
                    byte[] frame = new byte[cap];
                    b.get(body + 4, frame);
                    out.add(LinkLayer.locate(out.size() + 1, 0, desc[0], frame));
                }
                default -> {
                    // section header handled above; statistics, name resolution etc. are skipped
                }
            }
            at += len;
        }
        return out;
    }

    /** Reads if_tsresol from an option list; returns the code byte (default 6: microseconds). */
    private static int tsresol(ByteBuffer b, int from, int to) {
        int at = from;
        while (to - at >= 4) {
            int code = b.getShort(at) & 0xffff;
            int len = b.getShort(at + 2) & 0xffff;
            if (code == 0 || len > to - at - 4) {
                break;
            }
            if (code == OPT_IF_TSRESOL && len >= 1) {
                return b.get(at + 4) & 0xff;
            }
            at += 4 + ((len + 3) & ~3);
        }
        return 6;
    }

    private static long toNanos(long units, int tsresol) {
        int exp = tsresol & 0x7f;
        if ((tsresol & 0x80) != 0) {
            return exp >= 63 ? 0 : (long) (units * (1e9 / Math.pow(2, exp)));
        }
        if (exp <= 9) {
            long mul = 1;
            for (int i = exp; i < 9; i++) {
                mul *= 10;
            }
            return units * mul;
        }
        long div = 1;
        for (int i = 9; i < exp && i < 27; i++) {
            div *= 10;
        }
        return units / div;
    }

    private static void requireSupported(ByteBuffer b, int offset, int linkType)
            throws MalformedPacketException {
        if (!LinkLayer.isSupported(linkType)) {
            throw MalformedPacketException.at(b, offset, "link type " + linkType
                    + " not supported (Ethernet 1, raw IP 101/228/229, Linux SLL 113, SLL2 276)");
        }
    }
}
