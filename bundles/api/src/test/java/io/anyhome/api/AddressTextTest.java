package io.anyhome.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1", // RFC 5952 4.2.3: first of equal runs
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1", // 4.2.3: the longest run
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", // 4.2.2: one zero group is not compressed
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "2001:db8:0:0:0:0:0:0, 2001:db8::",
        "192.0.2.1, 192.0.2.1"
    })
    void givenAnAddress_whenFormatted_thenItIsInRfc5952Form(String input, String expected) {
        assertThat(AddressText.format(AddressText.parse(input))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com", "192.0.2", "192.0.2.256", "2001:db8::g", "[2001:db8::1]", ""})
    void givenSomethingThatIsNoLiteral_whenParsed_thenItIsRefusedWithoutALookup(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressText.parse(text))
                .withMessageContaining("'" + text + "'");
    }
}
