/**
 * The Ethernet NIC driver: {@link io.anyhome.nic.ethernet.internal.EthernetDriver} decides and
 * reports (plain Java), {@link io.anyhome.nic.ethernet.internal.EthernetDriverComponent} is its
 * DS adapter with a factory configuration per instance. Nothing here is exported.
 */
package io.anyhome.nic.ethernet.internal;
