package io.anyhome.ifs.internal.ra;

import static io.anyhome.ifs.internal.ra.Advertisements.ROUTER_A;
import static io.anyhome.ifs.internal.ra.Advertisements.ROUTER_B;
import static io.anyhome.ifs.internal.ra.Advertisements.address;
import static io.anyhome.ifs.internal.ra.Advertisements.link;
import static io.anyhome.ifs.internal.ra.Advertisements.neighbour;
import static io.anyhome.ifs.internal.ra.Advertisements.pio;
import static io.anyhome.ifs.internal.ra.Advertisements.ra;
import static io.anyhome.ifs.internal.ra.Advertisements.removed;
import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.AddressText;
import io.anyhome.api.ifs.AccessLinkDTO;
import io.anyhome.api.ifs.MovementListener;
import io.anyhome.api.ifs.PrefixDTO;
import io.anyhome.api.ifs.RouterDTO;
import io.anyhome.api.platform.NeighbourState;
import io.anyhome.ifs.internal.ra.RecordingMovementListener.Signal;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Movement detection driven by hand: advertisements, address and neighbour events, and a manual clock. */
class MovementDetectorTest {
    private static final int WLAN = 3;
    private static final long T0 = 1_700_000_000_000L;

    private final RecordingMovementListener signals = new RecordingMovementListener();
    private final List<String> logged = new ArrayList<>();
    private MovementDetector detector;

    @BeforeEach
    void setUp() {
        detector = new MovementDetector(signals, logged::add);
        detector.linkChanged(link(WLAN, "wlan0"));
    }

    @Test
    void givenAFreshLink_whenTheFirstPrefixIsAdvertised_thenMovementIsDetectedWithTheAdvertisementsTime() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);

        assertThat(signals.signals()).containsExactly(
                new Signal("movement", "wlan0", "new on-link prefix 2001:db8:1::/64", null, T0));
        assertThat(only().lastMovement).isEqualTo("new on-link prefix 2001:db8:1::/64");
        assertThat(only().lastMovementAt).isEqualTo(T0);
    }

    @Test
    void givenACareOfAddressAnnouncedBeforeItsInterfaceHadAName_whenTheNameArrives_thenItIsAnnouncedAgainUnderIt() {
        int early = 2;
        detector.advertisementReceived(early, ROUTER_A, ra(1800, -1, "2001:db8:c::/64"), T0);
        detector.addressChanged(address(early, "2001:db8:c::10/64", false, false, false, T0 + 5));
        assertThat(signals.of("up")).containsExactly(new Signal("up", "ifindex2", "2001:db8:c::10", null, T0 + 5));
        signals.clear();

        detector.linkChanged(link(early, "eth0"));
        detector.linkChanged(link(early, "eth0")); // a later change of the same link: nothing new

        assertThat(signals.signals()).extracting(Signal::kind, Signal::uplink, Signal::what).containsExactly(
                org.assertj.core.groups.Tuple.tuple("down", "ifindex2", "2001:db8:c::10"),
                org.assertj.core.groups.Tuple.tuple("up", "eth0", "2001:db8:c::10"));
    }

    @Test
    void givenAKnownPrefix_whenItIsAdvertisedAgain_thenNoMovement() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        signals.clear();

        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0 + 1000);

        assertThat(signals.signals()).isEmpty();
        assertThat(only().advertisementsAccepted).isEqualTo(2);
    }

    @Test
    void givenAUsableCareOfAddress_whenANewPrefixIsAdvertised_thenMovementAndTheOldAddressGoesDown() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 5));
        signals.clear();

        detector.advertisementReceived(WLAN, ROUTER_B, ra(1800, -1, "2001:db8:2::/64"), T0 + 100);

        assertThat(signals.signals()).containsExactly(
                new Signal("movement", "wlan0", "new on-link prefix 2001:db8:2::/64", null, T0 + 100),
                new Signal("down", "wlan0", "2001:db8:1::10", "movement: new on-link prefix 2001:db8:2::/64", T0 + 100));
        AccessLinkDTO link = only();
        assertThat(link.prefixes).extracting(p -> p.prefix).containsExactly("2001:db8:2::/64");
        assertThat(link.routers).extracting(r -> r.address).containsExactly("fe80::b");
        assertThat(link.careOfAddressState).isEqualTo(AccessLinkDTO.COA_NONE);
    }

    @Test
    void givenADefaultRouter_whenItsLifetimeEnds_thenDefaultRouterLostAtTheExpiryTime() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(9, -1, "2001:db8:1::/64"), T0);
        signals.clear();

        detector.tick(T0 + 8_999);
        assertThat(signals.signals()).isEmpty();
        detector.tick(T0 + 9_050);

        assertThat(signals.signals()).containsExactly(
                new Signal("movement", "wlan0", "default router lost: router lifetime expired", null, T0 + 9_000));
        assertThat(only().routers).isEmpty();
        assertThat(only().prefixes).isEmpty();
    }

    @Test
    void givenAnAdvertisementInterval_whenThreeIntervalsPassInSilence_thenDefaultRouterLost() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, 1000, "2001:db8:1::/64"), T0);
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, 1000, "2001:db8:1::/64"), T0 + 1000);
        signals.clear();

        detector.tick(T0 + 3_999);
        assertThat(signals.signals()).isEmpty();
        detector.tick(T0 + 4_000);

        assertThat(signals.of("movement")).containsExactly(new Signal("movement", "wlan0",
                "default router lost: 3 advertisement intervals of 1000 ms missed", null, T0 + 4_000));
    }

    @Test
    void givenTheDefaultRouter_whenNeighbourUnreachabilityDetectionFails_thenDefaultRouterLostAtTheEventsTime() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 5));
        signals.clear();

        detector.neighbourChanged(neighbour(WLAN, addressOf("fe80::99"), NeighbourState.FAILED, T0 + 10));
        assertThat(signals.signals()).as("another neighbour failing is no movement").isEmpty();
        detector.neighbourChanged(neighbour(WLAN, ROUTER_A, NeighbourState.STALE, T0 + 15));
        assertThat(signals.signals()).isEmpty();
        detector.neighbourChanged(neighbour(WLAN, ROUTER_A, NeighbourState.FAILED, T0 + 20));

        assertThat(signals.signals()).containsExactly(
                new Signal("movement", "wlan0", "default router lost: neighbour unreachable", null, T0 + 20),
                new Signal("down", "wlan0", "2001:db8:1::10", "movement: default router lost: neighbour unreachable",
                        T0 + 20));
    }

    @Test
    void givenTwoDefaultRouters_whenTheCurrentOneIsLost_thenTheOtherBecomesCurrent() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        detector.advertisementReceived(WLAN, ROUTER_B, ra(1800, -1, "2001:db8:1::/64"), T0 + 10);
        assertThat(only().routers).filteredOn(r -> r.current).extracting(r -> r.address).containsExactly("fe80::a");

        detector.neighbourChanged(neighbour(WLAN, ROUTER_A, NeighbourState.FAILED, T0 + 20));

        assertThat(only().routers).filteredOn(r -> r.current).extracting(r -> r.address).containsExactly("fe80::b");
    }

    @Test
    void givenTheCurrentRouter_whenItAdvertisesLifetimeZeroTwice_thenOneMovementAndItsPrefixesStayForgotten() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        signals.clear();

        detector.advertisementReceived(WLAN, ROUTER_A, ra(0, -1, "2001:db8:1::/64"), T0 + 50);
        detector.advertisementReceived(WLAN, ROUTER_A, ra(0, -1, "2001:db8:1::/64"), T0 + 60);

        assertThat(signals.signals()).containsExactly(
                new Signal("movement", "wlan0", "default router lost: router lifetime 0", null, T0 + 50));
        assertThat(only().prefixes).isEmpty();
        assertThat(only().routers).extracting(r -> r.current).containsExactly(false);
    }

    @Test
    void givenATentativeAddress_whenDadPasses_thenCareOfAddressUpWithTheEventsTime() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        signals.clear();

        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", true, false, false, T0 + 10));
        assertThat(signals.signals()).isEmpty();
        assertThat(only().careOfAddressState).isEqualTo(AccessLinkDTO.COA_TENTATIVE);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 1010));

        assertThat(signals.signals()).containsExactly(new Signal("up", "wlan0", "2001:db8:1::10", null, T0 + 1010));
        AccessLinkDTO link = only();
        assertThat(link.careOfAddress).isEqualTo("2001:db8:1::10");
        assertThat(link.careOfAddressState).isEqualTo(AccessLinkDTO.COA_USABLE);
        assertThat(link.careOfAddressSince).isEqualTo(T0 + 1010);
    }

    @Test
    void givenAnOptimisticAddress_whenItAppears_thenCareOfAddressUpAtOnce() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        signals.clear();

        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", true, true, false, T0 + 3));

        assertThat(signals.signals()).containsExactly(new Signal("up", "wlan0", "2001:db8:1::10", null, T0 + 3));
        assertThat(only().careOfAddressState).isEqualTo(AccessLinkDTO.COA_OPTIMISTIC);
    }

    @Test
    void givenAnOptimisticCareOfAddress_whenDadFails_thenCareOfAddressDown() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", true, true, false, T0 + 3));
        signals.clear();

        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", true, false, true, T0 + 900));

        assertThat(signals.signals()).containsExactly(
                new Signal("down", "wlan0", "2001:db8:1::10", "duplicate address detected", T0 + 900));
        assertThat(only().careOfAddressState).isEqualTo(AccessLinkDTO.COA_DUPLICATE);
    }

    @Test
    void givenAUsableCareOfAddress_whenItIsRemoved_thenCareOfAddressDown() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 3));
        signals.clear();

        detector.addressChanged(removed(WLAN, "2001:db8:1::10/64", T0 + 77));

        assertThat(signals.signals()).containsExactly(
                new Signal("down", "wlan0", "2001:db8:1::10", "address removed", T0 + 77));
    }

    @Test
    void givenLostEvents_whenTheFreshDumpNoLongerHasTheCareOfAddress_thenItGoesDownWhenTheDumpCompletes() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 3));
        signals.clear();

        detector.resynchronising();
        detector.linkChanged(link(WLAN, "wlan0"));
        detector.addressChanged(address(WLAN, "2001:db8:1::20/64", false, false, false, T0 + 50));
        assertThat(signals.of("down")).as("nothing is concluded before the dump is complete").isEmpty();
        detector.dumpComplete(T0 + 60);

        assertThat(signals.signals()).containsExactly(
                new Signal("down", "wlan0", "2001:db8:1::10", "address gone while events were lost", T0 + 60),
                new Signal("up", "wlan0", "2001:db8:1::20", null, T0 + 60));
        assertThat(only().careOfAddress).isEqualTo("2001:db8:1::20");
    }

    @Test
    void givenLostEvents_whenTheFreshDumpReportsTheSameLinkAndAddress_thenNothingIsSignalled() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 3));
        signals.clear();

        detector.resynchronising();
        detector.linkChanged(link(WLAN, "wlan0"));
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 50));
        detector.dumpComplete(T0 + 60);
        detector.dumpComplete(T0 + 70); // a later completion without a resynchronisation: nothing

        assertThat(signals.signals()).isEmpty();
        assertThat(only().careOfAddress).isEqualTo("2001:db8:1::10");
    }

    @Test
    void givenLostEvents_whenTheFreshDumpNoLongerHasTheInterface_thenItsCareOfAddressGoesDownAndTheLinkIsForgotten() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 3));
        signals.clear();

        detector.resynchronising();
        detector.dumpComplete(T0 + 60);

        assertThat(signals.signals()).containsExactly(
                new Signal("down", "wlan0", "2001:db8:1::10", "interface gone while events were lost", T0 + 60));
        assertThat(detector.accessLinks()).isEmpty();
    }

    @Test
    void givenAUsableCareOfAddress_whenItsPrefixsValidLifetimeEnds_thenCareOfAddressDownAtTheExpiry() {
        detector.advertisementReceived(WLAN, ROUTER_A, new RouterAdvertisement(64, 0, 1800, 0, 0,
                List.of(pio("2001:db8:1::/64", 30, 20))), T0);
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 + 3));
        signals.clear();

        detector.tick(T0 + 31_000);

        assertThat(signals.signals()).containsExactly(
                new Signal("down", "wlan0", "2001:db8:1::10", "prefix expired", T0 + 30_000));
        assertThat(only().prefixes).isEmpty();
    }

    @Test
    void givenAnAddressOutsideTheAdvertisedPrefixes_whenItIsUsable_thenItIsNoCareOfAddress() {
        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);
        signals.clear();

        detector.addressChanged(address(WLAN, "2001:db8:99::10/64", false, false, false, T0 + 3));

        assertThat(signals.signals()).isEmpty();
        assertThat(only().careOfAddressState).isEqualTo(AccessLinkDTO.COA_NONE);
        assertThat(only().careOfAddress).isNull();
    }

    @Test
    void givenAnAddressConfiguredBeforeTheFirstAdvertisement_whenThePrefixArrives_thenUpAtTheAdvertisementsTime() {
        detector.addressChanged(address(WLAN, "2001:db8:1::10/64", false, false, false, T0 - 5000));
        assertThat(detector.accessLinks()).as("no advertisement heard yet").isEmpty();

        detector.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);

        assertThat(signals.of("up")).containsExactly(new Signal("up", "wlan0", "2001:db8:1::10", null, T0));
    }

    @Test
    void givenAdvertisements_whenListed_thenEveryFieldIsFilledIn() {
        detector.advertisementReceived(WLAN, ROUTER_A, new RouterAdvertisement(64, RouterAdvertisement.FLAG_HOME_AGENT,
                1800, 0, 0, List.of(pio("2001:db8:1::/64", 600, 300), new NdOption.AdvertisementInterval(1500))), T0);
        detector.advertisementReceived(WLAN, ROUTER_B, ra(0, -1), T0 + 20);
        detector.advertisementDropped(WLAN, "hop limit 64 is not 255", T0 + 30);

        AccessLinkDTO link = only();
        assertThat(link.interfaceName).isEqualTo("wlan0");
        assertThat(link.index).isEqualTo(WLAN);
        assertThat(link.advertisementsAccepted).isEqualTo(2);
        assertThat(link.advertisementsDropped).isEqualTo(1);
        assertThat(link.lastDropReason).isEqualTo("hop limit 64 is not 255");
        assertThat(link.routers).extracting(r -> r.address).as("newest first").containsExactly("fe80::b", "fe80::a");
        RouterDTO a = link.routers.get(1);
        assertThat(a.lifetimeMs).isEqualTo(1_800_000);
        assertThat(a.expiresAt).isEqualTo(T0 + 1_800_000);
        assertThat(a.advertisementIntervalMs).isEqualTo(1500);
        assertThat(a.lastSeenAt).isEqualTo(T0);
        assertThat(a.advertisements).isEqualTo(1);
        assertThat(a.homeAgent).isTrue();
        assertThat(a.current).isTrue();
        RouterDTO b = link.routers.get(0);
        assertThat(b.advertisementIntervalMs).isEqualTo(-1);
        assertThat(b.current).isFalse();
        PrefixDTO p = link.prefixes.get(0);
        assertThat(p.prefix).isEqualTo("2001:db8:1::/64");
        assertThat(p.onLink).isTrue();
        assertThat(p.autonomous).isTrue();
        assertThat(p.validUntil).isEqualTo(T0 + 600_000);
        assertThat(p.preferredUntil).isEqualTo(T0 + 300_000);
        assertThat(p.router).isEqualTo("fe80::a");
        assertThat(p.firstSeenAt).isEqualTo(T0);
    }

    @Test
    void givenAListenerThatThrows_whenMovementIsSignalled_thenTheFailureIsLoggedAndStateStillChanges() {
        MovementListener failing = new MovementListener() {
            @Override
            public void careOfAddressUp(String uplink, InetAddress careOfAddress, long atMillis) {
                throw new IllegalStateException("broken");
            }

            @Override
            public void careOfAddressDown(String uplink, InetAddress careOfAddress, long atMillis, String cause) {
                throw new IllegalStateException("broken");
            }

            @Override
            public void movementDetected(String uplink, String cause, long atMillis) {
                throw new IllegalStateException("broken");
            }
        };
        MovementDetector d = new MovementDetector(failing, logged::add);

        d.advertisementReceived(WLAN, ROUTER_A, ra(1800, -1, "2001:db8:1::/64"), T0);

        assertThat(logged).singleElement().asString().contains("broken");
        assertThat(d.accessLinks().get(0).lastMovement).isEqualTo("new on-link prefix 2001:db8:1::/64");
    }

    private AccessLinkDTO only() {
        List<AccessLinkDTO> links = detector.accessLinks();
        assertThat(links).hasSize(1);
        return links.get(0);
    }

    private static InetAddress addressOf(String text) {
        return AddressText.parse(text);
    }
}
