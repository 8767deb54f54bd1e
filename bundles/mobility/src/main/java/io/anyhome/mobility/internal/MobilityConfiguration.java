package io.anyhome.mobility.internal;

import io.anyhome.api.AddressText;
import io.anyhome.api.ConfigurationPids;
import io.anyhome.api.IpPrefix;
import io.anyhome.api.NodeRole;
import io.anyhome.api.path.Encapsulation;
import io.anyhome.packet.mh.MobilityMessageAuthenticator.Algorithm;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The mobile node's mobility settings, from the node identity ({@code etc/io.anyhome.node.cfg}:
 * {@code role}, {@code homeAddress}, {@code homePrefix}) and {@code etc/io.anyhome.mobility.cfg}
 * (keys in the README). A bad or missing value is refused naming the file and the key.
 *
 * @param role the node's role, {@code mn} or {@code mr}
 * @param homeAddress the home address (inner source of everything the node sends)
 * @param homePrefix the home prefix, null if not configured
 * @param homeAgent the home agent's address (inner destination, and outer destination)
 * @param homeAgentIpv4 the home agent's IPv4 address: the outer destination from IPv4 care-of
 *     addresses (RFC 5555); null when IPv4 uplinks are not used
 * @param port the home agent's UDP port, 4191 by default
 * @param encapsulation {@code udp}; {@code ip6ip6} is refused for now
 * @param lifetimeSeconds the binding lifetime asked for
 * @param identity the RFC 4283 NAI, by default the home address in RFC 5952 text
 * @param spi the security parameter index of the MN-HA security association
 * @param algorithm the RFC 4285 authenticator algorithm of that association
 * @param key the shared key, at least 16 bytes
 * @param probes the path probe settings
 */
record MobilityConfiguration(NodeRole role, Inet6Address homeAddress, IpPrefix homePrefix, Inet6Address homeAgent,
        Inet4Address homeAgentIpv4, int port, Encapsulation encapsulation, int lifetimeSeconds, String identity, long spi, Algorithm algorithm,
        byte[] key, ProbeSettings probes) {
    static final String NODE_FILE = "etc/" + ConfigurationPids.NODE + ".cfg";
    static final String FILE = "etc/" + ConfigurationPids.MOBILITY + ".cfg";
    static final int DEFAULT_PORT = 4191;
    static final int DEFAULT_LIFETIME_SECONDS = 600;
    static final long DEFAULT_SPI = 256;
    static final int MIN_KEY_BYTES = 16;

    /**
     * Reads the merged properties of both configurations.
     *
     * @param props the component's properties
     * @param etc the directory {@code keyFile} is relative to, null if unknown
     * @return the settings
     * @throws IllegalArgumentException naming the file and key of the first bad value
     */
    static MobilityConfiguration from(Map<String, ?> props, Path etc) {
        Object roleValue = props.get(ConfigurationPids.NODE_ROLE);
        NodeRole role;
        try {
            role = roleValue == null ? null : NodeRole.parse(roleValue.toString());
        } catch (IllegalArgumentException e) {
            throw refused(NODE_FILE, ConfigurationPids.NODE_ROLE, String.valueOf(roleValue), e.getMessage());
        }
        Inet6Address hoa = globalIpv6(props, NODE_FILE, ConfigurationPids.NODE_HOME_ADDRESS, "the home address");
        IpPrefix prefix = null;
        String prefixText = ConfigText.text(props, ConfigurationPids.NODE_HOME_PREFIX, null);
        if (prefixText != null) {
            try {
                prefix = IpPrefix.parse(prefixText);
            } catch (IllegalArgumentException e) {
                throw refused(NODE_FILE, ConfigurationPids.NODE_HOME_PREFIX, prefixText, e.getMessage());
            }
            if (!prefix.contains(hoa)) {
                throw refused(NODE_FILE, ConfigurationPids.NODE_HOME_PREFIX, prefixText,
                        "does not contain the home address " + AddressText.format(hoa));
            }
        }
        Inet6Address ha = globalIpv6(props, FILE, "homeAgent", "the home agent's address");
        Inet4Address ha4 = ipv4(props, FILE, "homeAgentIpv4");
        int port = ConfigText.integer(props, FILE, "port", DEFAULT_PORT, 1, 65535);
        String encText = ConfigText.text(props, "encapsulation", "udp");
        Encapsulation enc;
        try {
            enc = Encapsulation.parse(encText);
        } catch (IllegalArgumentException e) {
            throw refused(FILE, "encapsulation", encText, e.getMessage());
        }
        if (enc != Encapsulation.UDP) {
            throw refused(FILE, "encapsulation", encText,
                    "only udp is implemented on the mobile node for now (ip6ip6 needs RFC 6275 framing)");
        }
        int lifetime = ConfigText.integer(props, FILE, "lifetimeSeconds", DEFAULT_LIFETIME_SECONDS, 4, 0xffff * 4);
        String identity = ConfigText.text(props, "identity", AddressText.format(hoa));
        if (identity.getBytes(StandardCharsets.UTF_8).length > 253) {
            throw refused(FILE, "identity", identity, "an NAI of at most 253 bytes");
        }
        long spi = ConfigText.longValue(props, FILE, "spi", DEFAULT_SPI, 256, 0xffff_ffffL);
        String algText = ConfigText.text(props, "algorithm", "hmac-sha256-128");
        Algorithm algorithm = switch (algText.toLowerCase(Locale.ROOT)) {
            case "hmac-sha256-128" -> Algorithm.HMAC_SHA256_128;
            case "hmac-sha1-96" -> Algorithm.HMAC_SHA1_96;
            default -> throw refused(FILE, "algorithm", algText, "not one of hmac-sha256-128, hmac-sha1-96");
        };
        byte[] key = key(props, etc);
        return new MobilityConfiguration(role, hoa, prefix, ha, ha4, port, enc, lifetime, identity, spi, algorithm, key,
                ProbeSettings.from(props, FILE));
    }

    /**
     * Checks the node identity's home address alone (for a node without a home agent configured).
     *
     * @param props the component's properties
     * @throws IllegalArgumentException naming the file and key if it is missing or bad
     */
    static void requireHomeAddress(Map<String, ?> props) {
        globalIpv6(props, NODE_FILE, ConfigurationPids.NODE_HOME_ADDRESS, "the home address");
    }

    private static byte[] key(Map<String, ?> props, Path etc) {
        String keyText = ConfigText.text(props, "key", null);
        String keyFile = ConfigText.text(props, "keyFile", null);
        String from = "key";
        if (keyText == null && keyFile != null) {
            from = "keyFile";
            Path file = etc == null ? Path.of(keyFile) : etc.resolve(keyFile);
            try {
                keyText = Files.readString(file, StandardCharsets.US_ASCII).trim();
            } catch (IOException | RuntimeException e) {
                throw refused(FILE, "keyFile", keyFile, "cannot read " + file + ": " + e.getMessage());
            }
        }
        if (keyText == null) {
            throw refused(FILE, "key", null, "missing: give key (hex) or keyFile (relative to etc/)");
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(keyText.replace(":", ""));
        } catch (IllegalArgumentException e) {
            throw refused(FILE, from, from.equals("key") ? "(hidden)" : keyFile, "not hexadecimal");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw refused(FILE, from, from.equals("key") ? "(hidden)" : keyFile,
                    "a key of at least " + MIN_KEY_BYTES + " bytes (" + 2 * MIN_KEY_BYTES + " hex digits), not "
                            + key.length);
        }
        return key;
    }

    private static Inet6Address globalIpv6(Map<String, ?> props, String file, String key, String what) {
        String text = ConfigText.text(props, key, null);
        if (text == null) {
            throw refused(file, key, null, "missing: mobility needs " + what);
        }
        InetAddress a;
        try {
            a = AddressText.parse(text);
        } catch (IllegalArgumentException e) {
            throw refused(file, key, text, e.getMessage());
        }
        if (!(a instanceof Inet6Address v6) || a.isLinkLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress() || a.isLoopbackAddress()) {
            throw refused(file, key, text, what + " is a global IPv6 unicast address");
        }
        return v6;
    }

    private static Inet4Address ipv4(Map<String, ?> props, String file, String key) {
        String text = ConfigText.text(props, key, null);
        if (text == null) {
            return null;
        }
        InetAddress a;
        try {
            a = AddressText.parse(text);
        } catch (IllegalArgumentException e) {
            throw refused(file, key, text, e.getMessage());
        }
        if (!(a instanceof Inet4Address v4) || a.isAnyLocalAddress() || a.isMulticastAddress()
                || a.isLoopbackAddress() || a.isLinkLocalAddress()) {
            throw refused(file, key, text, "the home agent's IPv4 address is a unicast IPv4 address");
        }
        return v4;
    }

    static IllegalArgumentException refused(String file, String key, String value, String why) {
        return ConfigText.refused(file, key, value, why);
    }
}
