package io.anyhome.api.ifs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A pluggable interface selection policy: maps an immutable {@link SelectionContext} to an
 * immutable {@link Decision}. Implemented by the {@code policy-*} bundles and by vendors,
 * registered as a service with the {@link #POLICY_NAME_PROPERTY} property (whiteboard); the
 * selection engine in ifs calls the active one.
 *
 * <p>A policy is pure: no threads, no I/O, no clock but {@link SelectionContext#now()}, no memory
 * between calls except what the context carries (the previous decision and its time). The engine
 * calls it on its own thread, on every relevant change and at least every second, within a time
 * budget; the data path never calls it. If it throws or overruns, the engine keeps the decision in
 * force, counts the failure and shows it in {@link PolicyDTO}.
 */
@ConsumerType
public interface InterfaceSelectionPolicy {
    /**
     * Service property naming the policy; {@code policy=NAME} in {@code etc/io.anyhome.ifs.cfg} and
     * {@code ifs:policy NAME} refer to it. Names are lower case, e.g. {@code priority}.
     */
    String POLICY_NAME_PROPERTY = "anyhome.policy.name";

    /**
     * @param context the snapshot
     * @return the decision, never null, with a reason
     */
    Decision decide(SelectionContext context);
}
