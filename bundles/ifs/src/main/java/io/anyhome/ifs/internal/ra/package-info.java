/**
 * The Router Advertisement watch and movement detection (RFC 6275 §11.5) of every access link:
 * {@link io.anyhome.ifs.internal.ra.RouterAdvertisementWatch} listens for Router Advertisements
 * on all interfaces with one ICMPv6 endpoint and follows the platform's address, neighbour and
 * link events; {@link io.anyhome.ifs.internal.ra.MovementDetector} keeps per interface its
 * routers, prefixes and care-of address and tells a
 * {@link io.anyhome.api.ifs.MovementListener} about movement and care-of addresses coming and
 * going. Plain Java without OSGi imports, wired into services by the ifs component. Not exported.
 */
package io.anyhome.ifs.internal.ra;
