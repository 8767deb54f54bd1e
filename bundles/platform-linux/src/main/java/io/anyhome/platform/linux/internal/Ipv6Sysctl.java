package io.anyhome.platform.linux.internal;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.Ipv6Setting;
import io.anyhome.api.platform.PlatformException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Per-interface IPv6 settings through {@code /proc/sys/net/ipv6/conf/<interface>/<setting>}.
 * The files are opened on the calling thread, so a thread that entered another network namespace
 * reads and writes that namespace's settings. Errors name the sysctl, for example
 * {@code net.ipv6.conf.wlan0.accept_ra}.
 */
final class Ipv6Sysctl {
    /** Interface names as the kernel accepts them, plus {@code all} and {@code default}. */
    private static final Pattern NAME = Pattern.compile("[^/:\\s]{1,15}");

    private final Path root;

    /** @param root the {@code conf} directory, {@code /proc/sys/net/ipv6/conf} outside tests */
    Ipv6Sysctl(Path root) {
        this.root = root;
    }

    static Ipv6Sysctl system() {
        return new Ipv6Sysctl(Path.of("/proc/sys/net/ipv6/conf"));
    }

    int read(String interfaceName, Ipv6Setting setting) throws PlatformException {
        Path file = file(interfaceName, setting);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw failure("read", interfaceName, setting, e);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new PlatformException(Code.IO_ERROR,
                    "read " + sysctlName(interfaceName, setting) + ": '" + text + "' is not a number");
        }
    }

    void write(String interfaceName, Ipv6Setting setting, int value) throws PlatformException {
        Path file = file(interfaceName, setting);
        // no CREATE: a missing interface must stay an error, never become a file
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            out.write((value + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw failure("set", interfaceName, setting, e, " to " + value);
        }
    }

    private Path file(String interfaceName, Ipv6Setting setting) throws PlatformException {
        if (interfaceName == null || !NAME.matcher(interfaceName).matches() || interfaceName.startsWith(".")) {
            throw new PlatformException(Code.INVALID_ARGUMENT,
                    "'" + interfaceName + "' is not an interface name (for the IPv6 setting " + setting.sysctlName() + ")");
        }
        return root.resolve(interfaceName).resolve(setting.sysctlName());
    }

    static String sysctlName(String interfaceName, Ipv6Setting setting) {
        return "net.ipv6.conf." + interfaceName + "." + setting.sysctlName();
    }

    private PlatformException failure(String verb, String interfaceName, Ipv6Setting setting, IOException e) {
        return failure(verb, interfaceName, setting, e, "");
    }

    private PlatformException failure(String verb, String interfaceName, Ipv6Setting setting, IOException e,
            String detail) {
        String what = verb + " " + sysctlName(interfaceName, setting) + detail;
        PlatformException p;
        if (e instanceof NoSuchFileException) {
            p = Files.isDirectory(root.resolve(interfaceName))
                    ? new PlatformException(Code.NOT_FOUND, what + ": the kernel has no such setting")
                    : new PlatformException(Code.NOT_FOUND, what + ": no interface " + interfaceName
                            + " (or IPv6 is disabled on it)");
        } else if (e instanceof AccessDeniedException) {
            p = new PlatformException(Code.PERMISSION_DENIED, what + ": permission denied (needs root or CAP_NET_ADMIN)",
                    Native.EACCES, null);
        } else if ("Invalid argument".equals(e.getMessage())) {
            p = new PlatformException(Code.INVALID_ARGUMENT, what + ": the kernel refused the value", Native.EINVAL,
                    null);
        } else {
            p = new PlatformException(Code.IO_ERROR, what + ": " + e.getMessage());
        }
        p.initCause(e);
        return p;
    }
}
