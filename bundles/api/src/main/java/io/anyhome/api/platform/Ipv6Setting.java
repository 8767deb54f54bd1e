package io.anyhome.api.platform;

/**
 * Per-interface IPv6 settings ({@code net.ipv6.conf.<interface>.<name>}) that anyhome reads and
 * sets through {@link Platform#ipv6Setting(String, Ipv6Setting)}. A closed set: it names what the
 * kernel offers and anyhome uses.
 */
public enum Ipv6Setting {
    /** Accept Router Advertisements: 0 no, 1 unless forwarding, 2 even with forwarding on. */
    ACCEPT_RA("accept_ra"),
    /** Answer Neighbour Solicitations for proxy entries (home agent). */
    PROXY_NDP("proxy_ndp"),
    /** Use optimistic DAD (RFC 4429) for autoconfigured addresses. */
    OPTIMISTIC_DAD("optimistic_dad"),
    /** Prefer optimistic addresses as sources. */
    USE_OPTIMISTIC("use_optimistic"),
    /** Forward IPv6 packets (home agent, mobile router). */
    FORWARDING("forwarding"),
    /** Run DAD: 0 no, 1 yes, 2 and disable IPv6 on a duplicate link-local address. */
    ACCEPT_DAD("accept_dad"),
    /** Number of DAD probes. */
    DAD_TRANSMITS("dad_transmits"),
    /** Autoconfigure addresses from Prefix Information options. */
    AUTOCONF("autoconf"),
    /** Disable IPv6 on the interface. */
    DISABLE_IPV6("disable_ipv6");

    private final String sysctlName;

    Ipv6Setting(String sysctlName) {
        this.sysctlName = sysctlName;
    }

    /** @return the last component of the sysctl name, e.g. {@code accept_ra} */
    public String sysctlName() {
        return sysctlName;
    }
}
