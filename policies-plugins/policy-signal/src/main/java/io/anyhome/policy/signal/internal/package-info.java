/**
 * The {@code signal} interface selection policy: the usable uplink with the best link quality
 * carries the traffic, with hysteresis and a hold-down against ping-pong.
 * {@link io.anyhome.policy.signal.internal.SignalPolicy} holds the rules and has no OSGi imports,
 * {@link io.anyhome.policy.signal.internal.SignalSettings} checks the configuration, and
 * {@link io.anyhome.policy.signal.internal.SignalPolicyComponent} registers it as a service.
 * Nothing here is exported.
 */
package io.anyhome.policy.signal.internal;
