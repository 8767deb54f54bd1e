package io.anyhome.homeagent.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Sends an answer the {@link BindingUpdateProcessor} computed after the packet's receive loop had
 * moved on (a first registration that waited for the duplicate address check). Implemented by
 * {@link HomeAgentService} over its tunnel sockets; safe from any thread.
 */
interface LateAnswers {
    /** Drops every late answer (tests that do not defer). */
    LateAnswers NONE = (answer, to) -> { };

    /**
     * @param answer the inner IPv6 packet, position..limit
     * @param to the outer address and port to send it to
     */
    void send(ByteBuffer answer, InetSocketAddress to);
}
