/**
 * ICMPv6 (RFC 4443) and Neighbor Discovery (RFC 4861) with the Mobile IPv6 extensions of
 * RFC 6275 §7: Router Solicitation and Advertisement (H flag, Advertisement Interval and Home
 * Agent Information options, Prefix Information R flag), Neighbor Solicitation and
 * Advertisement, Destination Unreachable, Packet Too Big, Parameter Problem and Echo.
 *
 * <p>Messages are immutable records implementing {@link io.anyhome.packet.icmp6.Icmpv6Message};
 * {@link io.anyhome.packet.icmp6.Icmpv6} decodes any message and encodes one with its checksum
 * over the IPv6 pseudo-header (next header 58). The conventions are those of
 * {@code io.anyhome.packet.ip}: decoders take absolute offsets, leave the buffer's position
 * alone and throw only {@link io.anyhome.packet.MalformedPacketException}; encoders write at the
 * position, advance it and return the number of bytes written.
 */
@Export
@Version("0.1.0")
package io.anyhome.packet.icmp6;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
