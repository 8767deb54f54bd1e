package io.anyhome.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigFileTest {
    @TempDir
    Path etc;

    void write(String text) throws IOException {
        Files.writeString(etc.resolve(NodeConfigFile.FILE), text);
    }

    @Test
    void givenARoleAndNoPlatform_thenThePlatformIsLinux() throws Exception {
        write("role=ha\n");

        assertThat(NodeConfigFile.read(etc)).isEqualTo(new NodeConfigFile.Identity("ha", "linux"));
    }

    @Test
    void givenATypedValue_thenItsTextIsRead() throws Exception {
        write("role=\"mr\"\nplatform = sim\n");

        assertThat(NodeConfigFile.read(etc)).isEqualTo(new NodeConfigFile.Identity("mr", "sim"));
    }

    @Test
    void givenABadRole_thenTheErrorNamesFileKeyAndValue() throws Exception {
        write("role=router\n");

        assertThatThrownBy(() -> NodeConfigFile.read(etc)).isInstanceOf(UsageException.class)
                .hasMessageContaining(etc.resolve(NodeConfigFile.FILE).toString())
                .hasMessageContaining("key role: router");
    }

    @Test
    void givenABadPlatform_thenTheErrorNamesTheKey() throws Exception {
        write("role=mn\nplatform=bsd\n");

        assertThatThrownBy(() -> NodeConfigFile.read(etc)).hasMessageContaining("key platform: bsd");
    }

    @Test
    void givenNoFile_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> NodeConfigFile.read(etc)).isInstanceOf(UsageException.class)
                .hasMessageContaining(NodeConfigFile.FILE).hasMessageContaining("not found");
    }
}
