package io.anyhome.platform.linux.internal;

import java.net.InetAddress;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Two network namespaces joined by a veth pair, for the socket endpoint tests: {@code a0} in
 * {@link #a} with 2001:db8:1::1/64 and 192.0.2.1/24, {@code b0} in {@link #b} with 2001:db8:1::2/64
 * and 192.0.2.2/24, duplicate address detection off so the addresses are usable at once.
 */
final class SocketLab implements AutoCloseable {
    static final InetAddress A6 = address("2001:db8:1::1");
    static final InetAddress B6 = address("2001:db8:1::2");
    static final InetAddress A4 = address("192.0.2.1");
    static final InetAddress B4 = address("192.0.2.2");

    final LabNamespace a;
    final LabNamespace b;

    private SocketLab(LabNamespace a, LabNamespace b) {
        this.a = a;
        this.b = b;
    }

    /** Makes the two namespaces and the link between them. */
    static SocketLab create(String word) {
        LabNamespace a = LabNamespace.create(word + "a");
        LabNamespace b;
        try {
            b = LabNamespace.create(word + "b");
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        SocketLab lab = new SocketLab(a, b);
        try {
            for (LabNamespace ns : new LabNamespace[] {a, b}) {
                sysctl(ns, "net.ipv6.conf.all.accept_dad=0");
                sysctl(ns, "net.ipv6.conf.default.accept_dad=0");
                // the tests send every Router Solicitation themselves
                sysctl(ns, "net.ipv6.conf.all.router_solicitations=0");
                sysctl(ns, "net.ipv6.conf.default.router_solicitations=0");
            }
            a.ip("link", "add", "a0", "type", "veth", "peer", "name", "b0", "netns", b.name());
            a.ip("-6", "addr", "add", "2001:db8:1::1/64", "dev", "a0", "nodad");
            a.ip("addr", "add", "192.0.2.1/24", "dev", "a0");
            b.ip("-6", "addr", "add", "2001:db8:1::2/64", "dev", "b0", "nodad");
            b.ip("addr", "add", "192.0.2.2/24", "dev", "b0");
            a.ip("link", "set", "a0", "up");
            b.ip("link", "set", "b0", "up");
            // multicast routes and link-local addresses come with the carrier, which veth reports late
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> hasLinkLocal(a, "a0") && hasLinkLocal(b, "b0"));
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    static void sysctl(LabNamespace ns, String setting) {
        LabNamespace.Result r = ns.exec("sysctl", "-q", "-w", setting);
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("sysctl " + setting + " in " + ns.name() + ": " + r.output());
        }
    }

    private static boolean hasLinkLocal(LabNamespace ns, String device) {
        String out = ns.ip("-6", "addr", "show", "dev", device, "scope", "link");
        return out.contains("inet6 fe80") && !out.contains("tentative");
    }

    /** @return the index of an interface in a namespace */
    static int index(LabNamespace ns, String name) throws Exception {
        return ns.inside(() -> Native.get().interfaceIndex(name));
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        try {
            b.close();
        } finally {
            a.close();
        }
    }
}
