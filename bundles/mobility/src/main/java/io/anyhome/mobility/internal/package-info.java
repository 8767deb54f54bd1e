/**
 * The mobile node's half of Mobile IPv6 (RFC 6275 §11) over the {@code udp} encapsulation.
 * {@link io.anyhome.mobility.internal.BindingUpdateList} is the BU/BA machine (no OSGi, no
 * threads: a {@link io.anyhome.mobility.internal.Timers} drives it);
 * {@link io.anyhome.mobility.internal.TunnelPath} is one uplink's tunnel, receive demultiplexer
 * and probe; {@link io.anyhome.mobility.internal.HomeLink} is the direct path on the home link
 * after returning home (RFC 6275 §11.5.5); {@link io.anyhome.mobility.internal.MobileNode} ties
 * them to movement, decisions and uplink events; {@link io.anyhome.mobility.internal.CareOfAddressChoice}
 * picks each uplink's care-of address (IPv6 first, else the IPv4 address
 * {@link io.anyhome.mobility.internal.Ipv4AddressWatch} reports, RFC 5555) and
 * {@link io.anyhome.mobility.internal.NatTraversal} keeps NAT mappings alive;
 * {@link io.anyhome.mobility.internal.MobilityComponent} adapts that to services.
 * Nothing here is exported.
 */
package io.anyhome.mobility.internal;
