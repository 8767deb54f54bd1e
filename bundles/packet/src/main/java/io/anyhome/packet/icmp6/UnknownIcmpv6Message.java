package io.anyhome.packet.icmp6;

import io.anyhome.packet.ip.Bounds;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ICMPv6 message of a type this codec does not interpret, kept as read.
 *
 * @param type the Type field, 0..255
 * @param code the Code field, 0..255
 * @param body the bytes after the checksum
 */
public record UnknownIcmpv6Message(int type, int code, byte[] body) implements Icmpv6Message {
    /** Checks the ranges and copies the body. */
    public UnknownIcmpv6Message {
        Bounds.requireField("type", type, 0xff);
        Bounds.requireField("code", code, 0xff);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int bodyLength() {
        return body.length;
    }

    @Override
    public void encodeBody(ByteBuffer out) {
        out.put(body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownIcmpv6Message u && u.type == type && u.code == code
                && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return (type * 31 + code) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownIcmpv6Message[type=" + type + ", code=" + code + ", body="
                + HexFormat.of().formatHex(body) + "]";
    }
}
