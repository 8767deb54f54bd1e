package io.anyhome.homeagent.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.homeagent.BindingCacheEntryDTO;
import io.anyhome.api.path.Encapsulation;
import io.anyhome.packet.mh.BindingUpdate;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * One accepted binding, immutable: a refresh replaces it. Kept by {@link BindingCache}, made by
 * {@link BindingUpdateProcessor}, read by the data path (which sends to {@link #outer()} and
 * compares a packet's outer source with {@link #outerAddressBytes()} and {@link #outerPort()}).
 *
 * @param homeAddress the home address
 * @param bindingId the Binding Identifier (RFC 5648), 0 for the single binding of a home address
 * @param careOf the care-of address the Binding Update named (an IPv4 one for IPv4 care-of addresses)
 * @param outer where the Binding Update came from: tunnelled packets go there (the NAT mapping if any)
 * @param outerAddressBytes {@code outer}'s address in 16-byte form (IPv4 mapped), as the platform
 *     reports sources; compared in place, never modified
 * @param sequence the sequence number of the last accepted Binding Update
 * @param flags the Binding Update's flags
 * @param lifetimeMs the granted lifetime
 * @param registeredAt when it was accepted, epoch milliseconds
 * @param identity the mobile node identifier (NAI), or null
 */
public record Binding(Inet6Address homeAddress, int bindingId, InetAddress careOf, InetSocketAddress outer,
        byte[] outerAddressBytes, int sequence, int flags, long lifetimeMs, long registeredAt, String identity) {

    /** @return when it expires, epoch milliseconds */
    public long expiresAt() {
        return registeredAt + lifetimeMs;
    }

    /**
     * Makes a binding, computing the outer address bytes.
     *
     * @param homeAddress the home address
     * @param bindingId the Binding Identifier, 0 for none
     * @param careOf the care-of address
     * @param outer where the Binding Update came from
     * @param sequence the accepted sequence number
     * @param flags the Binding Update's flags
     * @param lifetimeMs the granted lifetime
     * @param registeredAt when it was accepted
     * @param identity the NAI, or null
     * @return the binding
     */
    public static Binding of(Inet6Address homeAddress, int bindingId, InetAddress careOf, InetSocketAddress outer,
            int sequence, int flags, long lifetimeMs, long registeredAt, String identity) {
        return new Binding(homeAddress, bindingId, careOf, outer, sixteen(outer.getAddress()), sequence, flags,
                lifetimeMs, registeredAt, identity);
    }

    /** @return the outer source port */
    public int outerPort() {
        return outer.getPort();
    }

    /** @return whether the outer source differs from the care-of address: a NAT is on the path */
    public boolean behindNat() {
        return !Arrays.equals(sixteen(careOf), outerAddressBytes());
    }

    /**
     * @param address an IPv4 or IPv6 address
     * @return its 16 bytes, IPv4 in mapped form {@code ::ffff:a.b.c.d}
     */
    static byte[] sixteen(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            return b;
        }
        byte[] m = new byte[16];
        m[10] = (byte) 0xff;
        m[11] = (byte) 0xff;
        System.arraycopy(b, 0, m, 12, 4);
        return m;
    }

    /** @return the entry as the shell and tests see it */
    public BindingCacheEntryDTO toDTO() {
        BindingCacheEntryDTO dto = new BindingCacheEntryDTO();
        dto.homeAddress = AddressText.format(homeAddress);
        dto.careOfAddress = AddressText.format(careOf);
        if (behindNat()) {
            dto.natAddress = AddressText.format(outer.getAddress());
            dto.natPort = outer.getPort();
        }
        dto.encapsulation = Encapsulation.UDP;
        dto.sequence = sequence;
        dto.lifetimeMs = lifetimeMs;
        dto.registeredAt = registeredAt;
        dto.expiresAt = expiresAt();
        dto.flags = flagLetters(flags);
        dto.bindingId = bindingId == 0 ? null : bindingId;
        dto.mobileNetworkPrefixes = List.of();
        dto.mobileNodeIdentifier = identity;
        return dto;
    }

    static String flagLetters(int flags) {
        StringBuilder s = new StringBuilder();
        int[] bits = {BindingUpdate.FLAG_A, BindingUpdate.FLAG_H, BindingUpdate.FLAG_L, BindingUpdate.FLAG_K,
            BindingUpdate.FLAG_M, BindingUpdate.FLAG_R, BindingUpdate.FLAG_P, BindingUpdate.FLAG_F,
            BindingUpdate.FLAG_T, BindingUpdate.FLAG_B};
        String letters = "AHLKMRPFTB";
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                s.append(letters.charAt(i));
            }
        }
        return s.toString();
    }
}
