package io.anyhome.packet.mh;

import java.net.Inet4Address;

/**
 * IPv4 Address Acknowledgement option (RFC 5555 §3.2.1, type 30, length 6, alignment 4n): the
 * home agent's answer to an {@link Ipv4HomeAddress} option, in a Binding Acknowledgement.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |   Length      |    Status     |Pref-len   |Res|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     IPv4 home address                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param status 0 success; 128 and above failures (RFC 5555 §3.2.1)
 * @param prefixLength the Pref-len field (6 bits)
 * @param address the IPv4 home address granted
 */
public record Ipv4AddressAcknowledgement(int status, int prefixLength, Inet4Address address)
        implements MobilityOption {
    /** Option type. */
    public static final int TYPE = 30;
    /** Status: success. */
    public static final int STATUS_SUCCESS = 0;
    static final int LENGTH = 6;
    static final Alignment ALIGNMENT = new Alignment(4, 0);

    /** Validates the fields and requires an address. */
    public Ipv4AddressAcknowledgement {
        Fields.unsigned("Status", status, 8);
        Fields.unsigned("Pref-len", prefixLength, 6);
        Fields.required("address", address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int dataLength() {
        return LENGTH;
    }

    @Override
    public Alignment alignment() {
        return ALIGNMENT;
    }
}
