package io.anyhome.shell.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Unix domain socket, mode 0600, that answers each connection once: it reads one UTF-8 request
 * line, lets a {@link RequestHandler} write the response, and ends it with a line {@code %exit N}.
 * Used by {@link CtlSocketServer}; plain Java so it is tested without a framework.
 */
final class ControlSocket implements Closeable {
    /** Writes the response to one request line and returns its exit status. */
    interface RequestHandler {
        int handle(String line, OutputStream out) throws IOException;
    }

    static final int MAX_LINE_BYTES = 16 * 1024;
    static final long READ_TIMEOUT_MILLIS = 10_000;
    private static final int WORKERS = 4;
    private static final int QUEUED = 32;

    private final Path path;
    private final RequestHandler handler;
    private final Consumer<String> warn;
    private final ExecutorService workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUED), r -> daemon(r, "anyhome-ctl-worker"));
    private ServerSocketChannel server;
    private Thread acceptor;
    private volatile boolean closed;

    ControlSocket(Path path, RequestHandler handler, Consumer<String> warn) {
        this.path = path;
        this.handler = handler;
        this.warn = warn;
    }

    /** Binds the socket (replacing a stale socket file, refusing one a live process answers). */
    void open() throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (Files.exists(path)) {
            if (answers(path)) {
                throw new IOException("control socket " + path + " is in use by a running node");
            }
            Files.delete(path);
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        acceptor = daemon(this::acceptLoop, "anyhome-ctl-acceptor");
        acceptor.start();
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
            workers.shutdownNow();
            if (acceptor != null) {
                acceptor.join(2_000);
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            warn.accept("cannot remove control socket " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                try {
                    workers.execute(() -> serve(client));
                } catch (RejectedExecutionException e) {
                    client.close();
                    warn.accept("control socket busy: connection refused");
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    warn.accept("control socket " + path + ": accept failed: " + e);
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            String line = readLine(client);
            client.configureBlocking(true);
            LastByteOutputStream out = new LastByteOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(client)));
            int status;
            if (line == null) {
                out.write(("request line missing or longer than " + MAX_LINE_BYTES + " bytes\n")
                        .getBytes(StandardCharsets.UTF_8));
                status = CommandLineRunner.USAGE;
            } else {
                status = handler.handle(line, out);
            }
            if (out.last != '\n' && out.last != -1) {
                out.write('\n');
            }
            out.write(("%exit " + status + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            discardUnread(client);
        } catch (IOException e) {
            warn.accept("control socket client: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            warn.accept("control socket client failed: " + e);
        }
    }

    /** Reads up to the first newline within the size and time bounds; null when they are exceeded. */
    static String readLine(SocketChannel client) throws IOException {
        client.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.allocate(MAX_LINE_BYTES + 1);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_TIMEOUT_MILLIS);
        try (Selector selector = Selector.open()) {
            client.register(selector, SelectionKey.OP_READ);
            while (buffer.hasRemaining()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return null;
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int before = buffer.position();
                int n = client.read(buffer);
                int end = indexOfNewline(buffer, before);
                if (end >= 0) {
                    return decode(buffer, end);
                }
                if (n < 0) {
                    return buffer.position() == 0 ? null : decode(buffer, buffer.position());
                }
            }
            return null;
        }
    }

    /** Unread request bytes would make closing reset the connection before the client reads the answer. */
    private static void discardUnread(SocketChannel client) throws IOException {
        client.configureBlocking(false);
        ByteBuffer sink = ByteBuffer.allocate(8192);
        for (int total = 0; total < 64 * MAX_LINE_BYTES; total += sink.position(), sink.clear()) {
            if (client.read(sink) <= 0) {
                return;
            }
        }
    }

    private static int indexOfNewline(ByteBuffer buffer, int from) {
        for (int i = from; i < buffer.position(); i++) {
            if (buffer.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String decode(ByteBuffer buffer, int end) {
        String line = new String(buffer.array(), 0, end, StandardCharsets.UTF_8);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Remembers the last byte written, so the {@code %exit} line always starts a line. */
    private static final class LastByteOutputStream extends FilterOutputStream {
        int last = -1;

        LastByteOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            last = b & 0xff;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (len > 0) {
                last = b[off + len - 1] & 0xff;
            }
        }
    }
}
