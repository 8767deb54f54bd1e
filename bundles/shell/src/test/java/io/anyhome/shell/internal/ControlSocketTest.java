package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlSocketTest {
    @TempDir
    Path dir;
    final List<ControlSocket> opened = new ArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(ControlSocket::close);
    }

    ControlSocket open(Path path, ControlSocket.RequestHandler handler) throws IOException {
        ControlSocket socket = new ControlSocket(path, handler, warnings::add);
        socket.open();
        opened.add(socket);
        return socket;
    }

    static String exchange(Path path, byte[] request) throws IOException {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            c.write(java.nio.ByteBuffer.wrap(request));
            c.shutdownOutput();
            InputStream in = Channels.newInputStream(c);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void givenAHandler_whenAClientSendsALine_thenItGetsTheOutputAndTheExitLine() throws IOException {
        Path path = dir.resolve("run/ctl.sock");
        open(path, (line, out) -> {
            out.write(("you said " + line).getBytes(StandardCharsets.UTF_8));
            return 1;
        });

        assertThat(exchange(path, "lb -s\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("you said lb -s\n%exit 1\n");
    }

    @Test
    void givenAnOpenSocket_thenOnlyTheOwnerMayUseIt() throws IOException {
        Path path = dir.resolve("ctl.sock");
        open(path, (line, out) -> 0);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    @Test
    void givenAStaleSocketFile_whenOpened_thenItIsReplaced_andRemovedOnClose() throws IOException {
        Path path = dir.resolve("ctl.sock");
        Files.writeString(path, "left over");

        ControlSocket socket = open(path, (line, out) -> 0);
        assertThat(exchange(path, "x\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("%exit 0\n");

        socket.close();
        assertThat(path).doesNotExist();
    }

    @Test
    void givenALiveSocket_whenASecondServerOpensIt_thenItIsRefused() throws IOException {
        Path path = dir.resolve("ctl.sock");
        open(path, (line, out) -> 0);

        assertThatThrownBy(() -> open(path, (line, out) -> 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("in use");
    }

    @Test
    void givenARequestLongerThanTheBound_thenItIsAUsageErrorAndTheHandlerIsNotCalled() throws IOException {
        Path path = dir.resolve("ctl.sock");
        List<String> seen = new CopyOnWriteArrayList<>();
        open(path, (line, out) -> {
            seen.add(line);
            return 0;
        });
        byte[] huge = "a".repeat(ControlSocket.MAX_LINE_BYTES + 10).getBytes(StandardCharsets.UTF_8);

        assertThat(exchange(path, huge)).endsWith("%exit 2\n");
        assertThat(seen).isEmpty();
    }

    @Test
    void givenAHandlerThatThrows_thenTheServerKeepsAnsweringLaterClients() throws IOException {
        Path path = dir.resolve("ctl.sock");
        open(path, (line, out) -> {
            if (line.equals("boom")) {
                throw new IllegalStateException("boom");
            }
            return 0;
        });

        exchange(path, "boom\n".getBytes(StandardCharsets.UTF_8));

        assertThat(exchange(path, "fine\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("%exit 0\n");
        assertThat(warnings).anyMatch(w -> w.contains("boom"));
    }
}
