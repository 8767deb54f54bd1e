/**
 * The loadshare policy: {@link io.anyhome.policy.loadshare.internal.LoadsharePolicy} decides (plain
 * Java, pure), {@link io.anyhome.policy.loadshare.internal.LoadshareSettings} is its checked
 * configuration, {@link io.anyhome.policy.loadshare.internal.LoadsharePolicyComponent} is the DS
 * adapter registering it as the {@code loadshare} policy. Nothing here is exported.
 */
package io.anyhome.policy.loadshare.internal;
