package io.anyhome.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of the control socket: sends one command line, prints the node's response
 * without its last line {@code %exit N}, and returns N. Used by {@code anyhome ctl} and by
 * {@code anyhome check}, which asks its own throwaway node.
 */
final class CtlClient {
    private static final Pattern EXIT = Pattern.compile("%exit (\\d+)");

    private CtlClient() {
    }

    /** Thrown when nothing answers on the socket. */
    static final class NotListeningException extends IOException {
        private static final long serialVersionUID = 1L;

        NotListeningException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Runs {@code line} on the node listening at {@code socket}; its output goes to {@code out}. */
    static int run(Path socket, String line, PrintStream out) throws IOException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new NotListeningException("no node answers on " + socket + " (" + e.getMessage()
                    + "): is it running? start it with: anyhome node --state DIR", e);
        }
        try (channel) {
            OutputStream request = Channels.newOutputStream(channel);
            request.write((line.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
            request.flush();
            BufferedReader response = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String pending = null;
            for (String next = response.readLine(); next != null; next = response.readLine()) {
                if (pending != null) {
                    out.println(pending);
                }
                pending = next;
            }
            Matcher exit = pending == null ? null : EXIT.matcher(pending);
            if (exit != null && exit.matches()) {
                out.flush();
                return Integer.parseInt(exit.group(1));
            }
            if (pending != null) {
                out.println(pending);
            }
            throw new IOException("the node closed the control socket without an %exit line");
        }
    }

    /** The words of a command as one Gogo command line, quoting words that need it. */
    static String commandLine(Iterable<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            boolean plain = !word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c)
                    || "'\"\\;|&$(){}[]<>#".indexOf(c) >= 0);
            if (plain) {
                line.append(word);
            } else if (word.indexOf('\'') < 0) {
                line.append('\'').append(word).append('\'');
            } else {
                line.append('"').append(word.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$"))
                        .append('"');
            }
        }
        return line.toString();
    }
}
