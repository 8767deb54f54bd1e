package io.anyhome.itests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static io.anyhome.itests.cli.LabNodes.string;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The first thing a user wants from anyhome, end to end on real Linux: a home agent and a mobile
 * node, both real {@code anyhome node} processes from the built distribution, in the lab of
 * {@code itests/lab/mobility-lab.sh} (three uplinks behind radvd, the home agent behind the same
 * router, a correspondent node). The scenarios run in order on one lab: registration, a TCP
 * transfer that survives a dead uplink and then a blackholed one, a planned switch, a home agent
 * restart, a home address someone else on the home link uses (134), and last the mobile node
 * returning home and leaving again.
 *
 * <p>Needs root, iproute2, radvd, nftables, iperf3 and python3; skipped without them except when
 * {@code CI=true}. Times are printed, never asserted beyond generous bounds against hanging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MobilityLabIT {
    private static final String HOA = LabNodes.HOME_ADDRESS;
    private static final String KEY = LabNodes.KEY;
    /** The home host's address on the home link: a key for it, but the host answers for it. */
    private static final String TAKEN = "2001:db8:1::99";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Kept after the run: the nodes' logs and outputs are there. */
    private Path scratch;

    private MobilityLab lab;
    private LabNodes nodes;
    private Process homeAgent;
    private Process mobileNode;
    private Path haState;
    private Path mnState;
    private long mnStartedAt;

    @BeforeAll
    void startTheLab() throws Exception {
        scratch = Files.createTempDirectory("anyhome-mobility-lab-");
        System.out.printf("MobilityLabIT: node states and outputs in %s%n", scratch);
        lab = MobilityLab.up("ahm" + ProcessHandle.current().pid() % 1000);
        nodes = new LabNodes(lab, scratch);
        haState = scratch.resolve("ha");
        LabNodes.writeHomeAgent(haState);
        LabNodes.writeNodeKey(haState, "taken", TAKEN);
        homeAgent = nodes.startNode("ha", haState);

        mnState = scratch.resolve("mn");
        LabNodes.writeMobileNode(mnState);
        mnStartedAt = System.nanoTime();
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
    void givenTheNodes_whenTheMobileNodeStarts_thenItRegistersOverItsPreferredUplink() throws Exception {
        // the first care-of address registers at once; the switch's policy then moves the binding
        // to the preferred uplink (priority: ethernet first) once it has been usable for the hold-down
        await("a binding at the home agent").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA), b -> b != null);
        long first = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - mnStartedAt);
        JsonObject binding = await("the binding over eth0").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA),
                        b -> b != null && string(b, "careOfAddress").startsWith("2001:db8:c:"));
        long preferred = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - mnStartedAt);
        System.out.printf("MobilityLabIT: mobile node start to first binding at the home agent: %d ms,"
                + " to the binding over its preferred uplink eth0: %d ms%n", first, preferred);
        assertThat(string(binding, "careOfAddress")).startsWith("2001:db8:c:");
        // both nodes say what happened in their log files
        await("the logs").atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Files.readString(mnState.resolve("log/anyhome.log")))
                    .contains("registered with the home agent through eth0");
            assertThat(Files.readString(haState.resolve("log/anyhome.log")))
                    .contains("binding for " + HOA + ": care-of address 2001:db8:c:");
        });
        JsonObject status = nodes.json(mnState, "mip:status", "--json").getAsJsonObject();
        assertThat(status.toString()).contains(HOA);
        await("the switch uses eth0").atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(string(nodes.json(mnState, "ifs:status", "--json").getAsJsonObject(), "defaultUplink"))
                        .isEqualTo("eth0"));
    }

    @Test
    @Order(2)
    void givenATcpTransfer_whenTheCarryingUplinkDiesAndThenTheNextIsBlackholed_thenItCompletesWithoutReset()
            throws Exception {
        Path out = Files.createDirectories(scratch.resolve("iperf"));
        long usageBefore = usageBytes();
        Process server = lab.start("mn", out.resolve("server.json"), "iperf3", "-s", "-1", "-J", "-B", HOA);
        Process probeReceiver = lab.start("mn", out.resolve("probe.json"), "python3", probeScript(), "receive",
                "5999", "24", HOA);
        awaitListening("mn", 5201);
        Process client = lab.start("cn", out.resolve("client.json"), "iperf3", "-c", HOA, "-t", "20", "-J");
        Process probe = lab.start("cn", out.resolve("probe-sent.json"), "python3", probeScript(), "send", HOA,
                "5999", "20");

        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        lab.linkDown("eth0");
        await("traffic moved off eth0").atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(string(nodes.json(mnState, "ifs:status", "--json").getAsJsonObject(), "defaultUplink"))
                        .isEqualTo("wlan0"));
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
        lab.blackhole("wlan0");
        await("traffic moved off the blackholed wlan0").atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(string(nodes.json(mnState, "ifs:status", "--json").getAsJsonObject(), "defaultUplink"))
                        .isEqualTo("wwan0"));

        assertThat(client.waitFor(60, TimeUnit.SECONDS)).as("iperf3 client finished").isTrue();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("iperf3 server finished").isTrue();
        probe.waitFor(30, TimeUnit.SECONDS);
        probeReceiver.waitFor(30, TimeUnit.SECONDS);
        JsonObject result = JsonParser.parseString(Files.readString(out.resolve("client.json"))).getAsJsonObject();
        assertThat(result.has("error")).as("iperf3: %s", result.get("error")).isFalse();
        assertThat(client.exitValue()).as("iperf3 exit status (a reset fails it)").isZero();
        JsonObject received = result.getAsJsonObject("end").getAsJsonObject("sum_received");
        JsonObject p = JsonParser.parseString(Files.readString(out.resolve("probe.json"))).getAsJsonObject();
        System.out.printf("MobilityLabIT: TCP transfer across carrier loss and blackhole: %.1f Mbit/s, %d bytes;"
                + " 1 kHz UDP probe: %s%n", received.get("bits_per_second").getAsDouble() / 1e6,
                received.get("bytes").getAsLong(), p);
        for (HandoverSummary h : handovers()) {
            System.out.printf("MobilityLabIT: handover %s%n", h);
        }
        assertThat(received.get("bytes").getAsLong()).isPositive();
        // the uplinks' usage is what their interfaces carried: the download, tunnel overhead included
        long download = received.get("bytes").getAsLong();
        long metered = await("the download in the uplinks' usage").atMost(Duration.ofSeconds(10))
                .ignoreExceptions().until(() -> usageBytes() - usageBefore, u -> u >= download);
        System.out.printf("MobilityLabIT: uplinks' usage grew by %d bytes over a download of %d bytes%n",
                metered, download);
    }

    /** @return the sum of the uplinks' usage this accounting period, as {@code ifs:status --json} shows it */
    private long usageBytes() throws Exception {
        long sum = 0;
        for (JsonElement u : nodes.json(mnState, "ifs:status", "--json").getAsJsonObject().getAsJsonArray("uplinks")) {
            sum += u.getAsJsonObject().get("usageBytes").getAsLong();
        }
        return sum;
    }

    @Test
    @Order(3)
    void givenAPlannedSwitch_whenPinnedToAnotherUplink_thenNoProbePacketIsLost() throws Exception {
        lab.unblackhole();
        await("wlan0 usable again").atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(nodes.json(mnState, "ifs:status", "--json").toString())
                        .containsPattern("\"id\":\"wlan0\"[^}]*\"usable\":true"));
        Path out = Files.createDirectories(scratch.resolve("planned"));
        Process receiver = lab.start("mn", out.resolve("probe.json"), "python3", probeScript(), "receive", "5998",
                "8", HOA);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
        Process sender = lab.start("cn", out.resolve("sent.json"), "python3", probeScript(), "send", HOA, "5998", "6");
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        nodes.json(mnState, "ifs:pin", "--json", "all", "wlan0");
        assertThat(sender.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(receiver.waitFor(30, TimeUnit.SECONDS)).isTrue();
        JsonObject p = JsonParser.parseString(Files.readString(out.resolve("probe.json"))).getAsJsonObject();
        System.out.printf("MobilityLabIT: planned switch to wlan0, 1 kHz UDP probe: %s%n", p);
        assertThat(string(nodes.json(mnState, "ifs:status", "--json").getAsJsonObject(), "defaultUplink")).isEqualTo("wlan0");
        assertThat(p.get("lost").getAsInt()).as("probe packets lost in a planned switch").isZero();
        assertThat(nodes.ctl(mnState, "ifs:clear")).contains("cleared");
    }

    @Test
    @Order(4)
    void givenForgedBindingUpdates_whenSentToTheHomeAgent_thenTheyAreRefusedAndTheBindingIsUntouched()
            throws Exception {
        JsonObject before = nodes.bindingOf(haState, HOA);
        int sequence = before.get("sequence").getAsInt();
        String coa = lab.exec("mn", "ip", "-6", "-o", "addr", "show", "dev", "wwan0", "scope", "global")
                .replaceAll("(?s).*inet6 ([0-9a-f:]+)/64.*", "$1").strip();
        long now = System.currentTimeMillis() / 1000 + 2_208_988_800L; // NTP seconds (RFC 4285 §6)

        String wrongKey = exchange(HOA, coa, sequence + 10, "ff".repeat(32), now << 32);
        String replayed = exchange(HOA, coa, sequence + 11, KEY, (now - 120) << 32);
        String someoneElse = exchange("2001:db8:1::20", coa, 1, KEY, now << 32);

        System.out.printf("MobilityLabIT: forged BUs answered: wrong key %s, replayed %s, other home address %s%n",
                field(wrongKey, "status"), field(replayed, "status"), field(someoneElse, "status"));
        assertThat(field(wrongKey, "status")).as("wrong key: authentication failed (RFC 4285): %s", wrongKey)
                .isEqualTo("146");
        assertThat(field(replayed, "status")).as("replayed: timestamp out of tolerance: %s", replayed).isEqualTo("144");
        assertThat(field(someoneElse, "status")).as("another node's home address: not ours to bind: %s", someoneElse)
                .isIn("129", "144", "146");
        JsonObject after = nodes.bindingOf(haState, HOA);
        assertThat(string(after, "careOfAddress")).isEqualTo(string(before, "careOfAddress"));
        assertThat(after.get("sequence").getAsInt()).isEqualTo(sequence);
        JsonObject stats = nodes.json(haState, "ha:stats", "--json").getAsJsonObject();
        assertThat(stats.get("authenticationFailures").getAsLong()).isGreaterThanOrEqualTo(2);
    }

    /** A Binding Update built and sent by scapy (ha_peer.py) from the mobile node's namespace; its answer's fields. */
    private String exchange(String hoa, String coa, int sequence, String key, long timestamp) throws Exception {
        String peer = haPeer();
        Path input = Files.writeString(Files.createTempFile(scratch, "bu-", ".json"), """
                {"mode":"exchange","hoa":"%s","ha":"%s","coa":"%s","seq":%d,"lifetime":150,
                 "nai":"mn1@example.net","spi":256,"alg":"hmac-sha256-128","key":"%s","timestamp":%s}
                """.formatted(hoa, MobilityLab.HOME_AGENT, coa, sequence & 0xffff, key, Long.toUnsignedString(timestamp)));
        return lab.exec("mn", "sh", "-c", "/usr/bin/python3 " + peer + " < " + input);
    }

    private static String field(String keyValues, String key) {
        for (String line : keyValues.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).strip();
            }
        }
        return null;
    }

    @Test
    @Order(5)
    void givenTheHomeAgentRestarts_whenItComesBack_thenTheMobileNodeRegistersAgainAndTrafficResumes()
            throws Exception {
        homeAgent.destroy();
        assertThat(homeAgent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long restarted = System.nanoTime();
        homeAgent = nodes.startNode("ha", haState);
        await("registered again").atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> nodes.bindingOf(haState, HOA), b -> b != null);
        long registered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
        await("traffic resumes").atMost(PATIENCE).ignoreExceptions().until(() ->
                lab.exec("cn", "ping", "-6", "-c", "1", "-W", "1", HOA).contains("1 received"));
        long resumed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
        System.out.printf("MobilityLabIT: home agent restart to binding %d ms, to traffic %d ms%n", registered, resumed);
    }

    @Test
    @Order(6)
    void givenOurBindingUpdateAndAcknowledgementOnTheWire_whenScapyDissectsThem_thenEveryFieldAndTheAuthenticatorsAgree()
            throws Exception {
        await("registered").atMost(PATIENCE).ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA), b -> b != null);
        Path capture = scratch.resolve("mip6.pcapng");
        Process tshark = lab.start("ha", scratch.resolve("tshark.out"), "tshark", "-n", "-i", "inet0", "-f",
                "udp port 4191", "-a", "duration:6", "-w", capture.toString());
        await("tshark capturing").atMost(PATIENCE).until(() -> Files.exists(capture) && Files.size(capture) > 0);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
        String uplink = string(nodes.json(mnState, "ifs:status", "--json").getAsJsonObject(), "defaultUplink");
        nodes.ctl(mnState, "mip:register", uplink);
        assertThat(tshark.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String bu = null;
        String ba = null;
        for (String row : lab.exec("ha", "tshark", "-n", "-r", capture.toString(), "-T", "fields", "-e", "udp.payload")
                .split("\n")) {
            String hex = row.strip().replace(":", "");
            // an inner IPv6 packet (6x) carrying a Mobility Header (next header 135 = 0x87): type at byte 42
            if (hex.length() > 88 && hex.startsWith("6") && hex.startsWith("87", 12)) {
                String type = hex.substring(84, 86);
                if (type.equals("05")) {
                    bu = hex;
                } else if (type.equals("06") && bu != null) {
                    ba = hex;
                }
            }
        }
        assertThat(bu).as("a Binding Update captured at the home agent").isNotNull();
        assertThat(ba).as("its Binding Acknowledgement").isNotNull();
        String coa = string(nodes.bindingOf(haState, HOA), "careOfAddress");
        String buFields = scapy("bu-dissect", bu, coa);
        String baFields = scapy("ba", ba, coa);
        System.out.printf("MobilityLabIT: scapy reads our Binding Update:%n%s%nand the Acknowledgement:%n%s%n", buFields, baFields);
        assertThat(field(buFields, "src")).isEqualTo(HOA);
        assertThat(field(buFields, "dst")).isEqualTo(MobilityLab.HOME_AGENT);
        assertThat(field(buFields, "mhtype")).isEqualTo("5");
        assertThat(field(buFields, "flags")).contains("A").contains("H");
        assertThat(field(buFields, "f_flag")).isEqualTo("True");
        assertThat(field(buFields, "cksum_ok")).isEqualTo("True");
        assertThat(field(buFields, "opt.0.acoa")).isEqualTo(coa);
        assertThat(buFields).contains("opt.1.type=8", "opt.2.type=10", "opt.3.type=9");
        assertThat(field(buFields, "auth_ok")).as("our authenticator, checked by Python's hmac").isEqualTo("True");
        assertThat(field(baFields, "mhtype")).isEqualTo("6");
        assertThat(field(baFields, "status")).isEqualTo("0");
        assertThat(field(baFields, "seq")).isEqualTo(field(buFields, "seq"));
        assertThat(field(baFields, "cksum_ok")).isEqualTo("True");
        assertThat(field(baFields, "auth_ok")).isEqualTo("True");
    }

    @Test
    @Order(7)
    void givenAHomeAddressAnotherNodeUsesOnTheHomeLink_whenItsFirstRegistrationArrives_thenStatus134()
            throws Exception {
        String coa = lab.exec("mn", "ip", "-6", "-o", "addr", "show", "dev", "wwan0", "scope", "global")
                .replaceAll("(?s).*inet6 ([0-9a-f:]+)/64.*", "$1").strip();
        long now = System.currentTimeMillis() / 1000 + 2_208_988_800L;

        String answer = exchange(TAKEN, coa, 7, KEY, now << 32);

        System.out.printf("MobilityLabIT: first registration of %s, which the home host uses: %s%n", TAKEN,
                field(answer, "status"));
        assertThat(field(answer, "status")).as("duplicate address detection failed: %s", answer).isEqualTo("134");
        assertThat(nodes.bindingOf(haState, TAKEN)).as("nothing bound").isNull();
        assertThat(lab.exec("ha", "ip", "-6", "neigh", "show", "proxy")).doesNotContain(TAKEN);
        JsonObject stats = nodes.json(haState, "ha:stats", "--json").getAsJsonObject();
        assertThat(stats.getAsJsonObject("bindingUpdatesRefusedByStatus").get("134").getAsLong()).isPositive();
    }

    @Test
    @Order(8)
    void givenA1kHzFlowToTheHomeAddress_whenTheMobileNodeArrivesHomeLeavesAndComesBack_thenItDeregistersGoesDirectAndRegistersEachTime()
            throws Exception {
        await("registered").atMost(PATIENCE).ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA), b -> b != null);
        Path out = Files.createDirectories(scratch.resolve("home"));

        // arriving home with the flow running
        Process receiver = lab.start("mn", out.resolve("arrive.json"), "python3", probeScript(), "receive", "5997",
                "19", HOA);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
        Process sender = lab.start("cn", out.resolve("arrive-sent.json"), "python3", probeScript(), "send", HOA,
                "5997", "16");
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        long linkUp = System.nanoTime();
        lab.linkUp("eth2");
        await("the home agent's binding gone").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> nodes.json(haState, "ha:bc", "--json").getAsJsonArray().isEmpty());
        long deregistered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - linkUp);
        JsonObject status = await("at home").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> nodes.json(mnState, "mip:status", "--json").getAsJsonObject(),
                        st -> st.get("atHome").getAsBoolean());
        long atHome = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - linkUp);
        assertThat(string(status, "homeLink")).isEqualTo("eth2");
        assertThat(nodes.json(mnState, "mip:bul", "--json").toString()).contains("\"state\":\"AT_HOME\"")
                .contains("\"uplink\":\"eth2\"");
        assertThat(nodes.ctl(mnState, "mip:bul")).contains("AT_HOME");

        // the traffic takes the home link: the home agent resolves the home address there and proxies
        // it no more, the mobile node proxies it on eth2, and eth2 receives the flow
        await("the home agent no longer proxies the home address").atMost(PATIENCE).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(lab.exec("ha", "ip", "-6", "neigh", "show", "proxy")).doesNotContain(HOA);
                    assertThat(lab.exec("ha", "ip", "-6", "route", "show", HOA)).doesNotContain("ha0");
                    assertThat(lab.exec("ha", "ip", "-6", "neigh", "show", HOA, "dev", "hlink")).contains("lladdr");
                });
        assertThat(lab.exec("mn", "ip", "-6", "neigh", "show", "proxy", "dev", "eth2")).contains(HOA);
        long toMobileNodes = nodes.json(haState, "ha:stats", "--json").getAsJsonObject().get("packetsToMobileNodes")
                .getAsLong();
        long rxBefore = rxPackets("eth2");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        long rxDelta = rxPackets("eth2") - rxBefore;
        long tunnelled = nodes.json(haState, "ha:stats", "--json").getAsJsonObject().get("packetsToMobileNodes")
                .getAsLong() - toMobileNodes;
        assertThat(rxDelta).as("eth2 receives the 1 kHz flow").isGreaterThan(500);
        assertThat(tunnelled).as("the home agent tunnels nothing").isLessThan(10);
        assertThat(lab.exec("cn", "ping", "-6", "-c", "3", "-i", "0.2", "-W", "1", HOA))
                .as("both directions over the home link").contains("3 received");
        // a TCP upload from the home address: its super-packets leave through the packet socket
        Process upServer = lab.start("cn", out.resolve("home-upload-server.json"), "iperf3", "-s", "-1", "-J");
        awaitListening("cn", 5201);
        Process upClient = lab.start("mn", out.resolve("home-upload.json"), "iperf3", "-c", MobilityLab.CORRESPONDENT,
                "-B", HOA, "-t", "2", "-J");
        assertThat(upClient.waitFor(30, TimeUnit.SECONDS)).as("iperf3 upload finished").isTrue();
        assertThat(upServer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        JsonObject upload = JsonParser.parseString(Files.readString(out.resolve("home-upload.json"))).getAsJsonObject();
        assertThat(upload.has("error")).as("iperf3: %s", upload.get("error")).isFalse();
        JsonObject uploaded = upload.getAsJsonObject("end").getAsJsonObject("sum_received");
        System.out.printf("MobilityLabIT: TCP upload at home over the direct path: %.1f Mbit/s, %d bytes%n",
                uploaded.get("bits_per_second").getAsDouble() / 1e6, uploaded.get("bytes").getAsLong());
        assertThat(uploaded.get("bytes").getAsLong()).isPositive();
        assertThat(Files.readString(mnState.resolve("log/anyhome.log")))
                .as("the home link sends super-packets whole")
                .contains("home link eth2: TCP super-packets leave whole through a packet socket")
                .doesNotContain("super-packets go out packet by packet")
                .doesNotContain("refused a super-packet");
        assertThat(sender.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(receiver.waitFor(60, TimeUnit.SECONDS)).isTrue();
        JsonObject arrive = JsonParser.parseString(Files.readString(out.resolve("arrive.json"))).getAsJsonObject();
        int sentArriving = JsonParser.parseString(Files.readString(out.resolve("arrive-sent.json"))).getAsJsonObject()
                .get("sent").getAsInt();

        // leaving home: the home link goes down, a care-of address is registered, the flow resumes
        receiver = lab.start("mn", out.resolve("leave.json"), "python3", probeScript(), "receive", "5996", "19", HOA);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
        sender = lab.start("cn", out.resolve("leave-sent.json"), "python3", probeScript(), "send", HOA, "5996", "16");
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        long linkDown = System.nanoTime();
        lab.linkDown("eth2");
        JsonObject binding = await("registered again away from home").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA), b -> b != null);
        long registered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - linkDown);
        assertThat(string(binding, "careOfAddress")).doesNotStartWith("2001:db8:1:");
        assertThat(nodes.json(mnState, "mip:status", "--json").getAsJsonObject().get("atHome").getAsBoolean()).isFalse();
        assertThat(lab.exec("mn", "ip", "-6", "neigh", "show", "proxy")).doesNotContain(HOA);
        await("the home agent proxies the home address again").atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat(lab.exec("ha", "ip", "-6", "neigh", "show", "proxy")).contains(HOA));
        assertThat(sender.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(receiver.waitFor(60, TimeUnit.SECONDS)).isTrue();
        JsonObject leave = JsonParser.parseString(Files.readString(out.resolve("leave.json"))).getAsJsonObject();
        int sentLeaving = JsonParser.parseString(Files.readString(out.resolve("leave-sent.json"))).getAsJsonObject()
                .get("sent").getAsInt();

        System.out.printf("MobilityLabIT: returning home: link up to deregistered %d ms, to at home %d ms;"
                + " 1 kHz probe: %s (sent %d)%n", deregistered, atHome, arrive, sentArriving);
        System.out.printf("MobilityLabIT: leaving home: link down to a care-of address registered %d ms;"
                + " 1 kHz probe: %s (sent %d)%n", registered, leave, sentLeaving);
        for (JsonObject probe : List.of(arrive, leave)) {
            assertThat(probe.get("lastSequence").getAsInt()).as("the flow continues to the end: %s", probe)
                    .isGreaterThan((probe == arrive ? sentArriving : sentLeaving) - 200);
        }

        // home again, with another link-layer address (another interface plugged in): the home agent
        // knew the home address on the home link from the first visit at the old one, and advertised
        // it as its own while the node was away
        lab.exec("mn", "ip", "link", "set", "dev", "eth2", "address", "02:00:5e:00:53:10");
        long linkUpAgain = System.nanoTime();
        lab.linkUp("eth2");
        await("at home again").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> nodes.json(mnState, "mip:status", "--json").getAsJsonObject(),
                        st -> st.get("atHome").getAsBoolean());
        long atHomeAgain = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - linkUpAgain);
        assertThat(nodes.bindingOf(haState, HOA)).as("deregistered again").isNull();
        assertThat(lab.exec("cn", "ping", "-6", "-c", "3", "-i", "0.2", "-W", "1", HOA))
                .as("both directions over the home link again").contains("3 received");
        long linkDownAgain = System.nanoTime();
        lab.linkDown("eth2");
        JsonObject away = await("registered again after the second visit").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> nodes.bindingOf(haState, HOA), b -> b != null);
        long registeredAgain = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - linkDownAgain);
        System.out.printf("MobilityLabIT: second visit: link up to at home %d ms; link down to a care-of address"
                + " registered %d ms%n", atHomeAgain, registeredAgain);
        assertThat(string(away, "careOfAddress")).doesNotStartWith("2001:db8:1:");
        assertThat(atHomeAgain).as("the second arrival, at another link-layer address, takes no longer than a first one")
                .isLessThan(10_000);
    }

    /** Packets the mobile node's interface received so far. */
    private long rxPackets(String device) throws Exception {
        JsonArray links = JsonParser.parseString(lab.exec("mn", "ip", "-s", "-j", "link", "show", "dev", device))
                .getAsJsonArray();
        return links.get(0).getAsJsonObject().getAsJsonObject("stats64").getAsJsonObject("rx").get("packets")
                .getAsLong();
    }

    private String scapy(String mode, String hex, String coa) throws Exception {
        Path input = Files.writeString(Files.createTempFile(scratch, "scapy-", ".json"), """
                {"mode":"%s","hex":"%s","hoa":"%s","coa":"%s","alg":"hmac-sha256-128","key":"%s"}
                """.formatted(mode, hex, HOA, coa, KEY));
        Process p = new ProcessBuilder("sh", "-c", "/usr/bin/python3 " + haPeer() + " < " + input)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static String haPeer() {
        return AnyhomeCommand.home().getParent().getParent().getParent()
                .resolve("bundles/homeagent/src/test/resources/scapy/ha_peer.py").toString();
    }

    private record HandoverSummary(String trigger, String from, String to, long triggerToTrafficMs, String reason) {
    }

    private List<HandoverSummary> handovers() throws Exception {
        List<HandoverSummary> out = new ArrayList<>();
        for (JsonElement e : nodes.json(mnState, "ifs:handovers", "--json").getAsJsonArray()) {
            JsonObject h = e.getAsJsonObject();
            out.add(new HandoverSummary(string(h, "trigger"), string(h, "from"), string(h, "to"),
                    h.get("triggerToTrafficMs").getAsLong(), string(h, "reason")));
        }
        return out;
    }

    private void awaitListening(String role, int port) {
        await("port " + port + " listening").atMost(PATIENCE).ignoreExceptions().until(() ->
                lab.exec(role, "ss", "-ltnH").contains(":" + port));
    }

    private String probeScript() {
        return AnyhomeCommand.home().getParent().getParent().getParent().resolve("itests/lab/udp-probe.py").toString();
    }
}
