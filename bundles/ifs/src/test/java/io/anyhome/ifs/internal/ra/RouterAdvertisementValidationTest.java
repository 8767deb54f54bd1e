package io.anyhome.ifs.internal.ra;

import static io.anyhome.ifs.internal.ra.Advertisements.ra;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.AddressText;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.platform.ReceiveMetadata;
import io.anyhome.platform.sim.SimNetwork;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4861 §6.1.2 checks on received bytes: invalid advertisements are counted per interface with a reason. */
class RouterAdvertisementValidationTest {
    private static final int WLAN = 4;
    private static final long NOW = 1_700_000_000_000L;

    private final RecordingMovementListener signals = new RecordingMovementListener();
    private final List<String> logged = new ArrayList<>();
    private final RouterAdvertisementWatch watch = new RouterAdvertisementWatch(new SimNetwork(1).node("mn"),
            () -> NOW, signals, logged::add);

    @Test
    void givenAValidAdvertisement_whenHandled_thenAcceptedAndItsPrefixKnown() {
        receive(bytes(), 255, "fe80::1");

        AccessLinkDTO link = only();
        assertThat(link.advertisementsAccepted).isEqualTo(1);
        assertThat(link.advertisementsDropped).isZero();
        assertThat(link.prefixes).extracting(p -> p.prefix).containsExactly("2001:db8:1::/64");
        assertThat(link.routers).extracting(r -> r.address).containsExactly("fe80::1");
    }

    @Test
    void givenHopLimit254_whenHandled_thenDroppedWithTheReason() {
        receive(bytes(), 254, "fe80::1");

        assertDropped("hop limit 254 is not 255");
    }

    @Test
    void givenAGlobalSource_whenHandled_thenDroppedWithTheReason() {
        receive(bytes(), 255, "2001:db8::1");

        assertDropped("source 2001:db8::1 is not link-local");
    }

    @Test
    void givenCode1_whenHandled_thenDroppedWithTheReason() {
        ByteBuffer b = bytes();
        b.put(1, (byte) 1);

        receive(b, 255, "fe80::1");

        assertDropped("code 1 is not 0");
    }

    @Test
    void givenAZeroLengthOption_whenHandled_thenDroppedWithTheReason() {
        ByteBuffer b = bytes();
        b.put(17, (byte) 0); // the first option's Length

        receive(b, 255, "fe80::1");

        assertDropped("option type 3 at offset 16 has length 0");
    }

    @Test
    void givenAnOptionOverrunningTheMessage_whenHandled_thenDroppedWithTheReason() {
        ByteBuffer b = bytes();
        b.put(17, (byte) 9);

        receive(b, 255, "fe80::1");

        assertDropped("option type 3 at offset 16 overruns the message");
    }

    @Test
    void givenAMessageShorterThan16Bytes_whenHandled_thenDroppedWithTheReason() {
        receive(bytes().limit(12), 255, "fe80::1");

        assertDropped("length 12 is shorter than 16");
    }

    @Test
    void givenAPrefixInformationOptionOfTheWrongLength_whenHandled_thenDroppedWithTheDecodersReason() {
        ByteBuffer b = ByteBuffer.allocate(16 + 8);
        b.put(0, (byte) 134).put(16, (byte) 3).put(17, (byte) 1);

        receive(b, 255, "fe80::1");

        assertDropped("Prefix Information option Length 1 is not 4");
    }

    @Test
    void givenAnotherIcmpv6Type_whenHandled_thenIgnoredWithoutCounting() {
        ByteBuffer b = bytes();
        b.put(0, (byte) 135);

        receive(b, 255, "fe80::1");

        assertThat(watch.accessLinks()).isEmpty();
    }

    private static ByteBuffer bytes() {
        return Advertisements.bytes(ra(1800, 1000, "2001:db8:1::/64"));
    }

    private void receive(ByteBuffer message, int hopLimit, String source) {
        ReceiveMetadata meta = new ReceiveMetadata();
        meta.setSource(AddressText.parse(source).getAddress(), 0);
        meta.setDestination(AddressText.parse("ff02::1").getAddress());
        meta.setArrival(WLAN, hopLimit, 0);
        watch.handle(message, message.limit(), meta);
    }

    private void assertDropped(String reason) {
        AccessLinkDTO link = only();
        assertThat(link.advertisementsDropped).isEqualTo(1);
        assertThat(link.advertisementsAccepted).isZero();
        assertThat(link.lastDropReason).isEqualTo(reason);
        assertThat(link.routers).isEmpty();
        assertThat(signals.signals()).isEmpty();
        assertThat(logged).isEmpty();
    }

    private AccessLinkDTO only() {
        assertThat(watch.accessLinks()).hasSize(1);
        return watch.accessLinks().get(0);
    }
}
