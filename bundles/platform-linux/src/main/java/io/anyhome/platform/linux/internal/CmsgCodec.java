package io.anyhome.platform.linux.internal;

import io.anyhome.api.platform.ReceiveMetadata;
import jnr.ffi.Pointer;

/**
 * Ancillary data ({@code struct cmsghdr}) of {@code sendmsg} and {@code recvmsg}, laid out for
 * 64-bit Linux:
 *
 * <pre>
 * cmsg_len(8, header + data) cmsg_level(4) cmsg_type(4) data... padding to 8
 * in6_pktinfo (20): addr(16) ifindex(4)        in_pktinfo (12): ifindex(4) spec_dst(4) addr(4)
 * </pre>
 *
 * Reading fills a {@link ReceiveMetadata} without allocating; writing appends one message and
 * returns where its data goes.
 */
final class CmsgCodec {
    static final int HEADER_LENGTH = 16;
    /** Room for the control messages a receive can bring: pktinfo, hop limit or TTL, GRO size. */
    static final int RECEIVE_SPACE = 128;
    private static final byte[] NO_ADDRESS = new byte[16];

    private CmsgCodec() {
    }

    /** @return the space one message with {@code dataLength} bytes of data takes ({@code CMSG_SPACE}) */
    static int space(int dataLength) {
        return HEADER_LENGTH + align(dataLength);
    }

    private static int align(int length) {
        return (length + 7) & ~7;
    }

    /**
     * Writes a message header.
     *
     * @param control the control buffer
     * @param offset where this message starts (a multiple of 8)
     * @return the offset of the message's data; the next message starts at
     *         {@code offset + space(dataLength)}
     */
    static int put(Pointer control, int offset, int level, int type, int dataLength) {
        control.setMemory(offset, space(dataLength), (byte) 0);
        control.putLong(offset, HEADER_LENGTH + dataLength);
        control.putInt(offset + 8, level);
        control.putInt(offset + 12, type);
        return offset + HEADER_LENGTH;
    }

    /** Appends an {@code in6_pktinfo} naming the outgoing interface (source address left to routing). */
    static int putIpv6PacketInfo(Pointer control, int offset, int interfaceIndex) {
        int data = put(control, offset, Native.IPPROTO_IPV6, Native.IPV6_PKTINFO, 20);
        control.putInt(data + 16, interfaceIndex);
        return offset + space(20);
    }

    /** Appends an {@code int} valued message (hop limit). */
    static int putInt(Pointer control, int offset, int level, int type, int value) {
        int data = put(control, offset, level, type, 4);
        control.putInt(data, value);
        return offset + space(4);
    }

    /** Appends a {@code UDP_SEGMENT} message (a {@code uint16_t} segment size). */
    static int putUdpSegment(Pointer control, int offset, int segmentSize) {
        int data = put(control, offset, Native.IPPROTO_UDP, Native.UDP_SEGMENT, 2);
        control.putShort(data, (short) segmentSize);
        return offset + space(2);
    }

    /**
     * Reads what a receive says about how the datagram arrived: destination address and arrival
     * interface ({@code IPV6_PKTINFO} or {@code IP_PKTINFO}), hop limit ({@code IPV6_HOPLIMIT} or
     * {@code IP_TTL}) and GRO segment size ({@code UDP_GRO}).
     *
     * @param control the control buffer
     * @param length {@code msg_controllen} after the receive
     * @param scratch16 16 bytes of scratch
     * @param scratch4 4 bytes of scratch
     * @param metadata where to put it
     */
    static void readArrival(Pointer control, long length, byte[] scratch16, byte[] scratch4, ReceiveMetadata metadata) {
        int interfaceIndex = 0;
        int hopLimit = -1;
        int segmentSize = 0;
        metadata.setDestination(NO_ADDRESS);
        int offset = 0;
        while (offset + HEADER_LENGTH <= length) {
            long cmsgLength = control.getLong(offset);
            if (cmsgLength < HEADER_LENGTH || offset + cmsgLength > length) {
                break;
            }
            int level = control.getInt(offset + 8);
            int type = control.getInt(offset + 12);
            int data = offset + HEADER_LENGTH;
            if (level == Native.IPPROTO_IPV6 && type == Native.IPV6_PKTINFO) {
                control.get(data, scratch16, 0, 16);
                metadata.setDestination(scratch16);
                interfaceIndex = control.getInt(data + 16);
            } else if (level == Native.IPPROTO_IPV6 && type == Native.IPV6_HOPLIMIT) {
                hopLimit = control.getInt(data);
            } else if (level == Native.IPPROTO_IP && type == Native.IP_PKTINFO) {
                interfaceIndex = control.getInt(data);
                control.get(data + 8, scratch4, 0, 4);
                metadata.setDestination(scratch4);
            } else if (level == Native.IPPROTO_IP && type == Native.IP_TTL) {
                hopLimit = control.getInt(data);
            } else if (level == Native.IPPROTO_UDP && type == Native.UDP_GRO) {
                segmentSize = control.getInt(data);
            }
            offset += HEADER_LENGTH + align((int) cmsgLength - HEADER_LENGTH);
        }
        metadata.setArrival(interfaceIndex, hopLimit, segmentSize);
    }
}
