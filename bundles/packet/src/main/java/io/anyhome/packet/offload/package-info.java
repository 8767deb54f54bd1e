/**
 * Segmentation offload in user space: the virtio-net header a TUN device with
 * {@code IFF_VNET_HDR} puts in front of every packet ({@link io.anyhome.packet.offload.VirtioNetHeader}),
 * and the cutting of a 64 KiB TCP segment the kernel handed over in one read into MSS-sized
 * IPv6 packets with their checksums ({@link io.anyhome.packet.offload.TcpSegmentation},
 * {@link io.anyhome.packet.offload.OffloadReader}). Used by the virtual interface's read loop and
 * the home agent's, which then send the packets in one {@code UDP_SEGMENT} call (DESIGN,
 * Performance design).
 *
 * <p>Offsets are absolute, as in {@code io.anyhome.packet.ip}; nothing here allocates per packet.
 */
@Export
@Version("0.1.0")
package io.anyhome.packet.offload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
