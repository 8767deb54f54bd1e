package io.anyhome.packet.mh;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for every message and option type of the Mobility Header codec. */
final class MobilityArbitraries {
    private MobilityArbitraries() {
    }

    static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    static Arbitrary<Inet6Address> inet6() {
        return bytes(16, 16).map(b -> {
            try {
                return Inet6Address.getByAddress(null, b, -1);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Arbitrary<Inet4Address> inet4() {
        return bytes(4, 4).map(b -> {
            try {
                return (Inet4Address) InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Arbitrary<Integer> u(int bits) {
        return Arbitraries.integers().between(0, (1 << bits) - 1);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xffff_ffffL);
    }

    static Arbitrary<MobilityOption> option() {
        Arbitrary<Optional<InetAddress>> coa = Arbitraries.oneOf(
                Arbitraries.just(Optional.<InetAddress>empty()),
                inet4().map(a -> Optional.<InetAddress>of(a)),
                inet6().map(a -> Optional.<InetAddress>of(a)));
        return Arbitraries.oneOf(List.of(
                u(16).map(BindingRefreshAdvice::new),
                inet6().map(AlternateCareOfAddress::new),
                Combinators.combine(u(16), u(16)).as(NonceIndices::new),
                bytes(0, 40).map(BindingAuthorizationData::new),
                Combinators.combine(Arbitraries.integers().between(0, 128), inet6())
                        .as(MobileNetworkPrefix::new),
                Combinators.combine(u(8), bytes(0, 40)).as(MobileNodeIdentifier::new),
                Combinators.combine(u(8), u32(), bytes(0, 40))
                        .as(MobilityMessageAuthentication::new),
                Arbitraries.longs().map(MobilityMessageReplayProtection::new),
                Combinators.combine(u(6), Arbitraries.of(true, false), inet4())
                        .as(Ipv4HomeAddress::new),
                Combinators.combine(u(8), u(6), inet4()).as(Ipv4AddressAcknowledgement::new),
                Combinators.combine(Arbitraries.of(true, false), u32()).as(NatDetection::new),
                inet4().map(Ipv4CareOfAddress::new),
                Combinators.combine(u(16), u(8), Arbitraries.of(true, false), u(7), coa)
                        .as(BindingIdentifier::new),
                Combinators.combine(u(8).filter(t -> !MobilityOptions.isDecoded(t)),
                        bytes(0, 40)).as(UnknownMobilityOption::new)));
    }

    static Arbitrary<List<MobilityOption>> options() {
        return option().list().ofMaxSize(6);
    }

    static Arbitrary<MobilityMessage> message() {
        Arbitrary<Long> l = Arbitraries.longs();
        return Arbitraries.oneOf(List.of(
                options().map(BindingRefreshRequest::new),
                Combinators.combine(l, options()).as(HomeTestInit::new),
                Combinators.combine(l, options()).as(CareOfTestInit::new),
                Combinators.combine(u(16), l, l, options()).as(HomeTest::new),
                Combinators.combine(u(16), l, l, options()).as(CareOfTest::new),
                Combinators.combine(u(16), u(16), u(16), options()).as(BindingUpdate::new),
                Combinators.combine(u(8).map(BindingAckStatus::of), u(8), u(16), u(16),
                        options()).as(BindingAcknowledgement::new),
                Combinators.combine(u(8), inet6(), options()).as(BindingError::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.longs().between(0, 0xffff_ffffL), options()).as(Heartbeat::new),
                Combinators.combine(Arbitraries.integers().between(8, 255).filter(t -> t != 13),
                        Arbitraries.integers().between(0, 30)).flatAs((t, units) ->
                        bytes(2 + 8 * units, 2 + 8 * units)
                                .map(d -> new RawMobilityMessage(t, d)))));
    }
}
