/**
 * The NIC registry: which driver owns which physical interface, the interface's state from link
 * events and driver reports, and its metrics merged from drivers, path probes and operator
 * overrides. {@link io.anyhome.ifs.internal.NicTable} holds the state and has no OSGi imports;
 * {@link io.anyhome.ifs.internal.NicRegistryComponent} adapts it to services. Nothing here is exported.
 */
package io.anyhome.ifs.internal;
