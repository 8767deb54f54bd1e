package io.anyhome.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IpPrefixTest {
    @Test
    void givenAnInterfaceAddressWithPrefix_whenParsed_thenAddressIsKeptAndNetworkIsMasked() {
        IpPrefix p = IpPrefix.parse("2001:DB8:1:0:0:0:0:5/64");

        assertThat(p).hasToString("2001:db8:1::5/64");
        assertThat(p.network()).isEqualTo(IpPrefix.parse("2001:db8:1::/64"));
        assertThat(p.isIpv6()).isTrue();
    }

    @Test
    void givenABareAddress_whenParsed_thenItIsAHostPrefix() {
        assertThat(IpPrefix.parse("2001:db8::1").length()).isEqualTo(128);
        assertThat(IpPrefix.parse("192.0.2.1").length()).isEqualTo(32);
    }

    @Test
    void givenAPrefixWithAnOddLength_whenCheckingMembership_thenBitsBeyondTheLengthAreIgnored() {
        IpPrefix p = IpPrefix.parse("2001:db8:ff00::/41");

        assertThat(p.contains(AddressText.parse("2001:db8:ff7f::1"))).isTrue();
        assertThat(p.contains(AddressText.parse("2001:db8:ff80::1"))).isFalse();
        assertThat(p.contains(AddressText.parse("192.0.2.1"))).as("other family").isFalse();
        assertThat(IpPrefix.parse("::/0").contains(AddressText.parse("2001:db8::1"))).isTrue();
    }

    @Test
    void givenAnInvalidLength_whenParsed_thenTheMessageNamesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> IpPrefix.parse("2001:db8::/129"))
                .withMessageContaining("prefix length 129");
        assertThatIllegalArgumentException().isThrownBy(() -> IpPrefix.parse("192.0.2.0/33"))
                .withMessageContaining("0..32");
        assertThatIllegalArgumentException().isThrownBy(() -> IpPrefix.parse("2001:db8::/x"))
                .withMessageContaining("'x'");
    }
}
