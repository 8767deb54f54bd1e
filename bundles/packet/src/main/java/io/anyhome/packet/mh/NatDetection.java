package io.anyhome.packet.mh;

/**
 * NAT Detection option (RFC 5555 §3.2.2, type 31, length 6, alignment 4n): sent by the home agent
 * in a Binding Acknowledgement when the IPv4 care-of address differs from the outer source, i.e.
 * a NAT is on the path.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |   Length      |F|         Reserved            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Refresh time                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param forceUdp the F flag: the home agent accepts a forced UDP encapsulation
 * @param refreshTimeSeconds the suggested keepalive interval in seconds; 0 means ignore it,
 *     0xffffffff that no keepalives are needed
 */
public record NatDetection(boolean forceUdp, long refreshTimeSeconds) implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 31;
    static final int LENGTH = 6;
    static final Alignment ALIGNMENT = new Alignment(4, 0);

    /** Validates the refresh time range. */
    public NatDetection {
        Fields.unsigned32("Refresh time", refreshTimeSeconds);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int dataLength() {
        return LENGTH;
    }

    @Override
    public Alignment alignment() {
        return ALIGNMENT;
    }
}
