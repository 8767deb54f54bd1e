package io.anyhome.api.ifs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the decision in force changes its routing ({@link Decision#sameRouting} is false), for
 * example so that mobility registers bindings through {@link Decision#uplinksUsed()}. A fast
 * signal: registered as a service (whiteboard), called by the selection engine on its thread right
 * after publishing the decision; must be quick and must not throw.
 */
@ConsumerType
public interface DecisionListener {
    /**
     * @param previous the decision that was in force, null for the first one
     * @param current the decision now in force
     * @param atMillis when it was published, epoch milliseconds
     */
    void decisionChanged(Decision previous, Decision current, long atMillis);
}
