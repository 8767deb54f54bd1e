package io.anyhome.platform.sim;

/** What an emulated interface's owner (a node or a router) does with what the interface sees. */
interface Stack {
    /** A packet arrived on an administratively up interface. */
    void receive(SimInterface in, byte[] packet);

    /** The interface's carrier, link or administrative state changed. */
    void linkChanged(SimInterface i);

    /** Whether the owner answers neighbour discovery for an address it publishes as a proxy entry. */
    default boolean answersProxy(SimInterface i, byte[] address) {
        return false;
    }
}
