package io.anyhome.mobility.internal;

import io.anyhome.api.platform.Platform;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.api.platform.UdpEndpoint;
import io.anyhome.api.platform.UdpOptions;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingAckStatus;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.Heartbeat;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny home agent for tests, built from the packet codecs: answers a Binding Update with a
 * signed Binding Acknowledgement status 0 (recording the outer source as the binding), a
 * Heartbeat from a bound home address with R=1 (else a Binding Error status 1), records data
 * packets with their outer source, and sends data to the binding's outer address.
 */
final class FakeHomeAgent {
    record Received(InetAddress outerSource, byte[] inner) {
    }

    private final UdpEndpoint socket;
    private final Inet6Address address;
    private final Algorithm algorithm;
    byte[] key;
    private final ByteBuffer buffer = ByteBuffer.allocate(65_535);
    private final ReceiveMetadata metadata = new ReceiveMetadata();
    final List<Received> data = new ArrayList<>();
    final List<BindingUpdate> bindingUpdates = new ArrayList<>();
    InetSocketAddress binding;
    Inet6Address boundHome;
    boolean answerBindingUpdates = true;

    FakeHomeAgent(Platform platform, Inet6Address address, Algorithm algorithm, byte[] key) throws Exception {
        this.socket = platform.openUdp(new UdpOptions(InetAddress.getByName("::"), 4191, null, false));
        this.address = address;
        this.algorithm = algorithm;
        this.key = key;
    }

    /** Handles every datagram waiting. */
    void poll() throws Exception {
        while (true) {
            buffer.clear();
            if (socket.tryReceive(buffer, metadata) < 0) {
                return;
            }
            buffer.flip();
            InetSocketAddress from = new InetSocketAddress(metadata.sourceAddress(), metadata.sourcePort());
            byte[] src = new byte[16];
            buffer.get(Ipv6Header.OFFSET_SOURCE, src);
            Inet6Address home = (Inet6Address) InetAddress.getByAddress(src);
            if ((buffer.get(Ipv6Header.OFFSET_NEXT_HEADER) & 0xff) != MobilityHeader.NEXT_HEADER) {
                byte[] inner = new byte[buffer.remaining()];
                buffer.get(0, inner);
                data.add(new Received(from.getAddress(), inner));
                continue;
            }
            MobilityMessage m = MobilityHeader.decode(buffer, Ipv6Header.LENGTH);
            if (m instanceof BindingUpdate bu) {
                bindingUpdates.add(bu);
                if (answerBindingUpdates) {
                    binding = from;
                    boundHome = home;
                    Inet6Address coa = null;
                    long ts = 0;
                    for (MobilityOption o : bu.options()) {
                        if (o instanceof AlternateCareOfAddress a) {
                            coa = a.address();
                        } else if (o instanceof MobilityMessageReplayProtection rp) {
                            ts = rp.timestamp();
                        }
                    }
                    send(from, acknowledgement(bu.sequence(), bu.lifetimeUnits(), ts, coa, home, key));
                }
            } else if (m instanceof Heartbeat hb && !hb.response()) {
                MobilityMessage answer = home.equals(boundHome) ? hb.answer()
                        : new BindingError(BindingError.STATUS_UNKNOWN_BINDING, home, List.of());
                send(from, message(answer, home));
            }
        }
    }

    /** A signed BA status 0 as the contract describes it. */
    ByteBuffer acknowledgement(int sequence, int lifetimeUnits, long timestamp, Inet6Address coa, Inet6Address home,
            byte[] withKey) throws Exception {
        BindingAcknowledgement ba = new BindingAcknowledgement(BindingAckStatus.ACCEPTED, 0, sequence, lifetimeUnits,
                List.of(new MobilityMessageReplayProtection(timestamp), new MobilityMessageAuthentication(
                        MobilityMessageAuthentication.SUBTYPE_MN_HA, 256, new byte[algorithm.length()])));
        ByteBuffer out = ByteBuffer.allocate(Ipv6Header.LENGTH + MobilityHeader.encodedLength(ba));
        Ipv6Header.encode(out, 0, 0, out.capacity() - Ipv6Header.LENGTH, MobilityHeader.NEXT_HEADER, 64,
                address.getAddress(), home.getAddress());
        MobilityHeader.encodeWithoutChecksum(ba, out);
        MobilityMessageAuthenticator.sign(out, Ipv6Header.LENGTH, coa, home, algorithm, withKey, address, home);
        return out.flip();
    }

    private ByteBuffer message(MobilityMessage m, Inet6Address home) {
        ByteBuffer out = ByteBuffer.allocate(Ipv6Header.LENGTH + MobilityHeader.encodedLength(m));
        Ipv6Header.encode(out, 0, 0, out.capacity() - Ipv6Header.LENGTH, MobilityHeader.NEXT_HEADER, 64,
                address.getAddress(), home.getAddress());
        MobilityHeader.encode(m, out, address, home);
        return out.flip();
    }

    /** Sends an inner packet to the binding's outer address. */
    void send(ByteBuffer inner) throws Exception {
        send(binding, inner);
    }

    void send(InetSocketAddress to, ByteBuffer inner) throws Exception {
        socket.send(inner, to);
    }
}
