package io.anyhome.homeagent.internal;

/**
 * Told of binding cache changes, to publish or withdraw a home address on the home link and in
 * the routing table ({@link HomeLinkPublisher}). Called by {@link BindingUpdateProcessor}, the
 * expiry sweep and operator deregistration, after the cache changed; must return quickly.
 */
public interface BindingListener {
    /** Does nothing; for tests and benchmarks. */
    BindingListener NONE = new BindingListener() {
        @Override
        public void registered(Binding binding, Binding replaced) {
        }

        @Override
        public void removed(Binding binding) {
        }
    };

    /**
     * @param binding the new binding
     * @param replaced the binding it replaced (a refresh or a move), or null for a first registration
     */
    void registered(Binding binding, Binding replaced);

    /**
     * @param binding the binding that is gone (deregistered, expired, removed by the operator)
     */
    void removed(Binding binding);
}
