package io.anyhome.packet.mh;

import java.util.Arrays;

/**
 * A mobility option whose type this package does not decode (RFC 6275 §6.2.1: skipped by its
 * length), kept so that it can be logged and re-encoded unchanged. Encoded without alignment.
 *
 * @param type the Option Type (2..255, not a type this package decodes)
 * @param data the option data (at most 255 bytes)
 */
public record UnknownMobilityOption(int type, byte[] data) implements MobilityOption {

    /** Validates the type and copies the data. */
    public UnknownMobilityOption {
        Fields.unsigned("Option Type", type, 8);
        if (MobilityOptions.isDecoded(type)) {
            throw new IllegalArgumentException("option type " + type
                    + " has its own record");
        }
        data = Fields.copy("data", data, 255);
    }

    /** @return a copy of the data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int dataLength() {
        return data.length;
    }

    @Override
    public Alignment alignment() {
        return Alignment.NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMobilityOption u && type == u.type
                && Arrays.equals(data, u.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "UnknownMobilityOption[type=" + type + ", data=" + Fields.hex(data) + "]";
    }
}
