/**
 * Pure-Java packet codecs shared by every bundle that handles packets: IPv6 and IPv4 headers,
 * UDP, IPv6 extension headers, ICMPv6 and Neighbor Discovery, the Mobility Header and its
 * options, and the tunnel framing.
 *
 * <p>Decoders read in place from a {@link java.nio.ByteBuffer} and are total: whatever the bytes,
 * they return a value or throw {@link io.anyhome.packet.MalformedPacketException}. Encoders are
 * stateless and write into a caller's buffer.
 */
@Export
@Version("0.1.0")
package io.anyhome.packet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
