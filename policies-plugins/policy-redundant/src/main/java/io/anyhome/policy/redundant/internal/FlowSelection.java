package io.anyhome.policy.redundant.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.ifs.FlowKey;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * One entry of the redundant policy's {@code duplicateFlows} key: a 5-tuple selection
 * {@code PROTO/SOURCE/SPORT/DESTINATION/DPORT}, matched against the active flows at each
 * evaluation. PROTO is {@code udp}, {@code tcp}, {@code icmpv6} or a number 0..255; SOURCE and
 * DESTINATION are address literals; SPORT and DPORT ports 0..65535; any field but PROTO may be
 * {@code *}. The flow label is not compared. Example: <code>udp/2001:db8::1/&#42;/2001:db8:2::7/5060</code>.
 *
 * @param text the entry as configured
 * @param protocol the protocol number
 * @param source the source address, null for any
 * @param sourcePort the source port, -1 for any
 * @param destination the destination address, null for any
 * @param destinationPort the destination port, -1 for any
 */
record FlowSelection(String text, int protocol, InetAddress source, int sourcePort, InetAddress destination,
        int destinationPort) {

    /**
     * @param key the configuration key, named in the error
     * @param text one entry
     * @return the selection
     * @throws IllegalArgumentException naming the key and the entry if it is malformed
     */
    static FlowSelection parse(String key, String text) {
        String[] f = text.split("/", -1);
        if (f.length != 5) {
            throw bad(key, text, "expected PROTO/SOURCE/SPORT/DESTINATION/DPORT, e.g. udp/2001:db8::1/*/2001:db8:2::7/5060");
        }
        int protocol = switch (f[0].toLowerCase(Locale.ROOT)) {
            case "udp" -> FlowKey.UDP;
            case "tcp" -> FlowKey.TCP;
            case "icmpv6" -> FlowKey.ICMPV6;
            default -> number(key, text, "protocol", f[0], 255);
        };
        InetAddress source = address(key, text, f[1]);
        InetAddress destination = address(key, text, f[3]);
        if (source != null && destination != null
                && (source instanceof Inet4Address) != (destination instanceof Inet4Address)) {
            throw bad(key, text, "source and destination are of different address families");
        }
        int sourcePort = f[2].equals("*") ? -1 : number(key, text, "source port", f[2], 65535);
        int destinationPort = f[4].equals("*") ? -1 : number(key, text, "destination port", f[4], 65535);
        return new FlowSelection(text, protocol, source, sourcePort, destination, destinationPort);
    }

    private static InetAddress address(String key, String text, String value) {
        if (value.equals("*")) {
            return null;
        }
        try {
            return AddressText.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(key, text, e.getMessage());
        }
    }

    private static int number(String key, String text, String what, String value, int max) {
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) > max) {
            throw bad(key, text, what + " '" + value + "' is not " + (what.equals("protocol")
                    ? "udp, tcp, icmpv6 or a number 0..255" : "* or a whole number 0.." + max));
        }
        return Integer.parseInt(value);
    }

    private static IllegalArgumentException bad(String key, String text, String why) {
        return new IllegalArgumentException(key + ": '" + text + "': " + why);
    }

    /** @return true if the flow has this protocol and each given address and port */
    boolean matches(FlowKey flow) {
        return flow.protocol() == protocol
                && (source == null || source.equals(flow.source()))
                && (sourcePort < 0 || sourcePort == flow.sourcePort())
                && (destination == null || destination.equals(flow.destination()))
                && (destinationPort < 0 || destinationPort == flow.destinationPort());
    }

    @Override
    public String toString() {
        return text;
    }
}
