package io.anyhome.api.ifs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.AddressText;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowKeyTest {
    private static final InetAddress HOA = AddressText.parse("2001:db8:1::10");
    private static final InetAddress CN = AddressText.parse("2001:db8:2::7");

    @Test
    void givenTwoKeysBuiltSeparatelyFromEqualValues_whenUsedAsMapKeys_thenTheyFindTheSameEntry() {
        Map<FlowKey, String> placement = new HashMap<>();
        placement.put(new FlowKey(HOA, CN, FlowKey.TCP, 40000, 443, 0x12345), "wlan0");

        FlowKey sameFlow = new FlowKey(AddressText.parse("2001:db8:1:0::10"), AddressText.parse("2001:db8:2::7"),
                6, 40000, 443, 0x12345);

        assertThat(placement).containsEntry(sameFlow, "wlan0");
        assertThat(sameFlow.hashCode()).isEqualTo(new FlowKey(HOA, CN, 6, 40000, 443, 0x12345).hashCode());
    }

    @Test
    void givenKeysDifferingInOneField_whenCompared_thenTheyAreDifferentFlows() {
        FlowKey base = new FlowKey(HOA, CN, FlowKey.UDP, 5000, 53, 0);
        assertThat(base)
                .isNotEqualTo(new FlowKey(HOA, CN, FlowKey.UDP, 5001, 53, 0))
                .isNotEqualTo(new FlowKey(HOA, CN, FlowKey.UDP, 5000, 54, 0))
                .isNotEqualTo(new FlowKey(HOA, CN, FlowKey.TCP, 5000, 53, 0))
                .isNotEqualTo(new FlowKey(HOA, CN, FlowKey.UDP, 5000, 53, 1))
                .isNotEqualTo(new FlowKey(CN, HOA, FlowKey.UDP, 5000, 53, 0));
    }

    @Test
    void givenOutOfRangeFields_whenConstructed_thenTheMessageNamesTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FlowKey(HOA, CN, 256, 1, 1, 0))
                .withMessageContaining("protocol 256");
        assertThatIllegalArgumentException().isThrownBy(() -> new FlowKey(HOA, CN, 6, 65536, 1, 0))
                .withMessageContaining("sourcePort 65536");
        assertThatIllegalArgumentException().isThrownBy(() -> new FlowKey(HOA, CN, 6, 1, -1, 0))
                .withMessageContaining("destinationPort -1");
        assertThatIllegalArgumentException().isThrownBy(() -> new FlowKey(HOA, CN, 6, 1, 1, 0x100000))
                .withMessageContaining("flowLabel");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FlowKey(HOA, AddressText.parse("192.0.2.1"), 6, 1, 1, 0))
                .withMessageContaining("different address families");
    }

    @Test
    void givenAKey_whenPrinted_thenAddressesAreInRfc5952Form() {
        assertThat(new FlowKey(HOA, CN, FlowKey.TCP, 40000, 443, 0x12345))
                .hasToString("tcp [2001:db8:1::10]:40000 > [2001:db8:2::7]:443 label 0x12345");
    }
}
