/**
 * IPv6 and IPv4 headers, UDP, and the IPv6 extension headers Mobile IPv6 needs (Hop-by-Hop and
 * Destination Options with the Home Address option, the type 2 routing header, the Fragment
 * header), plus {@link io.anyhome.packet.ip.Ipv6HeaderChain}, which walks a packet's header chain
 * to its upper layer.
 *
 * <p>Conventions shared by every codec in this package and in {@code io.anyhome.packet.icmp6}:
 * <ul>
 * <li><b>Offsets are absolute.</b> Decoders and views take the buffer and absolute indices into
 * it ({@code offset}, {@code length}); they never move the buffer's position or limit. The
 * offset in a {@link io.anyhome.packet.MalformedPacketException} is an absolute index, i.e. the
 * offset from the start of the packet when the packet starts at index 0.</li>
 * <li><b>Decoders are total.</b> Whatever the bytes, a decoder returns a value or throws
 * {@link io.anyhome.packet.MalformedPacketException}; it never reads outside
 * {@code [offset, offset + length)} nor past the buffer's limit, and every loop is bounded by the
 * bytes it consumes and by a fixed count.</li>
 * <li><b>Encoders write at the position.</b> An encoder writes at the buffer's current position,
 * advances the position past what it wrote and returns the number of bytes written. Encoders
 * are stateless; a value a record refuses (a wrong address length, a field out of range) is
 * refused when the record is built, with {@link java.lang.IllegalArgumentException}.</li>
 * <li><b>Two shapes.</b> Headers on the forwarding path ({@link io.anyhome.packet.ip.Ipv6Header},
 * {@link io.anyhome.packet.ip.Ipv4Header}, {@link io.anyhome.packet.ip.UdpHeader}) are reusable
 * flyweight views that read fields in place and allocate nothing; control-plane structures
 * (extension headers, ICMPv6 messages) are immutable records.</li>
 * </ul>
 */
@Export
@Version("0.1.0")
package io.anyhome.packet.ip;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
