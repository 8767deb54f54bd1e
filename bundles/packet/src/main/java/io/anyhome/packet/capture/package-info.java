/**
 * Capture files: reads pcap and pcapng (link types Ethernet, raw IP, Linux SLL and SLL2) into the
 * IP packets they hold, for {@code anyhome decode --pcap} and for tests that compare with captures.
 *
 * <p>Readers are total like every decoder here: a damaged file gives a
 * {@link io.anyhome.packet.MalformedPacketException} naming the offset in the file.
 */
@Export
@Version("0.1.0")
package io.anyhome.packet.capture;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
