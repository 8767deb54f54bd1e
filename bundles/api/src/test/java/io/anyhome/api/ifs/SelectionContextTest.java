package io.anyhome.api.ifs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AddressText;
import io.anyhome.api.mobility.BindingState;
import io.anyhome.api.nic.NicMetrics;
import io.anyhome.api.nic.NicState;
import io.anyhome.api.nic.Technology;
import io.anyhome.api.path.PathState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectionContextTest {
    private static UplinkSnapshot uplink(String id, NicState state, PathState path, Map<String, Double> metrics) {
        return new UplinkSnapshot(id, Technology.WLAN, state, metrics, 0, false, 0,
                Optional.of(AddressText.parse("2001:db8:3::5")), BindingState.REGISTERED, path, 0);
    }

    @Test
    void givenUplinksInSeveralStates_whenAskedForUsableOnes_thenOnlyUpWithAUsablePathAreGiven() {
        SelectionContext context = new SelectionContext(1_000, List.of(
                uplink("wlan0", NicState.UP, PathState.UP, Map.of()),
                uplink("wwan0", NicState.UP, PathState.CONNECTING, Map.of()),
                uplink("eth0", NicState.DOWN, PathState.UP, Map.of()),
                uplink("eth1", NicState.UP, PathState.DEGRADED, Map.of())), List.of(), null, 0);

        assertThat(context.usableUplinks()).extracting(UplinkSnapshot::id).containsExactly("wlan0", "eth1");
        assertThat(context.uplink("wwan0")).map(UplinkSnapshot::pathState).contains(PathState.CONNECTING);
        assertThat(context.uplink("nope")).isEmpty();
    }

    @Test
    void givenMutableInputs_whenTheyChangeAfterConstruction_thenTheSnapshotDoesNot() {
        Map<String, Double> metrics = new HashMap<>(Map.of(NicMetrics.SIGNAL_DBM, -60.0));
        List<UplinkSnapshot> uplinks = new ArrayList<>(List.of(uplink("wlan0", NicState.UP, PathState.UP, metrics)));
        SelectionContext context = new SelectionContext(1_000, uplinks, List.of(), null, 0);

        metrics.put(NicMetrics.SIGNAL_DBM, -90.0);
        uplinks.clear();

        assertThat(context.uplinks()).hasSize(1);
        assertThat(context.uplinks().get(0).metric(NicMetrics.SIGNAL_DBM)).hasValue(-60.0);
        assertThatThrownBy(() -> context.uplinks().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenADuplicateUplinkId_whenConstructed_thenItIsRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SelectionContext(1_000, List.of(
                uplink("wlan0", NicState.UP, PathState.UP, Map.of()),
                uplink("wlan0", NicState.DOWN, PathState.DOWN, Map.of())), List.of(), null, 0))
                .withMessageContaining("'wlan0' twice");
    }

    @Test
    void givenAPreviousDecision_whenReadBack_thenItAndItsTimeAreThePolicysMemory() {
        Decision previous = Decision.useUplink("wlan0", "best signal");
        SelectionContext context = new SelectionContext(5_000, List.of(), List.of(), previous, 4_000);

        assertThat(context.previousDecision()).contains(previous);
        assertThat(context.now() - context.previousDecidedAt()).isEqualTo(1_000);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SelectionContext(5_000, List.of(), List.of(), previous, 6_000))
                .withMessageContaining("previousDecidedAt 6000 is after now 5000");
    }

    @Test
    void givenInvalidUplinkFields_whenConstructed_thenTheFieldIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UplinkSnapshot("wlan0", Technology.WLAN,
                NicState.UP, Map.of(), -1, false, 0, Optional.empty(), BindingState.NONE, PathState.DOWN, 0))
                .withMessageContaining("cost -1.0 of uplink wlan0");
        assertThatIllegalArgumentException().isThrownBy(() -> new FlowSnapshot(
                new FlowKey(AddressText.parse("2001:db8::1"), AddressText.parse("2001:db8::2"), 6, 1, 2, 0),
                64, Optional.empty(), 0, 0)).withMessageContaining("dscp 64");
    }
}
