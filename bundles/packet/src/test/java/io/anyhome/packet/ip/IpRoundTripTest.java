package io.anyhome.packet.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.MalformedPacketException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IpRoundTripTest {
    @Property
    void ipv6HeaderEncodeWrapEncodeIsByteIdentical(@ForAll @IntRange(max = 255) int trafficClass,
            @ForAll @IntRange(max = 0xfffff) int flowLabel, @ForAll @IntRange(max = 255) int nextHeader,
            @ForAll @IntRange(max = 255) int hopLimit, @ForAll @Size(16) byte[] source,
            @ForAll @Size(16) byte[] destination, @ForAll @IntRange(max = 64) int payloadLength)
            throws MalformedPacketException {
        ByteBuffer first = ByteBuffer.allocate(40 + payloadLength);
        Ipv6Header.encode(first, trafficClass, flowLabel, payloadLength, nextHeader, hopLimit,
                source, destination);

        Ipv6Header view = new Ipv6Header().wrap(first, 0);

        assertThat(view.trafficClass()).isEqualTo(trafficClass);
        assertThat(view.flowLabel()).isEqualTo(flowLabel);
        byte[] copied = new byte[16];
        view.copySource(copied, 0);
        assertThat(copied).isEqualTo(source);
        view.copyDestination(copied, 0);
        assertThat(copied).isEqualTo(destination);
        ByteBuffer second = ByteBuffer.allocate(40 + payloadLength);
        Ipv6Header.encode(second, view.trafficClass(), view.flowLabel(), view.payloadLength(),
                view.nextHeader(), view.hopLimit(), copied.clone(), destinationOf(view));
        view.copySource(copied, 0);
        second.put(8, copied);
        assertThat(second.array()).isEqualTo(first.array());
    }

    private static byte[] destinationOf(Ipv6Header view) {
        byte[] b = new byte[16];
        view.copyDestination(b, 0);
        return b;
    }

    @Property
    void ipv4HeaderEncodeWrapEncodeIsByteIdentical(@ForAll @IntRange(max = 255) int tos,
            @ForAll @IntRange(max = 0xffff) int identification,
            @ForAll @IntRange(max = 0xffff) int fragment, @ForAll @IntRange(max = 255) int ttl,
            @ForAll @IntRange(max = 255) int protocol, @ForAll int source, @ForAll int destination,
            @ForAll @IntRange(max = 10) int optionWords, @ForAll @IntRange(max = 32) int dataLength)
            throws MalformedPacketException {
        byte[] options = new byte[optionWords * 4];
        java.util.Arrays.fill(options, (byte) 1);
        int total = 20 + options.length + dataLength;
        ByteBuffer first = ByteBuffer.allocate(total);
        Ipv4Header.encode(first, tos, total, identification, fragment, ttl, protocol, source,
                destination, options);

        Ipv4Header v = new Ipv4Header().wrap(first, 0);

        assertThat(v.isChecksumValid()).isTrue();
        ByteBuffer second = ByteBuffer.allocate(total);
        byte[] readOptions = new byte[v.headerLength() - 20];
        first.get(20, readOptions);
        Ipv4Header.encode(second, v.typeOfService(), v.totalLength(), v.identification(),
                v.flagsAndFragmentOffset(), v.ttl(), v.protocol(), v.source(), v.destination(),
                readOptions);
        assertThat(second.array()).isEqualTo(first.array());
    }

    @Property
    void udpOverIpv6EncodeWrapEncodeIsByteIdentical(@ForAll @IntRange(max = 0xffff) int sourcePort,
            @ForAll @IntRange(max = 0xffff) int destinationPort, @ForAll @Size(max = 100) byte[] data,
            @ForAll @Size(16) byte[] source, @ForAll @Size(16) byte[] destination)
            throws MalformedPacketException {
        int length = 8 + data.length;
        ByteBuffer first = ByteBuffer.allocate(40 + length);
        Ipv6Header.encode(first, 0, 0, length, 17, 64, source, destination);
        UdpHeader.encode(first, sourcePort, destinationPort, length);
        first.put(data);
        UdpHeader.fillChecksumV6(first, 40, length, source, destination);

        Ipv6HeaderChain chain = new Ipv6HeaderChain().walk(first, 0);
        UdpHeader udp = new UdpHeader().wrap(first, chain.upperLayerOffset(), chain.ipv6().end());

        assertThat(UdpHeader.isChecksumValid(chain)).isTrue();
        ByteBuffer second = ByteBuffer.allocate(40 + length);
        second.put(first.array(), 0, 40);
        UdpHeader.encode(second, udp.sourcePort(), udp.destinationPort(), udp.length());
        second.put(first.array(), udp.dataOffset(), udp.dataLength());
        UdpHeader.fillChecksumV6(second, 40, length, source, destination);
        assertThat(second.array()).isEqualTo(first.array());
    }

    @Property
    void optionsHeaderEncodeDecodeEncodeIsByteIdentical(@ForAll("optionsHeaders") OptionsHeader header)
            throws MalformedPacketException {
        ByteBuffer first = ByteBuffer.allocate(header.length());
        assertThat(header.encode(first)).isEqualTo(first.limit());
        OptionsHeader decoded = OptionsHeader.decode(first, 0, first.limit());
        assertThat(decoded).isEqualTo(header);
        ByteBuffer second = ByteBuffer.allocate(header.length());
        decoded.encode(second);
        assertThat(second.array()).isEqualTo(first.array());
    }

    @Property
    void routingHeaderType2EncodeDecodeEncodeIsByteIdentical(@ForAll @IntRange(max = 255) int next,
            @ForAll @IntRange(max = 1) int segmentsLeft, @ForAll("addresses") Inet6Address home)
            throws MalformedPacketException {
        RoutingHeaderType2 header = new RoutingHeaderType2(next, segmentsLeft, home);
        ByteBuffer first = ByteBuffer.allocate(RoutingHeaderType2.LENGTH);
        header.encode(first);
        RoutingHeaderType2 decoded = RoutingHeaderType2.decode(first, 0, first.limit());
        assertThat(decoded).isEqualTo(header);
        ByteBuffer second = ByteBuffer.allocate(RoutingHeaderType2.LENGTH);
        decoded.encode(second);
        assertThat(second.array()).isEqualTo(first.array());
    }

    @Property
    void fragmentHeaderEncodeDecodeEncodeIsByteIdentical(@ForAll @IntRange(max = 255) int next,
            @ForAll @IntRange(max = 0x1fff) int offset, @ForAll boolean more, @ForAll int id)
            throws MalformedPacketException {
        FragmentHeader header = new FragmentHeader(next, offset, more, id);
        ByteBuffer first = ByteBuffer.allocate(8);
        header.encode(first);
        FragmentHeader decoded = FragmentHeader.decode(first, 0, 8);
        assertThat(decoded).isEqualTo(header);
        ByteBuffer second = ByteBuffer.allocate(8);
        decoded.encode(second);
        assertThat(second.array()).isEqualTo(first.array());
    }

    @Provide
    Arbitrary<Inet6Address> addresses() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).map(AddressFields::of);
    }

    @Provide
    Arbitrary<OptionsHeader> optionsHeaders() {
        Arbitrary<Ipv6Option> option = Arbitraries.oneOf(
                Arbitraries.just(new Ipv6Option.Pad1()),
                Arbitraries.integers().between(0, 12).map(Ipv6Option.PadN::new),
                Combinators.combine(Arbitraries.integers().between(2, 255).filter(t -> t != 0xC9),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(20)).as(Ipv6Option.Unknown::new));
        return Combinators.combine(Arbitraries.integers().between(0, 255), option.list().ofMaxSize(6),
                addresses().injectNull(0.5)).as((next, options, home) -> {
                    List<Ipv6Option> all = new ArrayList<>(options);
                    if (home != null) {
                        all.add(new Ipv6Option.HomeAddress(home));
                    }
                    int length = 2 + all.stream().mapToInt(Ipv6Option::length).sum();
                    int pad = (8 - length % 8) % 8;
                    if (pad == 1) {
                        all.add(new Ipv6Option.Pad1());
                    } else if (pad > 1) {
                        all.add(new Ipv6Option.PadN(pad - 2));
                    }
                    return new OptionsHeader(next, all);
                });
    }
}
