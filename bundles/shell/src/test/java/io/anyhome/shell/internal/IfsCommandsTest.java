package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.api.AnyhomeException;
import io.anyhome.api.ifs.PolicyDTO;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IfsCommandsTest {
    private final FakeInterfaceSwitch ifs = new FakeInterfaceSwitch();
    private final IfsCommands commands = new IfsCommands(ifs,
            Clock.fixed(Instant.ofEpochMilli(FakeInterfaceSwitch.NOW), ZoneOffset.UTC));

    @Test
    void givenNoInterfaceSwitch_whenAnyCommandRuns_thenItFailsSayingWhichRolesRunOne() {
        IfsCommands none = new IfsCommands();

        assertThatIllegalStateException().isThrownBy(() -> none.status(false))
                .withMessageContaining("the interface switch is not running on this node").withMessageContaining("role=mn");
        assertThatIllegalStateException().isThrownBy(() -> none.pin(false, "all", "eth0"));
        assertThatIllegalStateException().isThrownBy(() -> none.handovers(true, 20));
        assertThat(CommandLineRunner.exitStatusOf(new IllegalStateException())).isEqualTo(CommandLineRunner.FAILED);
    }

    @Test
    void givenTwoUplinks_whenStatusIsShown_thenTheDecisionComesFirstThenAnUplinkTable() {
        String table = DtoFormatter.table(commands.status(false));

        assertThat(table).contains("activePolicy: priority\n", "defaultUplink: eth0\n",
                "decisionReason: eth0 is the highest priority usable uplink\n", "decidedAt: 2026-11-26T09:59:00Z\n",
                "pins: -\n", "forbidden: -\n", "activeFlows: 1\n", "failure: -\n");
        assertThat(table).endsWith("uplinks:\n"
                + "ID     TECHNOLOGY  STATE  PATHSTATE  BINDINGSTATE  CAREOFADDRESS   USABLE  FORBIDDEN  FLOWS  COST  METERED  USAGEBYTES\n"
                + "eth0   ethernet    UP     UP         REGISTERED    2001:db8:1::10  true    false      1      0.0   false    0\n"
                + "wlan0  wlan        DOWN   DOWN       NONE          -               false   false      0      0.0   false    0");
    }

    @Test
    void givenJson_whenStatusIsShown_thenTheSwitchsDtoIsPrintedOnOneLine() {
        assertThat((String) commands.status(true)).startsWith("{\"activePolicy\":\"priority\",\"policyFallback\":null")
                .contains("\"decidedAt\":1795687140000", "{\"id\":\"eth0\",\"technology\":\"ethernet\",\"state\":\"UP\"")
                .doesNotContain("\n");
    }

    @Test
    void givenTwoPolicies_whenListed_thenATableMarksTheActiveOne_andJsonHasTheDtos() {
        assertThat(((String) commands.policies(false)).lines()).containsExactly(
                "NAME      RANKING  ACTIVE  BUNDLE                      SERVICEID  EVALUATIONS  FAILURES  LASTEVALUATIONMICROS  LASTFAILURE  DISABLEDUNTIL",
                "priority  10       true    io.anyhome.policy.priority  50         7            0         0                     -            -",
                "cheapest  0        false   io.anyhome.policy.cheapest  40         7            0         0                     -            -");
        assertThat((String) commands.policies(true)).startsWith("[{\"name\":\"priority\",\"ranking\":10,\"active\":true")
                .contains("{\"name\":\"cheapest\"");
    }

    @Test
    void givenNoName_whenPolicyRuns_thenTheActivePolicyIsShown() {
        assertThat(commands.policy(false)).isInstanceOf(PolicyDTO.class);
        assertThat(DtoFormatter.table(commands.policy(false))).startsWith("name: priority\nranking: 10\nactive: true\n");
        assertThat((String) commands.policy(true)).startsWith("{\"name\":\"priority\"");
    }

    @Test
    void givenAName_whenPolicyRuns_thenThatPolicyBecomesActive() throws Exception {
        assertThat(commands.policy(false, "cheapest")).isEqualTo("active policy: cheapest");
        assertThat(ifs.active).isEqualTo("cheapest");
        assertThat((String) commands.policy(true, "priority")).startsWith("{\"name\":\"priority\",\"ranking\":10,\"active\":true");
    }

    @Test
    void givenAnUnknownPolicy_whenSelected_thenTheCommandFailsNamingTheKnownOnes() {
        assertThatThrownBy(() -> commands.policy(false, "fastest")).isInstanceOf(AnyhomeException.class)
                .hasMessage("no policy fastest; known: priority, cheapest");
        assertThat(ifs.active).isEqualTo("priority");
    }

    @Test
    void givenAFlow_whenFlowsAreListed_thenOneRowShowsItsEndsUplinksOwnerTrafficAndIdleTime() {
        assertThat(((String) commands.flows(false)).lines()).containsExactly(
                "PROTO  SOURCE                  DESTINATION          DSCP  UPLINK  DUPLICATE  ASSIGNEDBY  BYTES   PACKETS  IDLESECONDS",
                "tcp    [2001:db8:1::10]:40000  [2001:db8:2::7]:443  10    eth0    wlan0      pin         123456  100      7");
        assertThat((String) commands.flows(true)).startsWith("[{\"protocol\":6,\"source\":\"2001:db8:1::10\",\"sourcePort\":40000")
                .contains("\"assignedBy\":\"pin\"", "\"lastSeenAt\":1795687192500");
    }

    @Test
    void givenAFlowSyntax_whenPinned_thenTheSwitchGetsTheRule_andStatusListsThePin() throws Exception {
        assertThat(commands.pin(false, "tcp:22", "wlan0")).isEqualTo("pinned tcp:22 to wlan0");
        assertThat(commands.pin(false, "all", "eth0")).isEqualTo("pinned all to eth0");

        assertThat(ifs.pins).containsEntry("tcp:22", "wlan0").containsEntry("all", "eth0");
        assertThat(DtoFormatter.table(commands.status(false))).contains("pins: tcp:22 -> wlan0, all -> eth0\n");
        assertThat((String) commands.pin(true, "udp:5000-5010+dscp:46", "eth0"))
                .contains("\"pins\":[\"tcp:22 -> wlan0\",\"all -> eth0\",\"udp:5000-5010+dscp:46 -> eth0\"]");
    }

    @Test
    void givenBadFlowSyntax_whenPinned_thenAUsageErrorNamesTheTerm_andNothingIsPinned() {
        assertThatIllegalArgumentException().isThrownBy(() -> commands.pin(false, "tcp:ssh", "eth0"))
                .withMessageContaining("'tcp:ssh': port 'ssh' is not a whole number 0..65535");
        assertThat(ifs.pins).isEmpty();
        assertThat(CommandLineRunner.exitStatusOf(new IllegalArgumentException())).isEqualTo(CommandLineRunner.USAGE);
    }

    @Test
    void givenAnUnknownUplink_whenPinnedOrForbidden_thenTheCommandFailsWithTheSwitchsMessage() {
        assertThatThrownBy(() -> commands.pin(false, "all", "eth9")).isInstanceOf(AnyhomeException.class)
                .hasMessage("no uplink eth9");
        assertThatThrownBy(() -> commands.forbid(false, "eth9")).isInstanceOf(AnyhomeException.class)
                .hasMessage("no uplink eth9");
        assertThatThrownBy(() -> commands.forbid(false, "eth0")).isInstanceOf(AnyhomeException.class)
                .hasMessage("eth0 is the last usable uplink");
    }

    @Test
    void givenAForbidAndAPin_whenCleared_thenBothAreGone() throws Exception {
        assertThat(commands.forbid(false, "wlan0")).isEqualTo("forbade wlan0");
        assertThat((String) commands.forbid(true, "wlan0")).contains("\"forbidden\":[\"wlan0\",\"wlan0\"]");
        commands.pin(false, "dscp:46", "eth0");

        assertThat(commands.clear(false)).isEqualTo("pins and forbids cleared");

        assertThat(ifs.pins).isEmpty();
        assertThat(ifs.forbidden).isEmpty();
        assertThat((String) commands.clear(true)).contains("\"pins\":[]", "\"forbidden\":[]");
    }

    @Test
    void givenHandovers_whenListed_thenNewestFirstWithFromToAndLatencyOrADash() {
        assertThat(((String) commands.handovers(false, 20)).lines()).containsExactly(
                "TIME                  TRIGGER    CHANGE        REASON                                       POLICY    FLOWSMOVED  TRIGGERTOTRAFFICMS",
                "2026-11-26T09:59:50Z  link-down  wlan0 → eth0  eth0 is the highest priority usable uplink   priority  1           85",
                "2026-11-26T09:59:40Z  operator   eth0 → wlan0  wlan0 is the highest priority usable uplink  priority  1           -",
                "2026-11-26T09:59:30Z  link-up    - → eth0      eth0 is the highest priority usable uplink   priority  1           12");
        assertThat(ifs.lastHandoverLimit).isEqualTo(20);
    }

    @Test
    void givenALimit_whenHandoversAreListedAsJson_thenAtMostThatManyDtosArePrinted() {
        String json = (String) commands.handovers(true, 1);

        assertThat(ifs.lastHandoverLimit).isEqualTo(1);
        assertThat(json).startsWith("[{\"time\":1795687190000,\"trigger\":\"link-down\"")
                .contains("\"triggerToTrafficMs\":85").doesNotContain("operator");
        assertThatIllegalArgumentException().isThrownBy(() -> commands.handovers(false, 0))
                .withMessageStartingWith("usage: ifs:handovers");
    }
}
