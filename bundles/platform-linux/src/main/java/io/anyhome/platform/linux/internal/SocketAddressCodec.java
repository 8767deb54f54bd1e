package io.anyhome.platform.linux.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.platform.ReceiveMetadata;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import jnr.ffi.Pointer;

/**
 * Writes and reads {@code struct sockaddr_in6}, {@code struct sockaddr_in} and
 * {@code struct sockaddr_nl} in native memory: the socket addresses of the endpoints and of
 * netlink; and writes {@code struct sockaddr_ll}, the next hop of a packet socket.
 *
 * <pre>
 * sockaddr_in6 (28 bytes): family(2, host order) port(2, network order) flowinfo(4) addr(16) scope_id(4)
 * sockaddr_in  (16 bytes): family(2, host order) port(2, network order) addr(4) zero(8)
 * sockaddr_nl  (12 bytes): family(2, host order) pad(2) port id(4, host order) groups(4, host order)
 * sockaddr_ll  (20 bytes): family(2, host order) protocol(2, network order) ifindex(4, host order)
 *                          hatype(2) pkttype(1) halen(1) addr(8)
 * </pre>
 */
final class SocketAddressCodec {
    /** Room for either structure. */
    static final int MAX_LENGTH = 28;
    static final int IN6_LENGTH = 28;
    static final int IN_LENGTH = 16;
    static final int NETLINK_LENGTH = 12;
    static final int LINK_LAYER_LENGTH = 20;
    /** The room for a link-layer address in {@code sockaddr_ll}. */
    static final int LINK_LAYER_ADDRESS_MAX = 8;
    private static final int OFFSET_PORT = 2;
    private static final int OFFSET_ADDR6 = 8;
    private static final int OFFSET_SCOPE = 24;
    private static final int OFFSET_ADDR4 = 4;
    private static final int OFFSET_NL_PID = 4;
    private static final int OFFSET_NL_GROUPS = 8;
    private static final int OFFSET_LL_IFINDEX = 4;
    private static final int OFFSET_LL_HALEN = 11;
    private static final int OFFSET_LL_ADDR = 12;

    private SocketAddressCodec() {
    }

    /**
     * Writes an address for a socket of the given family: an IPv4 address becomes IPv4-mapped for
     * an IPv6 socket, an IPv4-mapped address becomes plain IPv4 for an IPv4 socket.
     *
     * @param to at least {@link #MAX_LENGTH} bytes
     * @param family {@link Native#AF_INET6} or {@link Native#AF_INET}
     * @param address the address
     * @param port the port, 0 for raw sockets
     * @param scopeId the interface for a link-local address, 0 to take the address's own scope
     * @return the structure's length
     * @throws IllegalArgumentException if an IPv6 address is given for an IPv4 socket
     */
    static int write(Pointer to, int family, InetAddress address, int port, int scopeId) {
        byte[] bytes = address.getAddress();
        to.setMemory(0, MAX_LENGTH, (byte) 0);
        to.putShort(0, (short) family);
        to.putByte(OFFSET_PORT, (byte) (port >>> 8));
        to.putByte(OFFSET_PORT + 1, (byte) port);
        if (family == Native.AF_INET6) {
            if (bytes.length == 4) {
                to.putByte(OFFSET_ADDR6 + 10, (byte) 0xff);
                to.putByte(OFFSET_ADDR6 + 11, (byte) 0xff);
                to.put(OFFSET_ADDR6 + 12, bytes, 0, 4);
            } else {
                to.put(OFFSET_ADDR6, bytes, 0, 16);
            }
            int scope = scopeId != 0 ? scopeId
                    : address instanceof Inet6Address a6 ? a6.getScopeId() : 0;
            to.putInt(OFFSET_SCOPE, scope);
            return IN6_LENGTH;
        }
        if (bytes.length == 16) {
            if (!isIpv4Mapped(bytes)) {
                throw new IllegalArgumentException(AddressText.format(address) + " is not an IPv4 address");
            }
            to.put(OFFSET_ADDR4, bytes, 12, 4);
        } else {
            to.put(OFFSET_ADDR4, bytes, 0, 4);
        }
        return IN_LENGTH;
    }

    /**
     * Writes a netlink address for {@code bind}: a kernel-chosen port id and the legacy multicast
     * groups to join.
     *
     * @param to at least {@link #NETLINK_LENGTH} bytes
     * @param groups the groups bitmask ({@code 1 << (RTNLGRP_x - 1)}), 0 for none
     * @return the structure's length
     */
    static int writeNetlink(Pointer to, int groups) {
        to.setMemory(0, NETLINK_LENGTH, (byte) 0);
        to.putShort(0, (short) Native.AF_NETLINK);
        to.putInt(OFFSET_NL_PID, 0);
        to.putInt(OFFSET_NL_GROUPS, groups);
        return NETLINK_LENGTH;
    }

    /**
     * Writes a packet socket's destination: the interface, the EtherType the frame will carry and
     * the next hop's link-layer address; {@code sll_hatype} and {@code sll_pkttype} stay 0, since
     * they matter only on receive.
     *
     * @param to at least {@link #LINK_LAYER_LENGTH} bytes
     * @param interfaceIndex the interface to send on
     * @param etherType the protocol, for example {@link Native#ETH_P_IPV6}
     * @param address the link-layer address, at most {@link #LINK_LAYER_ADDRESS_MAX} bytes
     * @return the structure's length
     * @throws IllegalArgumentException if the address is empty or longer than 8 bytes
     */
    static int writeLinkLayer(Pointer to, int interfaceIndex, int etherType, byte[] address) {
        if (address.length == 0 || address.length > LINK_LAYER_ADDRESS_MAX) {
            throw new IllegalArgumentException("a link-layer address has 1 to " + LINK_LAYER_ADDRESS_MAX
                    + " bytes, not " + address.length);
        }
        to.setMemory(0, LINK_LAYER_LENGTH, (byte) 0);
        to.putShort(0, (short) Native.AF_PACKET);
        to.putByte(OFFSET_PORT, (byte) (etherType >>> 8));
        to.putByte(OFFSET_PORT + 1, (byte) etherType);
        to.putInt(OFFSET_LL_IFINDEX, interfaceIndex);
        to.putByte(OFFSET_LL_HALEN, (byte) address.length);
        to.put(OFFSET_LL_ADDR, address, 0, address.length);
        return LINK_LAYER_LENGTH;
    }

    /**
     * Reads a received source address into the metadata without allocating.
     *
     * @param from the structure the kernel filled in
     * @param scratch16 16 bytes of scratch
     * @param scratch4 4 bytes of scratch
     */
    static void readSource(Pointer from, byte[] scratch16, byte[] scratch4, ReceiveMetadata metadata) {
        int family = from.getShort(0);
        int port = ((from.getByte(OFFSET_PORT) & 0xff) << 8) | (from.getByte(OFFSET_PORT + 1) & 0xff);
        if (family == Native.AF_INET) {
            from.get(OFFSET_ADDR4, scratch4, 0, 4);
            metadata.setSource(scratch4, port);
        } else {
            from.get(OFFSET_ADDR6, scratch16, 0, 16);
            metadata.setSource(scratch16, port);
        }
    }

    /** @return {@code [address]:port} for IPv6, {@code address:port} for IPv4, in RFC 5952 form; for messages */
    static String text(InetAddress address, int port) {
        String a = AddressText.format(address);
        return address instanceof Inet6Address ? "[" + a + "]:" + port : a + ":" + port;
    }

    /** @return the port of a structure the kernel filled in */
    static int port(Pointer from) {
        return ((from.getByte(OFFSET_PORT) & 0xff) << 8) | (from.getByte(OFFSET_PORT + 1) & 0xff);
    }

    /** @return the family to open a socket bound to this address with */
    static int familyOf(InetAddress address) {
        return address instanceof Inet4Address ? Native.AF_INET : Native.AF_INET6;
    }

    static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
