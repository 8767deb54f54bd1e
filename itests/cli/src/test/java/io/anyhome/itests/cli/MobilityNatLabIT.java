package io.anyhome.itests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static io.anyhome.itests.cli.LabNodes.string;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * IPv4 care-of addresses behind a NAT (RFC 5555) end to end, with real {@code anyhome node}
 * processes: the lab of {@code itests/lab/mobility-lab.sh} plus its {@code nat} part (the mobile
 * node's IPv4-only uplink {@code eth1}, 192.0.2.10, masqueraded by the router behind 198.51.100.1;
 * the home agent listens on 198.51.100.2 too). In order: the node registers through the NAT and
 * the home agent shows the mapping; a TCP transfer from the correspondent runs over it; a TCP
 * transfer survives planned handovers from the IPv4 uplink to an IPv6 one and back, and the
 * IPv4 uplink's loss of carrier.
 *
 * <p>Needs what {@link MobilityLabIT} needs (root, iproute2, radvd, nftables, iperf3, python3);
 * skipped without them except when {@code CI=true}. Figures are printed, not asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MobilityNatLabIT {
    private static final String HOA = LabNodes.HOME_ADDRESS;
    private static final String HA_IPV4 = "198.51.100.2";
    private static final String MN_IPV4 = "192.0.2.10";
    private static final String NAT_OUTSIDE = "198.51.100.1";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Path scratch;
    private MobilityLab lab;
    private LabNodes nodes;
    private Process homeAgent;
    private Process mobileNode;
    private Path haState;
    private Path mnState;

    @BeforeAll
    void startTheLab() throws Exception {
        scratch = Files.createTempDirectory("anyhome-nat-lab-");
        System.out.printf("MobilityNatLabIT: node states and outputs in %s%n", scratch);
        lab = MobilityLab.up("ahn" + ProcessHandle.current().pid() % 1000);
        nodes = new LabNodes(lab, scratch);
        lab.ipv4BehindNat();
        haState = scratch.resolve("ha");
        LabNodes.writeHomeAgent(haState, "ipv4Address=" + HA_IPV4);
        homeAgent = nodes.startNode("ha", haState);

        mnState = scratch.resolve("mn");
        LabNodes.writeMobileNode(mnState, "homeAgentIpv4=" + HA_IPV4);
        mobileNode = nodes.startNode("mn", mnState);
    }

    @AfterAll
    void stopTheLab() throws Exception {
        LabNodes.stop(mobileNode, homeAgent);
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void givenAnIpv4OnlyUplinkBehindANat_whenTheSwitchUsesIt_thenTheHomeAgentRecordsTheNatMapping() throws Exception {
        await("a first binding").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> nodes.bindingOf(haState, HOA), b -> b != null);
        await("eth1 usable").atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(nodes.json(mnState, "ifs:status", "--json").toString())
                        .containsPattern("\"id\":\"eth1\"[^}]*\"usable\":true"));
        long pinned = System.nanoTime();
        nodes.ctl(mnState, "ifs:pin", "all", "eth1");

        JsonObject binding = await("the binding through the NAT").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA), b -> b != null && MN_IPV4.equals(string(b, "careOfAddress")));
        long registered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pinned);
        System.out.printf("MobilityNatLabIT: pin to eth1 (IPv4 behind NAT) to the binding at the home agent: %d ms;"
                + " binding %s%n", registered, binding);
        assertThat(string(binding, "natAddress")).as("the NAT's outside address").isEqualTo(NAT_OUTSIDE);
        assertThat(binding.get("natPort").getAsInt()).isPositive();
        assertThat(string(binding, "flags")).contains("F");
        String table = nodes.ctl(haState, "ha:bc");
        System.out.printf("MobilityNatLabIT: ha:bc%n%s%n", table);
        assertThat(table).contains(MN_IPV4).contains(NAT_OUTSIDE + ":" + binding.get("natPort").getAsInt());
        await("the mobile node's log").atMost(PATIENCE).untilAsserted(() ->
                assertThat(Files.readString(mnState.resolve("log/anyhome.log")))
                        .contains("registered with the home agent through eth1")
                        .contains("eth1 (care-of address 192.0.2.10) behind a NAT"));
        JsonObject bul = nodes.json(mnState, "mip:bul", "--json").getAsJsonArray().get(0).getAsJsonObject();
        assertThat(string(bul, "careOfAddress")).isEqualTo(MN_IPV4);
        assertThat(string(bul, "homeAgentAddress")).isEqualTo(MobilityLab.HOME_AGENT);
        assertThat(bul.get("behindNat").getAsBoolean()).as("the node says it is behind a NAT: %s", bul).isTrue();
        assertThat(bul.get("natRefreshMs").getAsLong()).as("the home agent's refresh time").isEqualTo(20_000);
        assertThat(nodes.ctl(mnState, "mip:bul")).contains("20 s");
        await("the uplink's care-of address in ifs:status").atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonObject eth1 = null;
            for (var u : nodes.json(mnState, "ifs:status", "--json").getAsJsonObject().getAsJsonArray("uplinks")) {
                if ("eth1".equals(string(u.getAsJsonObject(), "id"))) {
                    eth1 = u.getAsJsonObject();
                }
            }
            assertThat(eth1).as("eth1 in ifs:status").isNotNull();
            assertThat(string(eth1, "careOfAddress")).as("the IPv4 uplink's care-of address").isEqualTo(MN_IPV4);
        });
    }

    @Test
    @Order(2)
    void givenTheBindingThroughTheNat_whenTheCorrespondentSendsOverTcp_thenTheTransferCompletes() throws Exception {
        Path out = Files.createDirectories(scratch.resolve("iperf-nat"));
        JsonObject result = iperf(out, 6, () -> { });
        JsonObject received = result.getAsJsonObject("end").getAsJsonObject("sum_received");
        System.out.printf("MobilityNatLabIT: TCP from the correspondent to the home address through the NAT: %.1f Mbit/s,"
                + " %d bytes%n", received.get("bits_per_second").getAsDouble() / 1e6, received.get("bytes").getAsLong());
        assertThat(received.get("bytes").getAsLong()).isPositive();
        JsonObject stats = nodes.json(haState, "ha:stats", "--json").getAsJsonObject();
        assertThat(stats.get("packetsToMobileNodes").getAsLong()).isPositive();
        assertThat(string(nodes.bindingOf(haState, HOA), "careOfAddress")).isEqualTo(MN_IPV4);
    }

    @Test
    @Order(3)
    void givenATcpTransfer_whenTheNodeMovesFromTheIpv4UplinkToAnIpv6OneAndBack_thenItCompletesWithoutReset()
            throws Exception {
        Path out = Files.createDirectories(scratch.resolve("iperf-handover"));
        JsonObject result = iperf(out, 14, () -> {
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
            long t = System.nanoTime();
            nodes.ctl(mnState, "ifs:pin", "all", "wlan0");
            await("the binding over wlan0 (IPv6)").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA),
                            b -> b != null && string(b, "careOfAddress").startsWith("2001:db8:a:")
                                    && string(b, "natAddress") == null);
            long toIpv6 = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            t = System.nanoTime();
            nodes.ctl(mnState, "ifs:pin", "all", "eth1");
            await("the binding back through the NAT").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA), b -> b != null
                            && MN_IPV4.equals(string(b, "careOfAddress")) && NAT_OUTSIDE.equals(string(b, "natAddress")));
            long toIpv4 = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
            System.out.printf("MobilityNatLabIT: pin to the binding at the home agent: IPv4/NAT -> wlan0 %d ms,"
                    + " wlan0 -> IPv4/NAT %d ms%n", toIpv6, toIpv4);
        });
        JsonObject received = result.getAsJsonObject("end").getAsJsonObject("sum_received");
        System.out.printf("MobilityNatLabIT: TCP across IPv4/NAT -> IPv6 -> IPv4/NAT: %.1f Mbit/s, %d bytes%n",
                received.get("bits_per_second").getAsDouble() / 1e6, received.get("bytes").getAsLong());
        assertThat(received.get("bytes").getAsLong()).isPositive();
        assertThat(nodes.ctl(mnState, "ifs:clear")).contains("cleared");
    }

    @Test
    @Order(4)
    void givenATcpTransferThroughTheNat_whenTheIpv4UplinkLosesItsCarrier_thenItContinuesOverIpv6WithoutReset()
            throws Exception {
        nodes.ctl(mnState, "ifs:pin", "all", "eth1");
        await("the binding through the NAT").atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> nodes.bindingOf(haState, HOA), b -> b != null && MN_IPV4.equals(string(b, "careOfAddress")));
        Path out = Files.createDirectories(scratch.resolve("iperf-carrier"));
        JsonObject result = iperf(out, 10, () -> {
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            lab.linkDown("eth1");
            JsonObject b = await("the binding over an IPv6 uplink").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA),
                            x -> x != null && string(x, "careOfAddress").startsWith("2001:db8:"));
            System.out.printf("MobilityNatLabIT: eth1 carrier lost, binding now %s%n", string(b, "careOfAddress"));
        });
        JsonObject received = result.getAsJsonObject("end").getAsJsonObject("sum_received");
        System.out.printf("MobilityNatLabIT: TCP across the loss of the IPv4/NAT uplink: %.1f Mbit/s, %d bytes%n",
                received.get("bits_per_second").getAsDouble() / 1e6, received.get("bytes").getAsLong());
        for (JsonElement e : nodes.json(mnState, "ifs:handovers", "--json").getAsJsonArray()) {
            JsonObject h = e.getAsJsonObject();
            if ("eth1".equals(string(h, "from")) || "eth1".equals(string(h, "to"))) {
                System.out.printf("MobilityNatLabIT: handover %s %s -> %s, trigger to traffic %s ms%n",
                        string(h, "trigger"), string(h, "from"), string(h, "to"), h.get("triggerToTrafficMs"));
            }
        }
        assertThat(received.get("bytes").getAsLong()).isPositive();
        lab.linkUp("eth1");
        assertThat(nodes.ctl(mnState, "ifs:clear")).contains("cleared");
    }

    /** Something done while a transfer runs. */
    private interface During {
        void run() throws Exception;
    }

    /** An iperf3 TCP transfer from the correspondent to the home address; its result, checked for errors. */
    private JsonObject iperf(Path out, int seconds, During during) throws Exception {
        Process server = lab.start("mn", out.resolve("server.json"), "iperf3", "-s", "-1", "-J", "-B", HOA);
        await("iperf3 listening").atMost(PATIENCE).ignoreExceptions().until(() ->
                lab.exec("mn", "ss", "-ltnH").contains(":5201"));
        Process client = lab.start("cn", out.resolve("client.json"), "iperf3", "-c", HOA, "-t",
                Integer.toString(seconds), "-J");
        during.run();
        assertThat(client.waitFor(seconds + 60L, TimeUnit.SECONDS)).as("iperf3 client finished").isTrue();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("iperf3 server finished").isTrue();
        JsonObject result = JsonParser.parseString(Files.readString(out.resolve("client.json"))).getAsJsonObject();
        assertThat(result.has("error")).as("iperf3: %s", result.get("error")).isFalse();
        assertThat(client.exitValue()).as("iperf3 exit status (a reset fails it)").isZero();
        return result;
    }
}
