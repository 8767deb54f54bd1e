package io.anyhome.platform.linux.internal;

import java.nio.ByteBuffer;

/**
 * The payload of an {@code NLMSG_ERROR} message: an acknowledgement ({@code errno} 0) or a
 * refusal, with the kernel's extended acknowledgement when {@code NETLINK_EXT_ACK} is on.
 *
 * <pre>
 * struct nlmsgerr { int error;  struct nlmsghdr msg; }   -- error is -errno, 0 for an ack
 * then (NLM_F_CAPPED clear) the rest of the request, then (NLM_F_ACK_TLVS set) attributes:
 *   NLMSGERR_ATTR_MSG (1)  string, what was wrong
 *   NLMSGERR_ATTR_OFFS (2) u32, offset of the offending attribute in the request
 * </pre>
 * An {@code NLMSG_DONE} ending a failed dump carries the same shape without the echoed header.
 *
 * @param errno the positive errno, 0 for an acknowledgement
 * @param sequence the sequence number of the request answered
 * @param message the kernel's explanation, empty if none
 * @param offset the offset of the offending attribute in the request, -1 if not given
 */
record NetlinkError(int errno, int sequence, String message, int offset) {
    static final int NLMSGERR_ATTR_MSG = 1;
    static final int NLMSGERR_ATTR_OFFS = 2;

    /**
     * @param error the {@code NLMSG_ERROR} message
     * @return its content
     * @throws NetlinkMalformedException if it is too short or its attributes are inconsistent
     */
    static NetlinkError decode(NetlinkMessage error) throws NetlinkMalformedException {
        ByteBuffer p = error.payload();
        if (p.limit() < 4 + NetlinkMessage.HEADER_LENGTH) {
            throw new NetlinkMalformedException(p, 0, "NLMSG_ERROR payload of " + p.limit() + " bytes, needs 20");
        }
        int errno = -p.getInt(0);
        int sequence = p.getInt(4 + NetlinkMessage.OFF_SEQ);
        if ((error.flags() & NetlinkMessage.NLM_F_ACK_TLVS) == 0) {
            return new NetlinkError(errno, sequence, "", -1);
        }
        int echoed = NetlinkMessage.HEADER_LENGTH;
        if ((error.flags() & NetlinkMessage.NLM_F_CAPPED) == 0) {
            echoed = p.getInt(4 + NetlinkMessage.OFF_LENGTH);
            if (echoed < NetlinkMessage.HEADER_LENGTH || echoed > p.limit() - 4) {
                throw new NetlinkMalformedException(p, 4, "echoed request length " + echoed + " does not fit");
            }
        }
        return withTlvs(p, 4 + NetlinkMessage.align(echoed), errno, sequence);
    }

    /**
     * @param done an {@code NLMSG_DONE} message
     * @return the dump's outcome: errno 0, or the error that ended it
     * @throws NetlinkMalformedException if its attributes are inconsistent
     */
    static NetlinkError decodeDone(NetlinkMessage done) throws NetlinkMalformedException {
        ByteBuffer p = done.payload();
        if (p.limit() < 4) {
            return new NetlinkError(0, done.sequence(), "", -1); // old kernels send an empty DONE
        }
        int errno = -p.getInt(0);
        if ((done.flags() & NetlinkMessage.NLM_F_ACK_TLVS) == 0) {
            return new NetlinkError(errno, done.sequence(), "", -1);
        }
        return withTlvs(p, 4, errno, done.sequence());
    }

    private static NetlinkError withTlvs(ByteBuffer p, int from, int errno, int sequence)
            throws NetlinkMalformedException {
        if (from > p.limit()) {
            return new NetlinkError(errno, sequence, "", -1);
        }
        NetlinkAttributes tlv = NetlinkAttributes.parse(p, from);
        return new NetlinkError(errno, sequence, tlv.string(NLMSGERR_ATTR_MSG, ""), tlv.u32(NLMSGERR_ATTR_OFFS, -1));
    }
}
