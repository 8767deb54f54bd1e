package io.anyhome.api.platform;

/**
 * The kernel's counters of one interface, both directions, as {@code ip -s link} shows them:
 * everything the interface carried since it was created (tunnel overhead, signalling and probes
 * included). They restart from zero when the interface is recreated (a modem that reconnects, a
 * driver reloaded), so a consumer that accumulates them over time treats a value smaller than its
 * last one as a new start. Provided by {@link Platform#linkStatistics(int)}; ifs meters uplink
 * usage with it.
 *
 * @param rxBytes bytes received
 * @param txBytes bytes sent
 * @param rxPackets packets received
 * @param txPackets packets sent
 */
public record LinkStatistics(long rxBytes, long txBytes, long rxPackets, long txPackets) {

    /** @return bytes received and sent */
    public long totalBytes() {
        return rxBytes + txBytes;
    }
}
