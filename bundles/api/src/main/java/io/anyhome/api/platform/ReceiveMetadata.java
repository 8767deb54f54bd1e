package io.anyhome.api.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a received datagram came from and how it arrived: filled in by every {@code receive} of
 * an {@link Endpoint}. Mutable and reused on purpose, so that a receive loop allocates nothing per
 * packet: the loop creates one and passes it to every call. Not thread-safe.
 *
 * <p>Addresses are kept as 16 bytes, IPv4 addresses in IPv4-mapped form ({@code ::ffff:a.b.c.d}),
 * the way a dual-stack socket reports them. Filled in by {@code Platform} implementations through
 * the setters; read by mobility and the home agent.
 */
public final class ReceiveMetadata {
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private int sourcePort;
    private int interfaceIndex;
    private int hopLimit = -1;
    private int segmentSize;

    /** Creates empty metadata. */
    public ReceiveMetadata() {
    }

    /**
     * The source address bytes, valid until the next receive into this object. Callers compare
     * them in place (the home agent checks a tunnel packet's outer source this way) and must not
     * modify them.
     *
     * @return the 16 bytes of the source address
     */
    public byte[] sourceAddressBytes() {
        return source;
    }

    /** @return the 16 bytes of the destination address (see {@link #sourceAddressBytes()}) */
    public byte[] destinationAddressBytes() {
        return destination;
    }

    /** @return the source address as an object (allocates; for the control plane) */
    public InetAddress sourceAddress() {
        return toInet(source);
    }

    /** @return the destination address as an object (allocates; for the control plane) */
    public InetAddress destinationAddress() {
        return toInet(destination);
    }

    private static InetAddress toInet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes.clone());
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 16 bytes is always a valid length
        }
    }

    /** @return the source port (UDP), 0 for raw and ICMPv6 endpoints */
    public int sourcePort() {
        return sourcePort;
    }

    /** @return the index of the interface the datagram arrived on ({@code IPV6_PKTINFO}) */
    public int interfaceIndex() {
        return interfaceIndex;
    }

    /** @return the hop limit the datagram arrived with ({@code IPV6_HOPLIMIT}), -1 if unknown */
    public int hopLimit() {
        return hopLimit;
    }

    /**
     * @return for a coalesced UDP receive ({@code UDP_GRO}), the size of each segment but the last;
     *         0 if the buffer holds a single datagram
     */
    public int segmentSize() {
        return segmentSize;
    }

    /**
     * Sets the source; called by the platform.
     *
     * @param address 16 address bytes (copied) or 4 IPv4 bytes (stored IPv4-mapped)
     * @param port the source port, 0 if none
     */
    public void setSource(byte[] address, int port) {
        copy(address, source, "source");
        this.sourcePort = port;
    }

    /**
     * Sets the destination; called by the platform.
     *
     * @param address 16 address bytes (copied) or 4 IPv4 bytes (stored IPv4-mapped)
     */
    public void setDestination(byte[] address) {
        copy(address, destination, "destination");
    }

    /**
     * Sets how the datagram arrived; called by the platform.
     *
     * @param interfaceIndex the arrival interface index
     * @param hopLimit the hop limit, -1 if unknown
     * @param segmentSize the GRO segment size, 0 if not coalesced
     */
    public void setArrival(int interfaceIndex, int hopLimit, int segmentSize) {
        this.interfaceIndex = interfaceIndex;
        this.hopLimit = hopLimit;
        this.segmentSize = segmentSize;
    }

    private static void copy(byte[] from, byte[] to, String field) {
        if (from.length == 16) {
            System.arraycopy(from, 0, to, 0, 16);
        } else if (from.length == 4) {
            java.util.Arrays.fill(to, 0, 10, (byte) 0);
            to[10] = (byte) 0xff;
            to[11] = (byte) 0xff;
            System.arraycopy(from, 0, to, 12, 4);
        } else {
            throw new IllegalArgumentException(field + " address has " + from.length + " bytes, expected 4 or 16");
        }
    }
}
