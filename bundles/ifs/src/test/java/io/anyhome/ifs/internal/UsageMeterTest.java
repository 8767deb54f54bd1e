package io.anyhome.ifs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anyhome.ifs.internal.UsageMeter.Reading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageMeterTest {
    private static final long NOV_20 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    private static final long NOV_1 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long OCT_1 = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
    private static final long DEC_1 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

    private final List<String> warnings = new ArrayList<>();

    private UsageMeter meter(long now, Path file) {
        UsageMeter m = new UsageMeter(1, now, file == null ? null : new UsageFile(file), warnings::add);
        m.load(now);
        return m;
    }

    @Test
    void givenAFirstReading_whenTheCountersGrow_thenOnlyTheGrowthSinceTheBaselineIsUsage() {
        UsageMeter m = meter(NOV_20, null);

        m.sample(NOV_20, Map.of("wwan0", new Reading(4, 1_000_000)));
        assertThat(m.usage()).isEmpty();

        m.sample(NOV_20 + 1000, Map.of("wwan0", new Reading(4, 1_500_000)));
        m.sample(NOV_20 + 2000, Map.of("wwan0", new Reading(4, 1_700_000), "wlan0", new Reading(3, 9_000)));

        assertThat(m.usage()).isEqualTo(Map.of("wwan0", 700_000L));
    }

    @Test
    void givenACounterThatRestarted_whenSampled_thenItsNewValueCountsWhetherSmallerOrOnAnotherIndex() {
        UsageMeter m = meter(NOV_20, null);
        m.sample(NOV_20, Map.of("wwan0", new Reading(4, 5_000)));
        m.sample(NOV_20 + 1000, Map.of("wwan0", new Reading(4, 8_000)));

        // the modem reconnected: the interface came back with fresh counters
        m.sample(NOV_20 + 2000, Map.of("wwan0", new Reading(4, 1_200)));
        assertThat(m.usage()).containsEntry("wwan0", 3_000L + 1_200L);

        // recreated with another index, its counter already beyond the old one
        m.sample(NOV_20 + 3000, Map.of("wwan0", new Reading(9, 20_000)));
        assertThat(m.usage()).containsEntry("wwan0", 3_000L + 1_200L + 20_000L);
    }

    @Test
    void givenAnUplinkThatDisappears_whenSampledWithoutIt_thenItKeepsItsTotalAndResumesFromItsLastReading() {
        UsageMeter m = meter(NOV_20, null);
        m.sample(NOV_20, Map.of("wwan0", new Reading(4, 0), "wlan0", new Reading(3, 0)));
        m.sample(NOV_20 + 1000, Map.of("wwan0", new Reading(4, 400), "wlan0", new Reading(3, 100)));

        m.sample(NOV_20 + 2000, Map.of("wlan0", new Reading(3, 300)));
        assertThat(m.usage()).isEqualTo(Map.of("wwan0", 400L, "wlan0", 300L));

        m.sample(NOV_20 + 3000, Map.of("wwan0", new Reading(4, 900), "wlan0", new Reading(3, 300)));
        assertThat(m.usage()).isEqualTo(Map.of("wwan0", 900L, "wlan0", 300L));
    }

    @Test
    void givenUsage_whenTheAccountingDayPasses_thenTotalsStartFromZeroAndCountOnFromTheLastReading() {
        UsageMeter m = meter(NOV_20, null);
        m.sample(NOV_20, Map.of("wwan0", new Reading(4, 0)));
        m.sample(DEC_1 - 1, Map.of("wwan0", new Reading(4, 10_000)));
        assertThat(m.usage()).containsEntry("wwan0", 10_000L);

        m.sample(DEC_1, Map.of("wwan0", new Reading(4, 10_500)));

        assertThat(m.usage()).containsEntry("wwan0", 500L);
    }

    @Test
    void givenASavedPeriod_whenTheNodeStartsAgain_thenTheTotalsComeBackAndBytesWhileStoppedAreNotCounted(
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve(UsageFile.NAME);
        UsageMeter before = meter(NOV_20, file);
        before.sample(NOV_20, Map.of("wwan0", new Reading(4, 0)));
        before.sample(NOV_20 + 1000, Map.of("wwan0", new Reading(4, 123_456_789_012L)));
        before.save(NOV_20 + 1000);

        UsageMeter after = meter(NOV_20 + 60_000, file);
        after.sample(NOV_20 + 60_000, Map.of("wwan0", new Reading(4, 200_000_000_000L)));
        after.sample(NOV_20 + 61_000, Map.of("wwan0", new Reading(4, 200_000_000_100L)));

        assertThat(after.usage()).isEqualTo(Map.of("wwan0", 123_456_789_112L));
        assertThat(Files.readString(file)).contains("\"periodStart\": " + NOV_1).contains("\"wwan0\": 123456789012");
        assertThat(dir.resolve("data")).isDirectoryNotContaining("glob:**.tmp");
        assertThat(warnings).isEmpty();
    }

    @Test
    void givenAFileOfAnotherPeriod_whenLoaded_thenThisPeriodStartsFromZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(UsageFile.NAME);
        new UsageFile(file).write(new UsageFile.Content(OCT_1, Map.of("wwan0", 5_000_000L)));

        UsageMeter m = meter(NOV_20, file);

        assertThat(m.usage()).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(file).exists();
    }

    @Test
    void givenACorruptFile_whenLoaded_thenAWarningNamesItItIsMovedToBadAndThePeriodStartsFromZero(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve(UsageFile.NAME);
        Files.writeString(file, "{\"periodStart\": " + NOV_1 + ", \"uplinks\": {\"wwan0\": 12", StandardCharsets.UTF_8);

        UsageMeter m = meter(NOV_20, file);

        assertThat(m.usage()).isEmpty();
        assertThat(warnings).singleElement().asString().contains(file.toString()).contains("moved to " + file + ".bad");
        assertThat(dir.resolve(UsageFile.NAME + ".bad")).hasContent(
                "{\"periodStart\": " + NOV_1 + ", \"uplinks\": {\"wwan0\": 12");
        assertThat(file).doesNotExist();

        m.sample(NOV_20, Map.of("wwan0", new Reading(4, 0)));
        m.sample(NOV_20 + 1000, Map.of("wwan0", new Reading(4, 70)));
        m.save(NOV_20 + 1000);
        assertThat(new UsageFile(file).read()).contains(new UsageFile.Content(NOV_1, Map.of("wwan0", 70L)));
    }

    @Test
    void givenChanges_whenSavesAreDue_thenTheFileIsWrittenAtMostOncePerMinuteAndOnlyAfterAChange(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve(UsageFile.NAME);
        UsageMeter m = meter(NOV_20, file);
        m.sample(NOV_20, Map.of("wwan0", new Reading(4, 0)));
        m.sample(NOV_20 + 1000, Map.of("wwan0", new Reading(4, 10)));

        m.saveIfDue(NOV_20 + 59_999);
        assertThat(file).doesNotExist();
        m.saveIfDue(NOV_20 + 60_000);
        assertThat(new UsageFile(file).read()).contains(new UsageFile.Content(NOV_1, Map.of("wwan0", 10L)));

        Files.delete(file);
        m.sample(NOV_20 + 61_000, Map.of("wwan0", new Reading(4, 10)));
        m.saveIfDue(NOV_20 + 200_000);
        assertThat(file).as("nothing changed").doesNotExist();
        m.sample(NOV_20 + 201_000, Map.of("wwan0", new Reading(4, 25)));
        m.saveIfDue(NOV_20 + 202_000);
        assertThat(new UsageFile(file).read()).contains(new UsageFile.Content(NOV_1, Map.of("wwan0", 25L)));

        m.sample(NOV_20 + 203_000, Map.of("wwan0", new Reading(4, 40)));
        m.saveIfDue(NOV_20 + 261_999);
        assertThat(new UsageFile(file).read()).as("a minute has not passed").map(c -> c.bytes().get("wwan0"))
                .contains(25L);
        m.save(NOV_20 + 262_000);
        assertThat(new UsageFile(file).read()).map(c -> c.bytes().get("wwan0")).contains(40L);
    }

    @Test
    void givenUplinkNamesWithQuotesAndBackslashes_whenEncodedAndDecoded_thenTheyComeBack() {
        UsageFile.Content c = new UsageFile.Content(NOV_1, Map.of("we\"ird\\0", 1L, "wwan0", 0L));

        assertThat(UsageFile.decode(UsageFile.encode(c))).isEqualTo(c);
        assertThat(UsageFile.decode(UsageFile.encode(new UsageFile.Content(NOV_1, Map.of()))).bytes()).isEmpty();
    }

    @Test
    void givenTextThatIsNotAUsageFile_whenDecoded_thenRefusedSayingWhy() {
        assertThatThrownBy(() -> UsageFile.decode("{\"periodStart\": 1, \"uplinks\": {\"wwan0\": -5}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte count");
        assertThatThrownBy(() -> UsageFile.decode("{\"uplinks\": {}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodStart");
        assertThatThrownBy(() -> UsageFile.decode("{\"periodStart\": 1, \"uplinks\": {}} x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> UsageFile.decode(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> UsageFile.decode("{\"periodStart\": 1, \"uplinks\": {}, \"wwan0\": 5}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key \"wwan0\"");
    }
}
