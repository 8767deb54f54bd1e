package io.anyhome.homeagent.internal;

import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.SequenceNumbers;
import io.anyhome.packet.ip.AddressFields;
import io.anyhome.packet.ip.Ipv6Header;
import io.anyhome.packet.mh.AlternateCareOfAddress;
import io.anyhome.packet.mh.BindingAckStatus;
import io.anyhome.packet.mh.BindingAcknowledgement;
import io.anyhome.packet.mh.BindingError;
import io.anyhome.packet.mh.BindingRefreshAdvice;
import io.anyhome.packet.mh.BindingUpdate;
import io.anyhome.packet.mh.Heartbeat;
import io.anyhome.packet.mh.Ipv4CareOfAddress;
import io.anyhome.packet.mh.MobileNodeIdentifier;
import io.anyhome.packet.mh.MobilityHeader;
import io.anyhome.packet.mh.MobilityMessage;
import io.anyhome.packet.mh.MobilityMessageAuthentication;
import io.anyhome.packet.mh.MobilityMessageAuthenticator;
import io.anyhome.packet.mh.MobilityMessageReplayProtection;
import io.anyhome.packet.mh.MobilityOption;
import io.anyhome.packet.mh.NatDetection;
import io.anyhome.packet.mh.RawMobilityMessage;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Handles the signalling a home agent receives in its UDP tunnels (MN ↔ HA contract): Binding
 * Updates and Heartbeat requests, as inner IPv6 packets. Validates a Binding Update in this
 * order, answering the first failing check with its status and changing nothing:
 *
 * <ol>
 * <li>RFC 4285 first, because nothing else may be trusted before: a security association for the
 * home address (else 129), the MN-HA authenticator with its SPI (else 146, answered without
 * authenticator), the MN identifier if the key file names one (else 144), the replay protection
 * option (else 145) and its timestamp within the tolerance (else 144, with the home agent's time
 * so that an honest node resynchronises);</li>
 * <li>RFC 6275 §10.3.1: the H flag (else 131), the home address on the home prefix (else 132),
 * addressed to this home agent (else 133), a usable care-of address (else 174: multicast,
 * link-local, unspecified, loopback);</li>
 * <li>RFC 6275 §9.5.1: the sequence number newer modulo 2^16 than the last accepted one (else
 * 135 carrying the last accepted one; any number starts a new binding);</li>
 * <li>no change of registration type (R or F flag) on a refresh (else 139);</li>
 * <li>for the first registration of a home address, nobody else on the home link answers for it
 * (RFC 6275 §10.3.1, {@link HomeAddressCheck}; else 134). The check takes a moment: the Binding
 * Update is held meanwhile and processed again when it ends, its answer sent through
 * {@link LateAnswers}.</li>
 * </ol>
 *
 * <p>Lifetime 0, or the home address as care-of address, deregisters. The granted lifetime is
 * capped by {@code maxLifetimeSeconds}. Answers go to the outer source; answers to refused
 * updates are rate-limited per source ({@link AnswerRateLimiter}), and so are the Binding Errors:
 * status 1 for a node without binding, status 2 for a Mobility Header type the home agent does not
 * know (RFC 6275 §9.2, §9.3.3). A Binding Update that arrives natively on the home link
 * ({@link #handleFromHomeLink}) may only deregister: the node came home (§10.3.2). Runs on the
 * receive threads (tunnels, home link, the end of a home address check) at once, so everything
 * it touches is thread-safe; allocation here is fine, it is the control plane.
 */
public final class BindingUpdateProcessor {
    private final HomeAgentConfiguration config;
    private final Supplier<NodeKeys> keys;
    private final BindingCache cache;
    private final HomeAgentCounters counters;
    private final BindingListener listener;
    private final LongSupplier clock;
    private final AnswerRateLimiter limiter;
    private final HomeAddressCheck homeAddressCheck;
    private final LateAnswers lateAnswers;

    /**
     * @param config the settings
     * @param keys the current keys (re-read when the keys directory changes)
     * @param cache the binding cache
     * @param counters the counters
     * @param listener told of every binding change
     * @param clock the time, epoch milliseconds
     */
    public BindingUpdateProcessor(HomeAgentConfiguration config, Supplier<NodeKeys> keys, BindingCache cache,
            HomeAgentCounters counters, BindingListener listener, LongSupplier clock) {
        this(config, keys, cache, counters, listener, clock, HomeAddressCheck.NONE, LateAnswers.NONE);
    }

    /**
     * @param config the settings
     * @param keys the current keys (re-read when the keys directory changes)
     * @param cache the binding cache
     * @param counters the counters
     * @param listener told of every binding change
     * @param clock the time, epoch milliseconds
     * @param homeAddressCheck checks the home link before a first registration
     * @param lateAnswers sends the answers to updates that waited for that check
     */
    public BindingUpdateProcessor(HomeAgentConfiguration config, Supplier<NodeKeys> keys, BindingCache cache,
            HomeAgentCounters counters, BindingListener listener, LongSupplier clock,
            HomeAddressCheck homeAddressCheck, LateAnswers lateAnswers) {
        this.homeAddressCheck = homeAddressCheck;
        this.lateAnswers = lateAnswers;
        this.config = config;
        this.keys = keys;
        this.cache = cache;
        this.counters = counters;
        this.listener = listener;
        this.clock = clock;
        this.limiter = new AnswerRateLimiter(config.ackRateLimitPerSecond());
    }

    /**
     * Handles one inner packet carrying a Mobility Header.
     *
     * @param packet the inner IPv6 packet, position..limit (not modified)
     * @param from the outer source address and port
     * @param answer where an answer is written (flipped), to be sent to {@code from}
     * @return the answer's length, 0 if nothing is to be sent
     */
    public int handle(ByteBuffer packet, InetSocketAddress from, ByteBuffer answer) {
        return handle(packet, from, answer, false);
    }

    /**
     * Handles one Mobility Header that arrived natively (no tunnel) on the home link: a node that
     * came home deregisters from its home address (RFC 6275 §11.5.5). Anything but a
     * deregistration is dropped and counted.
     *
     * @param packet the IPv6 packet, position..limit (not modified)
     * @param answer where an answer is written (flipped), to be sent natively to its destination
     * @return the answer's length, 0 if nothing is to be sent
     */
    public int handleFromHomeLink(ByteBuffer packet, ByteBuffer answer) {
        Inet6Address source;
        try {
            source = AddressFields.read(packet, new Ipv6Header().wrap(packet, packet.position()).sourceOffset());
        } catch (MalformedPacketException e) {
            counters.dropped(HomeAgentCounters.MALFORMED);
            return 0;
        }
        return handle(packet, new InetSocketAddress(source, 0), answer, true);
    }

    private int handle(ByteBuffer packet, InetSocketAddress from, ByteBuffer answer, boolean homeLink) {
        int start = packet.position();
        Inet6Address source;
        Inet6Address destination;
        MobilityMessage message;
        int mh = start + Ipv6Header.LENGTH;
        try {
            Ipv6Header ip = new Ipv6Header().wrap(packet, start);
            if (ip.nextHeader() != MobilityHeader.NEXT_HEADER) {
                counters.dropped(HomeAgentCounters.MALFORMED);
                return 0;
            }
            source = AddressFields.read(packet, ip.sourceOffset());
            destination = AddressFields.read(packet, ip.destinationOffset());
            ByteBuffer inner = packet.duplicate().limit(ip.end());
            message = MobilityHeader.decode(inner, mh);
            if (!MobilityHeader.checksumValid(inner, mh, source, destination)) {
                counters.dropped(HomeAgentCounters.MALFORMED);
                return 0;
            }
            packet = inner;
        } catch (MalformedPacketException e) {
            counters.dropped(HomeAgentCounters.MALFORMED);
            return 0;
        }
        if (message instanceof BindingUpdate bu) {
            counters.bindingUpdateReceived();
            return new Request(packet, start, mh, source, destination, bu, from, answer, homeLink).process();
        }
        if (message instanceof RawMobilityMessage unknown) {
            return unrecognizedType(unknown.type(), source, from.getAddress(), answer);
        }
        if (message instanceof Heartbeat hb && !hb.response()) {
            if (!destination.equals(config.address())) {
                counters.dropped(HomeAgentCounters.WRONG_INNER_DESTINATION);
                return 0;
            }
            if (cache.find(source) == null) {
                return unknownBinding(source, from.getAddress(), answer);
            }
            return MobilityAnswers.write(answer, config.address(), source,
                    new Heartbeat(false, true, hb.sequence(), List.of()), null, null);
        }
        counters.dropped(HomeAgentCounters.UNEXPECTED_MOBILITY_MESSAGE);
        return 0;
    }

    /**
     * Writes a Binding Error status 1 (unknown binding) for a packet from a home address without
     * binding, unless the rate limit for that outer source is reached.
     *
     * @param homeAddress the packet's inner source
     * @param outerSource the outer source the error goes to
     * @param answer where the error is written (flipped)
     * @return its length, 0 if rate-limited
     */
    public int unknownBinding(Inet6Address homeAddress, InetAddress outerSource, ByteBuffer answer) {
        if (!limiter.allow(outerSource, clock.getAsLong())) {
            counters.rateLimited();
            return 0;
        }
        return MobilityAnswers.write(answer, config.address(), homeAddress,
                new BindingError(BindingError.STATUS_UNKNOWN_BINDING, homeAddress, List.of()), null, null);
    }

    /**
     * Writes a Binding Error status 2 (unrecognized MH type, RFC 6275 §9.2) for a Mobility Header
     * of a type the home agent does not know, within the rate limit for that outer source.
     */
    private int unrecognizedType(int type, Inet6Address source, InetAddress outerSource, ByteBuffer answer) {
        counters.dropped(HomeAgentCounters.UNRECOGNIZED_MOBILITY_TYPE);
        if (!limiter.allow(outerSource, clock.getAsLong())) {
            counters.rateLimited();
            return 0;
        }
        return MobilityAnswers.write(answer, config.address(), source,
                new BindingError(BindingError.STATUS_UNRECOGNIZED_MH_TYPE, source, List.of()), null, null);
    }

    /** One Binding Update being processed. */
    private final class Request {
        private final ByteBuffer packet;
        private final int start;
        private final boolean homeLink;
        private final int mh;
        private final Inet6Address home;
        private final Inet6Address destination;
        private final BindingUpdate bu;
        private final InetSocketAddress from;
        private final ByteBuffer answer;
        private final long now = clock.getAsLong();
        private InetAddress careOf;
        private MobileNodeIdentifier identifier;
        private MobilityMessageReplayProtection replay;
        private MobilityMessageAuthentication authentication;
        private NodeKey key;

        Request(ByteBuffer packet, int start, int mh, Inet6Address home, Inet6Address destination, BindingUpdate bu,
                InetSocketAddress from, ByteBuffer answer, boolean homeLink) {
            this.packet = packet;
            this.start = start;
            this.homeLink = homeLink;
            this.mh = mh;
            this.home = home;
            this.destination = destination;
            this.bu = bu;
            this.from = from;
            this.answer = answer;
            for (MobilityOption o : bu.options()) {
                if (o instanceof AlternateCareOfAddress a && careOf == null) {
                    careOf = a.address();
                } else if (o instanceof Ipv4CareOfAddress a && careOf == null) {
                    careOf = a.address();
                } else if (o instanceof MobileNodeIdentifier m) {
                    identifier = m;
                } else if (o instanceof MobilityMessageReplayProtection r) {
                    replay = r;
                } else if (o instanceof MobilityMessageAuthentication a) {
                    authentication = a;
                }
            }
            if (careOf == null) {
                careOf = from.getAddress();
            }
        }

        int process() {
            NodeKey k = keys.get().forHomeAddress(home);
            if (k == null) {
                return refuse(129, false);
            }
            if (!authentic(k)) {
                counters.authenticationFailure();
                return refuse(146, false);
            }
            key = k;
            if (k.identity() != null && (identifier == null || !k.identity().equals(identifier.identifierText()))) {
                counters.authenticationFailure();
                return refuse(144, false);
            }
            if (replay == null) {
                counters.authenticationFailure();
                return refuse(145, false);
            }
            if (Math.abs(NtpTime.toEpochMillis(replay.timestamp()) - now) > config.timestampToleranceSeconds() * 1000L) {
                counters.authenticationFailure();
                return refuse(144, true);
            }
            if (!bu.has(BindingUpdate.FLAG_H)) {
                return refuse(131, false);
            }
            if (!config.homePrefix().contains(home)) {
                return refuse(132, false);
            }
            if (!destination.equals(config.address())) {
                return refuse(133, false);
            }
            boolean deregistration = bu.lifetimeUnits() == 0 || careOf.equals(home);
            if (!deregistration && !usable(careOf)) {
                return refuse(174, false);
            }
            Binding existing = cache.find(home);
            if (existing != null && !SequenceNumbers.isNewer(bu.sequence(), existing.sequence())) {
                return answer(BindingAckStatus.SEQUENCE_OUT_OF_WINDOW, existing.sequence(), 0, false);
            }
            int typeFlags = BindingUpdate.FLAG_R | BindingUpdate.FLAG_F;
            if (existing != null && !deregistration && (existing.flags() & typeFlags) != (bu.flags() & typeFlags)) {
                return refuse(139, false);
            }
            if (homeLink && !deregistration) {
                counters.dropped(HomeAgentCounters.HOME_LINK_REGISTRATION);
                return 0;
            }
            if (!deregistration && existing == null) {
                HomeAddressCheck.Verdict verdict = homeAddressCheck.check(home, again());
                if (verdict == HomeAddressCheck.Verdict.PENDING) {
                    return 0;
                }
                if (verdict == HomeAddressCheck.Verdict.DUPLICATE) {
                    return refuse(134, false);
                }
            }
            counters.accepted();
            if (deregistration) {
                if (existing != null && cache.removeExactly(existing)) {
                    listener.removed(existing);
                }
                return acknowledged(0);
            }
            long seconds = Math.min(bu.lifetimeSeconds(), config.maxLifetimeSeconds());
            int units = SequenceNumbers.lifetimeUnits(seconds);
            Binding binding = Binding.of(home, 0, careOf, from, bu.sequence(), bu.flags(),
                    SequenceNumbers.lifetimeSeconds(units) * 1000, now,
                    identifier == null ? null : identifier.identifierText());
            Binding replaced = cache.put(binding);
            listener.registered(binding, replaced);
            return acknowledged(units);
        }

        /** Processes a copy of this update again, and sends its answer late, when the home address check ends. */
        private Runnable again() {
            ByteBuffer copy = ByteBuffer.allocate(packet.limit() - start);
            copy.put(packet.duplicate().position(start)).flip();
            return () -> {
                ByteBuffer late = ByteBuffer.allocate(answer.capacity());
                if (handle(copy, from, late, false) > 0) {
                    lateAnswers.send(late, from);
                }
            };
        }

        private boolean authentic(NodeKey k) {
            if (authentication == null || authentication.subtype() != MobilityMessageAuthentication.SUBTYPE_MN_HA
                    || authentication.spi() != k.spi()
                    || authentication.authenticator().length != k.algorithm().length()) {
                return false;
            }
            try {
                return MobilityMessageAuthenticator.verify(packet, mh, careOfForAuthenticator(), home,
                        k.algorithm(), k.key());
            } catch (MalformedPacketException e) {
                return false;
            }
        }

        private Inet6Address careOfForAuthenticator() {
            return AddressFields.of(Binding.sixteen(careOf));
        }

        private int acknowledged(int units) {
            if (!bu.has(BindingUpdate.FLAG_A)) {
                return 0;
            }
            return answer(BindingAckStatus.ACCEPTED, bu.sequence(), units, false);
        }

        /** A refusal: counted by status, answered within the rate limit. */
        private int refuse(int status, boolean haTime) {
            return answer(BindingAckStatus.of(status), bu.sequence(), 0, haTime);
        }

        private int answer(BindingAckStatus status, int sequence, int units, boolean haTime) {
            if (!status.accepted()) {
                counters.refused(status.code());
                if (!limiter.allow(from.getAddress(), now)) {
                    counters.rateLimited();
                    return 0;
                }
            }
            List<MobilityOption> options = new ArrayList<>();
            if (status.accepted() && units > 0) {
                options.add(new BindingRefreshAdvice(Math.max(1, units / 2)));
                if (!java.util.Arrays.equals(Binding.sixteen(careOf),
                        Binding.sixteen(from.getAddress()))) {
                    // RFC 5555: the update came through a NAT; the node keeps the mapping alive
                    options.add(new NatDetection(true, config.natRefreshSeconds()));
                }
            }
            if (identifier != null) {
                options.add(identifier);
            }
            if (haTime) {
                options.add(new MobilityMessageReplayProtection(NtpTime.fromEpochMillis(now)));
            } else if (replay != null) {
                options.add(replay);
            }
            if (key != null) {
                options.add(new MobilityMessageAuthentication(MobilityMessageAuthentication.SUBTYPE_MN_HA, key.spi(),
                        new byte[key.algorithm().length()]));
            }
            BindingAcknowledgement ba = new BindingAcknowledgement(status, 0, sequence, units, options);
            return MobilityAnswers.write(answer, config.address(), home, ba, key, careOfForAuthenticator());
        }
    }

    private static boolean usable(InetAddress careOf) {
        return !(careOf.isMulticastAddress() || careOf.isLinkLocalAddress() || careOf.isAnyLocalAddress()
                || careOf.isLoopbackAddress());
    }

    /** @return the binding cache this processor updates */
    public BindingCache cache() {
        return cache;
    }
}
