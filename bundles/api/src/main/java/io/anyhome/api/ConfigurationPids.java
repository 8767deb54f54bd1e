package io.anyhome.api;

/**
 * Configuration PIDs of anyhome's singleton components and the keys of the node identity, so that
 * components, the distribution's {@code etc/} files and {@code anyhome check} use the same names.
 *
 * <p>A PID {@code P} is read from {@code etc/P.cfg}. PIDs never contain {@code -}: FileInstall reads
 * it as the separator of a factory configuration instance ({@code etc/io.anyhome.nic.wlan-wlan0.cfg}).
 */
public final class ConfigurationPids {
    private ConfigurationPids() {
    }

    /** Node identity, the one source of truth for role, platform and home addresses. */
    public static final String NODE = "io.anyhome.node";
    /** Interface Switching: policy selection and engine settings. */
    public static final String IFS = "io.anyhome.ifs";
    /** Mobile IPv6 / NEMO on the mobile node or router. */
    public static final String MOBILITY = "io.anyhome.mobility";
    /** The home agent. */
    public static final String HOMEAGENT = "io.anyhome.homeagent";
    /** The virtual interface {@code home0}. */
    public static final String VI = "io.anyhome.vi";

    /** Node key: the role, {@code mn}, {@code mr} or {@code ha} (see {@link NodeRole}). */
    public static final String NODE_ROLE = "role";
    /** Node key: the platform, {@code linux} (default) or {@code sim}. */
    public static final String NODE_PLATFORM = "platform";
    /** Node key: the home address (MN, MR) or the home agent's own address (HA). */
    public static final String NODE_HOME_ADDRESS = "homeAddress";
    /** Node key: the home prefix, as {@code ADDRESS/LENGTH}. */
    public static final String NODE_HOME_PREFIX = "homePrefix";
    /** Node key (MR): the mobile network prefixes, as {@code ADDRESS/LENGTH} values. */
    public static final String NODE_MOBILE_NETWORK_PREFIXES = "mobileNetworkPrefixes";

    /** Value of {@link #NODE_PLATFORM} for the native Linux platform. */
    public static final String PLATFORM_LINUX = "linux";
    /** Value of {@link #NODE_PLATFORM} for the in-process emulator. */
    public static final String PLATFORM_SIM = "sim";
    /** Service property naming the platform a {@code Platform} service implements ({@code linux} or {@code sim}). */
    public static final String PLATFORM_NAME_PROPERTY = "anyhome.platform.name";
}
