package io.anyhome.platform.sim;

/**
 * What a {@link SimLink} did with the packets offered to it, since it was created: read by tests
 * that check loss, queueing and blackholing.
 *
 * @param offered packets handed to the link by an attached interface
 * @param delivered packets that reached at least one receiving interface
 * @param lossDrops packets dropped by the random loss
 * @param queueDrops packets dropped because the sender's queue was full
 * @param blackholeDrops packets dropped while the link was a blackhole
 * @param carrierDrops packets dropped because the carrier was down when sent or on arrival
 * @param unresolvedDrops packets whose next hop owned no address on the link (neighbour discovery would have failed)
 */
public record LinkStats(long offered, long delivered, long lossDrops, long queueDrops, long blackholeDrops,
        long carrierDrops, long unresolvedDrops) {
}
