package io.anyhome.ifs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IfsConfigurationTest {
    @Test
    void givenNothing_whenRead_thenDefaults() {
        IfsConfiguration c = IfsConfiguration.from(Map.of());

        assertThat(c.policy()).isNull();
        assertThat(c.evaluationIntervalMs()).isEqualTo(1000);
        assertThat(c.flowTableSlots()).isEqualTo(65_536);
    }

    @Test
    void givenBadValues_whenRead_thenRefusedNamingFileAndKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> IfsConfiguration.from(Map.of("evaluationIntervalMs", "5000")))
                .withMessage("etc/io.anyhome.ifs.cfg: key evaluationIntervalMs = 5000: outside 10..1000");
        assertThatIllegalArgumentException().isThrownBy(() -> IfsConfiguration.from(Map.of("flowTableSlots", "1000")))
                .withMessageContaining("key flowTableSlots").withMessageContaining("power of two");
        assertThatIllegalArgumentException().isThrownBy(() -> IfsConfiguration.from(Map.of("policyBudgetMs", "fast")))
                .withMessageContaining("key policyBudgetMs").withMessageContaining("not a whole number");
    }

    @Test
    void givenAnAccountingDay_whenTheMonthTurns_thenThePeriodRollsOverOnceOnThatDay() {
        long mid = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
        AccountingPeriod p = new AccountingPeriod(25, mid);

        assertThat(p.rolledOver(Instant.parse("2026-11-24T23:59:59Z").toEpochMilli())).isFalse();
        assertThat(p.rolledOver(Instant.parse("2026-11-25T00:00:00Z").toEpochMilli())).isTrue();
        assertThat(p.rolledOver(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli())).isFalse();
        assertThat(p.rolledOver(Instant.parse("2026-12-25T00:00:01Z").toEpochMilli())).isTrue();
    }
}
