package io.anyhome.platform.sim;

import io.anyhome.api.IpPrefix;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address bytes as the emulator handles them: 4 bytes for IPv4, 16 for IPv6. */
final class Addresses {
    /** {@code ff02::1}, all nodes on the link. */
    static final byte[] ALL_NODES = bytes("ff02::1");
    /** {@code ff02::2}, all routers on the link. */
    static final byte[] ALL_ROUTERS = bytes("ff02::2");
    /** {@code ::}, the unspecified address. */
    static final byte[] UNSPECIFIED = new byte[16];

    private Addresses() {
    }

    static byte[] bytes(String literal) {
        return io.anyhome.api.AddressText.parse(literal).getAddress();
    }

    static InetAddress inet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes.clone());
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 or 16 bytes only
        }
    }

    static boolean isMulticast(byte[] a) {
        return a.length == 16 ? (a[0] & 0xff) == 0xff : (a[0] & 0xf0) == 0xe0;
    }

    static boolean isLinkLocal(byte[] a) {
        return a.length == 16 && (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80;
    }

    static boolean isLinkScope(byte[] a) {
        return isLinkLocal(a) || (a.length == 16 && (a[0] & 0xff) == 0xff && (a[1] & 0x0f) == 2);
    }

    static boolean isUnspecified(byte[] a) {
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(IpPrefix prefix, byte[] a) {
        return prefix.contains(inet(a));
    }

    /** The modified EUI-64 interface identifier of a 48-bit MAC (RFC 4291 appendix A). */
    static byte[] eui64(byte[] mac) {
        return new byte[] {(byte) (mac[0] ^ 0x02), mac[1], mac[2], (byte) 0xff, (byte) 0xfe, mac[3], mac[4], mac[5]};
    }

    /** The first 64 bits of a prefix followed by an interface identifier. */
    static byte[] withInterfaceId(IpPrefix prefix, byte[] interfaceId) {
        byte[] a = prefix.network().address().getAddress().clone();
        System.arraycopy(interfaceId, 0, a, 8, 8);
        return a;
    }

    static String mac(byte[] mac) {
        StringBuilder sb = new StringBuilder();
        for (byte b : mac) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
