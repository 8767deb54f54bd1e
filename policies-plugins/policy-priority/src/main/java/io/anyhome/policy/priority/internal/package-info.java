/**
 * The priority policy: {@link io.anyhome.policy.priority.internal.PriorityPolicy} decides (plain
 * Java, pure), {@link io.anyhome.policy.priority.internal.PrioritySettings} is its checked
 * configuration, {@link io.anyhome.policy.priority.internal.PriorityPolicyComponent} is the DS
 * adapter registering it as the {@code priority} policy. Nothing here is exported.
 */
package io.anyhome.policy.priority.internal;
