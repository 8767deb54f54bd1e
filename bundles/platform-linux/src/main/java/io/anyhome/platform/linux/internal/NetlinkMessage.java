package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One netlink message: the {@code nlmsghdr} fields and its payload. {@link #split(ByteBuffer)}
 * cuts a received datagram into messages. Used by {@link NetlinkSocket}, the rtnetlink decoder
 * and the nl80211 reader.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    length (header included)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             type              |             flags             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        sequence number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     sending port id (pid)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * All fields are in host byte order; messages are aligned to 4 bytes.
 *
 * @param type the message type ({@link #NLMSG_ERROR}, {@link #NLMSG_DONE}, {@code RTM_*}, a
 *     generic netlink family id)
 * @param flags the {@code NLM_F_*} flags
 * @param sequence the sequence number (0 for multicast events)
 * @param portId the sender's port id (0 for the kernel)
 * @param payload the bytes after the header, position 0, host byte order
 */
record NetlinkMessage(int type, int flags, int sequence, int portId, ByteBuffer payload) {
    static final int HEADER_LENGTH = 16;
    static final int OFF_LENGTH = 0;
    static final int OFF_TYPE = 4;
    static final int OFF_FLAGS = 6;
    static final int OFF_SEQ = 8;
    static final int OFF_PID = 12;

    static final int NLMSG_NOOP = 1;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLMSG_OVERRUN = 4;

    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_MULTI = 0x2;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_DUMP_INTR = 0x10;
    /** On an error message: only the request's header is echoed (NETLINK_CAP_ACK). */
    static final int NLM_F_CAPPED = 0x100;
    /** On an error message: extended-ack TLVs follow the echoed request. */
    static final int NLM_F_ACK_TLVS = 0x200;
    static final int NLM_F_ROOT = 0x100;
    static final int NLM_F_MATCH = 0x200;
    static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;

    /**
     * Cuts a datagram into messages.
     *
     * @param datagram the received bytes, from 0 to the limit; not modified
     * @return the messages, in order, payloads being views into the datagram
     * @throws NetlinkMalformedException if a length is inconsistent
     */
    static List<NetlinkMessage> split(ByteBuffer datagram) throws NetlinkMalformedException {
        ByteBuffer b = datagram.duplicate().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> out = new ArrayList<>(4);
        int off = 0;
        int end = b.limit();
        while (end - off >= HEADER_LENGTH) {
            int len = b.getInt(off + OFF_LENGTH);
            if (len < HEADER_LENGTH || len > end - off) {
                throw new NetlinkMalformedException(datagram, off,
                        "nlmsg_len " + Integer.toUnsignedString(len) + " outside " + HEADER_LENGTH + ".." + (end - off));
            }
            ByteBuffer payload = b.duplicate().position(off + HEADER_LENGTH).limit(off + len).slice()
                    .order(ByteOrder.nativeOrder());
            out.add(new NetlinkMessage(b.getShort(off + OFF_TYPE) & 0xffff, b.getShort(off + OFF_FLAGS) & 0xffff,
                    b.getInt(off + OFF_SEQ), b.getInt(off + OFF_PID), payload));
            off += align(len);
        }
        if (off < end) {
            throw new NetlinkMalformedException(datagram, off, (end - off) + " trailing bytes, shorter than a header");
        }
        return out;
    }

    /**
     * @param length a length
     * @return it rounded up to a multiple of 4 ({@code NLMSG_ALIGN}, {@code NLA_ALIGN})
     */
    static int align(int length) {
        return (length + 3) & ~3;
    }
}
