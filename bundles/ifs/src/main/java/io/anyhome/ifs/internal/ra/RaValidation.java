package io.anyhome.ifs.internal.ra;

import io.anyhome.api.AddressText;
import io.anyhome.packet.MalformedPacketException;
import io.anyhome.packet.icmp6.Icmpv6;
import io.anyhome.packet.icmp6.Icmpv6Message;
import io.anyhome.packet.icmp6.NdOption;
import io.anyhome.packet.icmp6.RouterAdvertisement;
import java.nio.ByteBuffer;

/**
 * The validity checks a host applies to a received Router Advertisement (RFC 4861 §6.1.2) before
 * it believes a word of it, and the decoding. Used by {@link RouterAdvertisementWatch} on every
 * message of type 134; stateless. The kernel has already verified the ICMPv6 checksum of a
 * message delivered to an ICMPv6 socket.
 */
final class RaValidation {
    /** Router Advertisement's ICMPv6 type. */
    static final int TYPE = 134;
    /** The only hop limit a Neighbor Discovery message may arrive with: it was not forwarded. */
    static final int ND_HOP_LIMIT = 255;

    private RaValidation() {
    }

    /**
     * What the checks decided: the advertisement, or why it was dropped.
     *
     * @param advertisement the decoded advertisement, null if dropped
     * @param dropReason why it was dropped, null if valid
     */
    record Verdict(RouterAdvertisement advertisement, String dropReason) {
        boolean valid() {
            return advertisement != null;
        }
    }

    /**
     * Checks and decodes a Router Advertisement.
     *
     * @param message the ICMPv6 message from index 0
     * @param length its length
     * @param hopLimit the hop limit it arrived with, -1 if unknown
     * @param source the 16 bytes of its IPv6 source
     * @return the verdict; never throws
     */
    static Verdict check(ByteBuffer message, int length, int hopLimit, byte[] source) {
        if (hopLimit != ND_HOP_LIMIT) {
            return drop(hopLimit < 0 ? "hop limit unknown, must be 255"
                    : "hop limit " + hopLimit + " is not 255");
        }
        if (!isLinkLocal(source)) {
            return drop("source " + AddressText.format(source) + " is not link-local");
        }
        if (length < RouterAdvertisement.OFFSET_OPTIONS) {
            return drop("length " + length + " is shorter than 16");
        }
        int code = message.get(Icmpv6.OFFSET_CODE) & 0xff;
        if (code != 0) {
            return drop("code " + code + " is not 0");
        }
        String optionProblem = checkOptions(message, length);
        if (optionProblem != null) {
            return drop(optionProblem);
        }
        try {
            Icmpv6Message decoded = Icmpv6.decode(message, 0, length);
            if (decoded instanceof RouterAdvertisement ra) {
                return new Verdict(ra, null);
            }
            return drop("type " + decoded.type() + " is not a Router Advertisement");
        } catch (MalformedPacketException e) {
            return drop(e.reason());
        } catch (RuntimeException e) {
            return drop("undecodable: " + e.getMessage());
        }
    }

    /** RFC 4861 §6.1.2: every option has a length greater than zero and lies within the message. */
    private static String checkOptions(ByteBuffer message, int length) {
        int at = RouterAdvertisement.OFFSET_OPTIONS;
        while (at < length) {
            if (at + 2 > length) {
                return "option at offset " + at + " is truncated";
            }
            int type = message.get(at + NdOption.OFFSET_TYPE) & 0xff;
            int units = message.get(at + NdOption.OFFSET_LENGTH) & 0xff;
            if (units == 0) {
                return "option type " + type + " at offset " + at + " has length 0";
            }
            if (at + units * 8 > length) {
                return "option type " + type + " at offset " + at + " overruns the message";
            }
            at += units * 8;
        }
        return null;
    }

    /** fe80::/10. */
    static boolean isLinkLocal(byte[] address) {
        return address.length == 16 && (address[0] & 0xff) == 0xfe && (address[1] & 0xc0) == 0x80;
    }

    private static Verdict drop(String reason) {
        return new Verdict(null, reason);
    }
}
