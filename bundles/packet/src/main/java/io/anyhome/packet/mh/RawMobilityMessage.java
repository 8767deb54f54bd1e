package io.anyhome.packet.mh;

import java.util.Arrays;
import java.util.List;

/**
 * A Mobility Header message of a type this package has no record for (RFC 6275 §9.2: answered
 * with a Binding Error, status 2), kept as its type and the bytes after the checksum so it can be
 * logged or forwarded unchanged.
 *
 * @param type the MH Type (8..255)
 * @param data the message data after the Checksum field; 6 + length must be a multiple of 8,
 *     at least 8 and at most 2048
 */
public record RawMobilityMessage(int type, byte[] data) implements MobilityMessage {

    /** Validates the type and the length, and copies the data. */
    public RawMobilityMessage {
        Fields.unsigned("MH Type", type, 8);
        if (MobilityHeaderType.hasRecord(type)) {
            throw new IllegalArgumentException("MH type " + type + " has its own record");
        }
        data = Fields.copy("data", data, MobilityHeader.MAX_LENGTH - MobilityHeader.FIXED_LENGTH);
        if ((MobilityHeader.FIXED_LENGTH + data.length) % 8 != 0) {
            throw new IllegalArgumentException("6 + " + data.length
                    + " data bytes is not a multiple of 8");
        }
    }

    /** @return a copy of the data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the number of data bytes */
    public int dataLength() {
        return data.length;
    }

    @Override
    public List<MobilityOption> options() {
        return List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawMobilityMessage r && type == r.type && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RawMobilityMessage[type=" + type + ", data=" + Fields.hex(data) + "]";
    }
}
