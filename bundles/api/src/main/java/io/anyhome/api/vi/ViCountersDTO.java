package io.anyhome.api.vi;

import java.util.Map;
import org.osgi.dto.DTO;

/** Packet counters of the virtual interface since start; part of {@link ViDTO}. */
public class ViCountersDTO extends DTO {
    /** Drop reason: the interface switch had no usable path. */
    public static final String DROP_NO_PATH = "no-path";
    /** Drop reason: the path refused the packet. */
    public static final String DROP_PATH_SEND = "path-send";
    /** Drop reason: the packet could not be parsed. */
    public static final String DROP_MALFORMED = "malformed";
    /** Drop reason: the packet's source is not the home address or a mobile network prefix. */
    public static final String DROP_WRONG_SOURCE = "wrong-source";
    /** Drop reason: the packet was larger than the MTU. */
    public static final String DROP_TOO_BIG = "too-big";
    /** Drop reason: the TUN device could not take a delivered packet. */
    public static final String DROP_DEVICE = "device";

    /** Packets read from the kernel (leaving the node). */
    public long packetsOut;
    /** Bytes read from the kernel. */
    public long bytesOut;
    /** Packets delivered to the kernel (arriving at the node). */
    public long packetsIn;
    /** Bytes delivered to the kernel. */
    public long bytesIn;
    /** Dropped packets by reason (the {@code DROP_} constants, or others). */
    public Map<String, Long> drops;
}
