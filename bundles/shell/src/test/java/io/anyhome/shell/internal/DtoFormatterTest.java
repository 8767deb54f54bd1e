package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DtoFormatterTest {
    static NodeCheckDTO sample() {
        NodeCheckDTO check = new NodeCheckDTO();
        check.role = "mn";
        check.ok = false;
        check.problems.add("bundle io.anyhome.vi is RESOLVED");
        BundleCheckDTO b = new BundleCheckDTO();
        b.id = 7;
        b.symbolicName = "io.anyhome.vi";
        b.version = "0.1.0";
        b.state = "RESOLVED";
        check.bundles.add(b);
        return check;
    }

    @Test
    void givenADto_whenPrintedAsJson_thenItIsOneLineWithEveryField() {
        String json = DtoFormatter.json(sample());

        assertThat(json).doesNotContain("\n")
                .startsWith("{\"role\":\"mn\",\"ok\":false,\"problems\":[\"bundle io.anyhome.vi is RESOLVED\"]")
                .contains("{\"id\":7,\"symbolicName\":\"io.anyhome.vi\",\"version\":\"0.1.0\",\"state\":\"RESOLVED\",\"ok\":false}")
                .contains("\"components\":[]");
    }

    @Test
    void givenADto_whenPrintedForPeople_thenScalarsAreLines_andListsAreAlignedTables() {
        String table = DtoFormatter.table(sample());

        assertThat(table).contains("role: mn\n", "ok: false\n", "problems: bundle io.anyhome.vi is RESOLVED\n")
                .contains("bundles:\nID  SYMBOLICNAME   VERSION  STATE     OK\n7   io.anyhome.vi  0.1.0    RESOLVED  false\n")
                .endsWith("components:\n(none)");
    }
}
