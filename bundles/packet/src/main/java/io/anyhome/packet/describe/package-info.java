/**
 * Describes packets as JSON-ready trees for {@code anyhome decode}: every layer the codecs of
 * this bundle know (IPv6 and its extension headers, IPv4, UDP and the UDP port 4191 tunnel,
 * ICMPv6 with Neighbor Discovery, the Mobility Header with its options), nested in the order
 * the layers appear on the wire.
 *
 * <p>{@link io.anyhome.packet.describe.PacketDescriber} builds the tree from
 * {@link java.util.LinkedHashMap}, {@link java.util.List}, {@link String}, {@link Integer},
 * {@link Long} and {@link Boolean} only, so any JSON library prints it without adapters; the
 * keys and their meaning are documented in the README section "anyhome decode: the JSON it prints".
 * {@link io.anyhome.api.AddressText} writes addresses in RFC 5952 text form.
 */
@Export
@Version("0.1.0")
package io.anyhome.packet.describe;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
