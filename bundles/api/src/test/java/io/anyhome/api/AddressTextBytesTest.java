package io.anyhome.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressTextBytesTest {
    private static byte[] bytes(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal).getAddress();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:DB8:0:0:0:0:0:0, 2001:db8::",
        "fe80:0:0:0:0:0:0:0a, fe80::a",
        "2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff",
        "1:0:0:0:0:0:0:0, 1::",
    })
    void givenAnIpv6Address_whenFormatted_thenItIsInRfc5952Form(String literal, String expected)
            throws UnknownHostException {
        assertThat(AddressText.format(bytes(literal))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
    })
    void givenAnIpv4Address_whenFormatted_thenItIsDottedDecimal(String literal, String expected)
            throws UnknownHostException {
        assertThat(AddressText.format(bytes(literal))).isEqualTo(expected);
        assertThat(AddressText.format(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void givenAnIpv4MappedAddress_whenFormatted_thenTheLast32BitsAreDotted() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 192;
        mapped[14] = 2;
        mapped[15] = 1;

        assertThat(AddressText.format(mapped)).isEqualTo("::ffff:192.0.2.1");
    }

    @org.junit.jupiter.api.Test
    void givenAnAddressOfAnotherLength_whenFormatted_thenItIsRefused() {
        assertThatThrownBy(() -> AddressText.format(new byte[6]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 6");
    }
}
