package io.anyhome.packet.icmp6;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.ip.Ipv6HeaderChain;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Icmpv6RoundTripTest {
    private static final Set<Integer> DECODED_TYPES = Set.of(1, 2, 4, 128, 129, 133, 134, 135, 136);

    @Property
    void encodeDecodeEncodeIsByteIdentical(@ForAll("messages") Icmpv6Message message,
            @ForAll("addressBytes") byte[] source, @ForAll("addressBytes") byte[] destination)
            throws MalformedPacketException {
        int length = 4 + message.bodyLength();
        ByteBuffer first = ByteBuffer.allocate(Ipv6Header.LENGTH + length);
        Ipv6Header.encode(first, 0, 0, length, 58, 255, source, destination);
        assertThat(Icmpv6.encode(first, message, source, destination)).isEqualTo(length);
        assertThat(first.position()).isEqualTo(first.limit());

        Ipv6HeaderChain chain = new Ipv6HeaderChain().walk(first, 0);
        Icmpv6Message decoded = Icmpv6.decode(first, chain.upperLayerOffset(), chain.upperLayerLength());

        assertThat(decoded).isEqualTo(message);
        assertThat(Icmpv6.isChecksumValid(chain)).isTrue();
        ByteBuffer second = ByteBuffer.allocate(length);
        Icmpv6.encode(second, decoded, source, destination);
        assertThat(second.array()).isEqualTo(Arrays.copyOfRange(first.array(), 40, first.limit()));
    }

    @Provide
    Arbitrary<byte[]> addressBytes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16);
    }

    static Arbitrary<Inet6Address> addresses() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).map(AddressFields::of);
    }

    static Arbitrary<NdOption> ndOptions() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(true, false),
                        Arbitraries.of(6, 14, 22).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n)))
                        .as(NdOption.LinkLayerAddress::new),
                Combinators.combine(Arbitraries.integers().between(0, 128),
                        Arbitraries.integers().between(0, 255), u32, u32, addresses())
                        .as(NdOption.PrefixInformation::new),
                u32.map(NdOption.Mtu::new),
                u32.map(NdOption.AdvertisementInterval::new),
                Combinators.combine(Arbitraries.integers().between(-32768, 32767),
                        Arbitraries.integers().between(0, 0xffff)).as(NdOption.HomeAgentInformation::new),
                Combinators.combine(Arbitraries.of(4, 6, 9, 24, 25, 31, 200, 255),
                        Arbitraries.integers().between(1, 4).flatMap(
                                units -> Arbitraries.bytes().array(byte[].class).ofSize(units * 8 - 2)))
                        .as(NdOption.Unknown::new));
    }

    @Provide
    Arbitrary<Icmpv6Message> messages() {
        Arbitrary<List<NdOption>> options = ndOptions().list().ofMaxSize(6);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xffff);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        Arbitrary<Boolean> bit = Arbitraries.of(true, false);
        return Arbitraries.oneOf(
                options.map(RouterSolicitation::new),
                Combinators.combine(u8, u8, u16, u32, u32, options).as(RouterAdvertisement::new),
                Combinators.combine(addresses(), options).as(NeighborSolicitation::new),
                Combinators.combine(bit, bit, bit, addresses(), options).as(NeighborAdvertisement::new),
                Combinators.combine(u8, data).as(DestinationUnreachable::new),
                Combinators.combine(u8, u32, data).as(PacketTooBig::new),
                Combinators.combine(u8, u32, data).as(ParameterProblem::new),
                Combinators.combine(bit, u8, u16, u16, data).as(Echo::new),
                Combinators.combine(u8.filter(t -> !DECODED_TYPES.contains(t)), u8, data)
                        .as(UnknownIcmpv6Message::new));
    }
}
