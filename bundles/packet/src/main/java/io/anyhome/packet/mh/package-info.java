/**
 * The Mobility Header (RFC 6275 §6.1, next header 135), its messages and its mobility options,
 * with the RFC 4285 authenticator.
 *
 * <p>{@link io.anyhome.packet.mh.MobilityHeader} decodes a header into an immutable
 * {@link io.anyhome.packet.mh.MobilityMessage} and encodes one, with padding and checksum, into a
 * caller's buffer. The mobile node (bundle {@code mobility}) and the home agent (bundle
 * {@code homeagent}) use it for Binding Updates and Acknowledgements; padding options never
 * appear in decoded option lists, the encoder inserts them.
 */
@Export
@Version("0.1.0")
package io.anyhome.packet.mh;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
