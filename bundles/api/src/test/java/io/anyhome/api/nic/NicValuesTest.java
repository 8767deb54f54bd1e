package io.anyhome.api.nic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.anyhome.api.AnyhomeException;
import org.junit.jupiter.api.Test;

class NicValuesTest {
    @Test
    void givenMetricKeys_whenValidated_thenWellKnownAndVendorKeysPassAndOthersDoNot() {
        assertThat(NicMetrics.isValidKey(NicMetrics.SIGNAL_DBM)).isTrue();
        assertThat(NicMetrics.isValidKey("vendor.snr_db")).isTrue();
        assertThat(NicMetrics.isValidKey("Signal")).isFalse();
        assertThat(NicMetrics.isValidKey("signal..dbm")).isFalse();
        assertThat(NicMetrics.isValidKey("rtt ms")).isFalse();
        assertThat(NicMetrics.isValidKey(null)).isFalse();
    }

    @Test
    void givenAClaimOnAnOwnedInterface_whenRefused_thenTheMessageNamesInterfaceClaimantAndOwner() {
        NicClaimException e = new NicClaimException(AnyhomeException.Code.CONFLICT, "wlan0", "acme-wifi", "wlan");

        assertThat(e).hasMessage("interface wlan0 is already claimed by driver 'wlan'; driver 'acme-wifi' cannot claim it");
        assertThat(e.currentOwner()).isEqualTo("wlan");
        assertThat(e.code()).isEqualTo(AnyhomeException.Code.CONFLICT);
        assertThat(new NicClaimException(AnyhomeException.Code.NOT_FOUND, "wlan9", "wlan", null))
                .hasMessage("driver 'wlan' cannot claim interface wlan9: no such interface");
    }

    @Test
    void givenACandidateWithoutHints_whenConstructed_thenHintsAreEmptyNotNull() {
        NicCandidate c = new NicCandidate("wwan0", 4, null, null, false, null);
        assertThat(c.devType()).isEmpty();
        assertThat(c.linkKind()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new NicCandidate("wwan0", 0, "", "", false, ""))
                .withMessageContaining("index 0");
    }
}
