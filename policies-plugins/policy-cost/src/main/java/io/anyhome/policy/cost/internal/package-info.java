/**
 * The {@code cost} interface selection policy: uplinks in tiers (primary, secondary, backup,
 * never) with monthly data caps; metered uplinks only when nothing cheaper works. Nothing here is
 * exported; the selection engine finds the policy as an {@code InterfaceSelectionPolicy} service
 * named {@code cost}.
 */
package io.anyhome.policy.cost.internal;
