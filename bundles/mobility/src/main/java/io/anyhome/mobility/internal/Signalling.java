package io.anyhome.mobility.internal;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.Heartbeat;
import io.anyhome.packet.mh.Ipv4CareOfAddress;
import io.anyhome.packet.mh.MobileNodeIdentifier;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the inner IPv6 packets the mobile node signals with (Binding Update, Heartbeat) and
 * checks the RFC 4285 authenticator of a Binding Acknowledgement, as the MN↔HA contract says:
 * inner source the home address, destination the home agent, next header 135, hop limit 64;
 * BU flags A, H and F; options in the order care-of address, MN identifier, replay protection,
 * authentication last. Stateless apart from its settings; safe from any thread.
 */
final class Signalling {
    static final int HOP_LIMIT = 64;
    static final int BU_FLAGS = BindingUpdate.FLAG_A | BindingUpdate.FLAG_H | BindingUpdate.FLAG_F;

    private final Inet6Address homeAddress;
    private final Inet6Address homeAgent;
    private final MobileNodeIdentifier identity;
    private final long spi;
    private final Algorithm algorithm;
    private final byte[] key;

    Signalling(Inet6Address homeAddress, Inet6Address homeAgent, String identity, long spi, Algorithm algorithm,
            byte[] key) {
        this.homeAddress = homeAddress;
        this.homeAgent = homeAgent;
        this.identity = MobileNodeIdentifier.nai(identity);
        this.spi = spi;
        this.algorithm = algorithm;
        this.key = key.clone();
    }

    /**
     * @param careOf the care-of address to register (IPv6 or IPv4)
     * @param sequence the sequence number
     * @param lifetimeUnits the lifetime, 4-second units
     * @param timestamp the replay protection timestamp (NTP format)
     * @return the inner IPv6 packet, position 0, limit its length
     */
    ByteBuffer bindingUpdate(InetAddress careOf, int sequence, int lifetimeUnits, long timestamp) {
        List<MobilityOption> options = new ArrayList<>(4);
        options.add(careOf instanceof Inet4Address v4 ? new Ipv4CareOfAddress(v4)
                : new AlternateCareOfAddress((Inet6Address) careOf));
        options.add(identity);
        options.add(new MobilityMessageReplayProtection(timestamp));
        options.add(new MobilityMessageAuthentication(MobilityMessageAuthentication.SUBTYPE_MN_HA, spi,
                new byte[algorithm.length()]));
        BindingUpdate bu = new BindingUpdate(sequence, BU_FLAGS, lifetimeUnits, options);
        ByteBuffer out = ByteBuffer.allocate(Ipv6Header.LENGTH + MobilityHeader.encodedLength(bu));
        Ipv6Header.encode(out, 0, 0, out.capacity() - Ipv6Header.LENGTH, MobilityHeader.NEXT_HEADER, HOP_LIMIT,
                homeAddress.getAddress(), homeAgent.getAddress());
        MobilityHeader.encodeWithoutChecksum(bu, out);
        try {
            MobilityMessageAuthenticator.sign(out, Ipv6Header.LENGTH, authenticationForm(careOf), homeAddress,
                    algorithm, key, homeAddress, homeAgent);
        } catch (MalformedPacketException e) {
            throw new IllegalStateException("a Binding Update we encoded does not decode", e);
        }
        return out.flip();
    }

    /**
     * Writes a Heartbeat request (RFC 5847) at the buffer's position and advances it.
     *
     * @param out where to write; 48 bytes of room
     * @param sequence the heartbeat sequence number (32 bits)
     */
    void heartbeat(ByteBuffer out, long sequence) {
        Heartbeat hb = Heartbeat.request(sequence & 0xffff_ffffL);
        int length = MobilityHeader.encodedLength(hb);
        Ipv6Header.encode(out, 0, 0, length, MobilityHeader.NEXT_HEADER, HOP_LIMIT, homeAddress.getAddress(),
                homeAgent.getAddress());
        MobilityHeader.encode(hb, out, homeAddress, homeAgent);
    }

    /**
     * Decodes a Mobility Header from the home agent whose checksum is right.
     *
     * @param packet the inner packet
     * @param mhOffset absolute index of the Mobility Header
     * @return the message
     * @throws MalformedPacketException if it does not decode or its checksum is wrong
     */
    MobilityMessage decode(ByteBuffer packet, int mhOffset) throws MalformedPacketException {
        if (!MobilityHeader.checksumValid(packet, mhOffset, homeAgent, homeAddress)) {
            throw MalformedPacketException.at(packet, mhOffset + MobilityHeader.OFFSET_CHECKSUM,
                    "Mobility Header checksum wrong");
        }
        return MobilityHeader.decode(packet, mhOffset);
    }

    /**
     * @param packet the inner packet holding a Binding Acknowledgement
     * @param mhOffset absolute index of its Mobility Header
     * @param careOf the care-of address of the Binding Update it answers
     * @return true if its authenticator verifies; false if wrong or absent
     */
    boolean authentic(ByteBuffer packet, int mhOffset, InetAddress careOf) {
        try {
            return MobilityMessageAuthenticator.verify(packet, mhOffset, authenticationForm(careOf), homeAddress,
                    algorithm, key);
        } catch (MalformedPacketException | RuntimeException noAuthenticator) {
            return false;
        }
    }

    /** @return the care-of address as the authenticator covers it: IPv4 in its IPv4-mapped form */
    static Inet6Address authenticationForm(InetAddress careOf) {
        if (careOf instanceof Inet6Address v6) {
            return v6;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(careOf.getAddress(), 0, mapped, 12, 4);
        try {
            return Inet6Address.getByAddress(null, mapped, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the home address */
    Inet6Address homeAddress() {
        return homeAddress;
    }

    /** @return the home agent's address */
    Inet6Address homeAgent() {
        return homeAgent;
    }
}
