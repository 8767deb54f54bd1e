/**
 * The NIC registry: which driver owns which physical interface, the interface's state from link
 * events and driver reports, and its metrics merged from drivers, path probes and operator
 * overrides. {@link io.anyhome.ifs.internal.NicTable} holds the state and has no OSGi imports;
 * {@link io.anyhome.ifs.internal.NicRegistryComponent} adapts it to services.
 *
 * <p>The policy engine: {@link io.anyhome.ifs.internal.PolicyEngine} calls the active
 * {@code InterfaceSelectionPolicy} with a snapshot and a time budget, disables a policy that
 * throws or overruns, falls back as DESIGN.md says, publishes the decision with one volatile
 * write, tells the fast listeners of routing changes and keeps the bounded handover log.
 * {@link io.anyhome.ifs.internal.InterfaceSwitchService} assembles it with the flow switch
 * ({@code .flow}), the operator's pins and forbids and the Router Advertisement watch
 * ({@code .ra}); {@link io.anyhome.ifs.internal.InterfaceSwitchComponent} adapts that to
 * services. Nothing here is exported.
 */
package io.anyhome.ifs.internal;
