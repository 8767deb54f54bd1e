/**
 * The redundant policy and the receive-side duplicate filter.
 * {@link io.anyhome.policy.redundant.internal.RedundantPolicy} decides (plain Java, pure) with the
 * checked configuration {@link io.anyhome.policy.redundant.internal.RedundantSettings};
 * {@link io.anyhome.policy.redundant.internal.RedundantPolicyComponent} registers it as the
 * {@code redundant} policy. {@link io.anyhome.policy.redundant.internal.WindowedDuplicateFilter}
 * recognises the second copy of an inner packet;
 * {@link io.anyhome.policy.redundant.internal.DuplicateFilterComponent} registers it as the
 * {@code DuplicateFilter} service. Nothing here is exported.
 */
package io.anyhome.policy.redundant.internal;
