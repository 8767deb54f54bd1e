package io.anyhome.homeagent.internal;

import java.net.Inet6Address;

/**
 * Checks, before the first registration of a home address, that nobody else uses it on the home
 * link (RFC 6275 §10.3.1: duplicate address detection by the home agent on behalf of the mobile
 * node; status 134 when it fails). Implemented by {@link HomeLinkDad} on the real home link and by
 * tests; asked by {@link BindingUpdateProcessor}.
 *
 * <p>A check takes time (a Neighbour Solicitation and a wait for an answer), so it is
 * asynchronous: the first question starts it and answers {@link Verdict#PENDING}; when the
 * check ends the {@code again} action runs (on the checker's thread), and the same question then
 * gets {@link Verdict#CLEAR} or {@link Verdict#DUPLICATE} for a short while.
 */
interface HomeAddressCheck {
    /** The answer to one question. */
    enum Verdict {
        /** Nobody answered for the address: it may be registered. */
        CLEAR,
        /** Another node answered for the address: refuse with status 134. */
        DUPLICATE,
        /** A check is under way; {@code again} runs when it ends. */
        PENDING
    }

    /** Checks nothing: every address is clear (tests, and a home agent without home link check). */
    HomeAddressCheck NONE = (homeAddress, again) -> Verdict.CLEAR;

    /**
     * @param homeAddress the home address to register
     * @param again what to run when a check this question started (or joined) ends; replaces the
     *     action of an earlier question for the same address
     * @return the verdict
     */
    Verdict check(Inet6Address homeAddress, Runnable again);
}
