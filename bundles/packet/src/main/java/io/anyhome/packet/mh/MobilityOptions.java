package io.anyhome.packet.mh;

import io.anyhome.packet.MalformedPacketException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mobility options area of a Mobility Header (RFC 6275 §6.2): decodes options skipping Pad1
 * and PadN, and encodes them inserting the padding each option's alignment needs. Positions for
 * alignment count from the first byte of the Mobility Header.
 */
final class MobilityOptions {
    private MobilityOptions() {
    }

    /**
     * @param type an option type
     * @return whether the type is padding or has its own record
     */
    static boolean isDecoded(int type) {
        return switch (type) {
            case MobilityOption.PAD1, MobilityOption.PADN, BindingRefreshAdvice.TYPE,
                    AlternateCareOfAddress.TYPE, NonceIndices.TYPE, BindingAuthorizationData.TYPE,
                    MobileNetworkPrefix.TYPE, MobileNodeIdentifier.TYPE,
                    MobilityMessageAuthentication.TYPE, MobilityMessageReplayProtection.TYPE,
                    Ipv4HomeAddress.TYPE, Ipv4AddressAcknowledgement.TYPE, NatDetection.TYPE,
                    Ipv4CareOfAddress.TYPE, BindingIdentifier.TYPE -> true;
            default -> false;
        };
    }

    /**
     * Decodes the options between absolute indices {@code from} and {@code end}.
     *
     * @param buf the packet
     * @param from absolute index of the first option byte
     * @param end absolute index just past the Mobility Header
     * @return the options, padding dropped
     * @throws MalformedPacketException if an option overruns the header or has a bad length
     */
    static List<MobilityOption> decode(ByteBuffer buf, int from, int end)
            throws MalformedPacketException {
        List<MobilityOption> options = new ArrayList<>();
        int pos = from;
        while (pos < end) {
            int type = buf.get(pos) & 0xff;
            if (type == MobilityOption.PAD1) {
                pos++;
                continue;
            }
            if (pos + 1 >= end) {
                throw MalformedPacketException.at(buf, pos, "mobility option type " + type
                        + " has no Option Length before the end of the Mobility Header");
            }
            int length = buf.get(pos + 1) & 0xff;
            if (pos + 2 + length > end) {
                throw MalformedPacketException.at(buf, pos + 1, "Option Length " + length
                        + " of mobility option type " + type + " runs "
                        + (pos + 2 + length - end) + " bytes past the end of the Mobility Header");
            }
            if (type != MobilityOption.PADN) {
                options.add(decodeOne(buf, pos, type, length));
            }
            pos += 2 + length;
        }
        return options;
    }

    private static MobilityOption decodeOne(ByteBuffer buf, int at, int type, int length)
            throws MalformedPacketException {
        int d = at + 2;
        return switch (type) {
            case BindingRefreshAdvice.TYPE -> {
                exact(buf, at, type, length, BindingRefreshAdvice.LENGTH);
                yield new BindingRefreshAdvice(buf.getShort(d) & 0xffff);
            }
            case AlternateCareOfAddress.TYPE -> {
                exact(buf, at, type, length, AlternateCareOfAddress.LENGTH);
                yield new AlternateCareOfAddress(Fields.inet6(buf, d));
            }
            case NonceIndices.TYPE -> {
                exact(buf, at, type, length, NonceIndices.LENGTH);
                yield new NonceIndices(buf.getShort(d) & 0xffff, buf.getShort(d + 2) & 0xffff);
            }
            case BindingAuthorizationData.TYPE ->
                new BindingAuthorizationData(bytes(buf, d, length));
            case MobileNetworkPrefix.TYPE -> {
                exact(buf, at, type, length, MobileNetworkPrefix.LENGTH);
                int prefixLength = buf.get(d + 1) & 0xff;
                if (prefixLength > 128) {
                    throw MalformedPacketException.at(buf, d + 1, "Prefix Length "
                            + prefixLength + " of a Mobile Network Prefix option exceeds 128");
                }
                yield new MobileNetworkPrefix(prefixLength, Fields.inet6(buf, d + 2));
            }
            case MobileNodeIdentifier.TYPE -> {
                atLeast(buf, at, type, length, 1);
                yield new MobileNodeIdentifier(buf.get(d) & 0xff, bytes(buf, d + 1, length - 1));
            }
            case MobilityMessageAuthentication.TYPE -> {
                atLeast(buf, at, type, length, 5);
                yield new MobilityMessageAuthentication(buf.get(d) & 0xff,
                        buf.getInt(d + 1) & 0xffff_ffffL, bytes(buf, d + 5, length - 5));
            }
            case MobilityMessageReplayProtection.TYPE -> {
                exact(buf, at, type, length, MobilityMessageReplayProtection.LENGTH);
                yield new MobilityMessageReplayProtection(buf.getLong(d));
            }
            case Ipv4HomeAddress.TYPE -> {
                exact(buf, at, type, length, Ipv4HomeAddress.LENGTH);
                int word = buf.getShort(d) & 0xffff;
                yield new Ipv4HomeAddress(word >>> 10, (word & 0x0200) != 0,
                        Fields.inet4(buf, d + 2));
            }
            case Ipv4AddressAcknowledgement.TYPE -> {
                exact(buf, at, type, length, Ipv4AddressAcknowledgement.LENGTH);
                yield new Ipv4AddressAcknowledgement(buf.get(d) & 0xff,
                        (buf.get(d + 1) & 0xff) >>> 2, Fields.inet4(buf, d + 2));
            }
            case NatDetection.TYPE -> {
                exact(buf, at, type, length, NatDetection.LENGTH);
                yield new NatDetection((buf.get(d) & 0x80) != 0,
                        buf.getInt(d + 2) & 0xffff_ffffL);
            }
            case Ipv4CareOfAddress.TYPE -> {
                exact(buf, at, type, length, Ipv4CareOfAddress.LENGTH);
                yield new Ipv4CareOfAddress(Fields.inet4(buf, d + 2));
            }
            case BindingIdentifier.TYPE -> decodeBindingIdentifier(buf, at, length);
            default -> new UnknownMobilityOption(type, bytes(buf, d, length));
        };
    }

    private static BindingIdentifier decodeBindingIdentifier(ByteBuffer buf, int at, int length)
            throws MalformedPacketException {
        int d = at + 2;
        Optional<InetAddress> coa = switch (length) {
            case BindingIdentifier.LENGTH_NO_COA -> Optional.empty();
            case BindingIdentifier.LENGTH_IPV4 -> Optional.of(Fields.inet4(buf, d + 4));
            case BindingIdentifier.LENGTH_IPV6 -> Optional.of(Fields.inet6(buf, d + 4));
            default -> throw MalformedPacketException.at(buf, at + 1, "Option Length " + length
                    + " of a Binding Identifier option is not 4, 8 or 20");
        };
        int flags = buf.get(d + 3) & 0xff;
        return new BindingIdentifier(buf.getShort(d) & 0xffff, buf.get(d + 2) & 0xff,
                (flags & 0x80) != 0, flags & 0x7f, coa);
    }

    private static void exact(ByteBuffer buf, int at, int type, int length, int expected)
            throws MalformedPacketException {
        if (length != expected) {
            throw MalformedPacketException.at(buf, at + 1, "Option Length " + length
                    + " of mobility option type " + type + ", expected " + expected);
        }
    }

    private static void atLeast(ByteBuffer buf, int at, int type, int length, int minimum)
            throws MalformedPacketException {
        if (length < minimum) {
            throw MalformedPacketException.at(buf, at + 1, "Option Length " + length
                    + " of mobility option type " + type + " below the minimum " + minimum);
        }
    }

    private static byte[] bytes(ByteBuffer buf, int index, int length) {
        byte[] b = new byte[length];
        buf.get(index, b);
        return b;
    }

    /**
     * Where the options end, padding included, when they start at {@code position} (offset from
     * the start of the Mobility Header); the result is a multiple of 8.
     *
     * @param options the options
     * @param position offset of the first option byte
     * @return offset just past the padded options
     */
    static int end(List<MobilityOption> options, int position) {
        int pos = position;
        for (MobilityOption o : options) {
            pos += o.alignment().paddingBefore(pos) + 2 + o.dataLength();
        }
        return pos + Math.floorMod(-pos, 8);
    }

    /**
     * Writes the options with padding, starting at absolute index {@code at}.
     *
     * @param options the options
     * @param buf the destination, with room checked by the caller
     * @param mhStart absolute index of the Mobility Header's first byte
     * @param at absolute index of the first option byte
     * @return absolute index just past the padded options
     */
    static int encode(List<MobilityOption> options, ByteBuffer buf, int mhStart, int at) {
        int pos = at;
        for (MobilityOption o : options) {
            pos = pad(buf, pos, o.alignment().paddingBefore(pos - mhStart));
            buf.put(pos, (byte) o.type());
            buf.put(pos + 1, (byte) o.dataLength());
            encodeData(o, buf, pos + 2);
            pos += 2 + o.dataLength();
        }
        return pad(buf, pos, Math.floorMod(mhStart - pos, 8));
    }

    private static int pad(ByteBuffer buf, int pos, int n) {
        if (n == 1) {
            buf.put(pos, (byte) MobilityOption.PAD1);
        } else if (n > 1) {
            buf.put(pos, (byte) MobilityOption.PADN);
            buf.put(pos + 1, (byte) (n - 2));
            for (int i = 2; i < n; i++) {
                buf.put(pos + i, (byte) 0);
            }
        }
        return pos + n;
    }

    private static void encodeData(MobilityOption option, ByteBuffer buf, int d) {
        if (option instanceof BindingRefreshAdvice o) {
            buf.putShort(d, (short) o.refreshIntervalUnits());
        } else if (option instanceof AlternateCareOfAddress o) {
            buf.put(d, o.address().getAddress());
        } else if (option instanceof NonceIndices o) {
            buf.putShort(d, (short) o.homeNonceIndex());
            buf.putShort(d + 2, (short) o.careOfNonceIndex());
        } else if (option instanceof BindingAuthorizationData o) {
            buf.put(d, o.authenticator());
        } else if (option instanceof MobileNetworkPrefix o) {
            buf.put(d, (byte) 0);
            buf.put(d + 1, (byte) o.prefixLength());
            buf.put(d + 2, o.prefix().getAddress());
        } else if (option instanceof MobileNodeIdentifier o) {
            buf.put(d, (byte) o.subtype());
            buf.put(d + 1, o.identifier());
        } else if (option instanceof MobilityMessageAuthentication o) {
            buf.put(d, (byte) o.subtype());
            buf.putInt(d + 1, (int) o.spi());
            buf.put(d + 5, o.authenticator());
        } else if (option instanceof MobilityMessageReplayProtection o) {
            buf.putLong(d, o.timestamp());
        } else if (option instanceof Ipv4HomeAddress o) {
            buf.putShort(d, (short) (o.prefixLength() << 10 | (o.prefixRequested() ? 0x0200 : 0)));
            buf.put(d + 2, o.address().getAddress());
        } else if (option instanceof Ipv4AddressAcknowledgement o) {
            buf.put(d, (byte) o.status());
            buf.put(d + 1, (byte) (o.prefixLength() << 2));
            buf.put(d + 2, o.address().getAddress());
        } else if (option instanceof NatDetection o) {
            buf.putShort(d, (short) (o.forceUdp() ? 0x8000 : 0));
            buf.putInt(d + 2, (int) o.refreshTimeSeconds());
        } else if (option instanceof Ipv4CareOfAddress o) {
            buf.putShort(d, (short) 0);
            buf.put(d + 2, o.address().getAddress());
        } else if (option instanceof BindingIdentifier o) {
            buf.putShort(d, (short) o.bid());
            buf.put(d + 2, (byte) o.status());
            buf.put(d + 3, (byte) ((o.simultaneousHomeAndForeign() ? 0x80 : 0) | o.priority()));
            o.careOfAddress().ifPresent(a -> buf.put(d + 4, a.getAddress()));
        } else if (option instanceof UnknownMobilityOption o) {
            buf.put(d, o.data());
        } else {
            throw new IllegalStateException("unhandled option " + option);
        }
    }

    /**
     * Finds the last non-padding option of an encoded options area.
     *
     * @return absolute index of its type byte, or -1 if there is none
     */
    static int lastOption(ByteBuffer buf, int from, int end) {
        int last = -1;
        int pos = from;
        while (pos < end) {
            int type = buf.get(pos) & 0xff;
            if (type == MobilityOption.PAD1) {
                pos++;
                continue;
            }
            if (pos + 1 >= end) {
                return -1;
            }
            if (type != MobilityOption.PADN) {
                last = pos;
            }
            pos += 2 + (buf.get(pos + 1) & 0xff);
        }
        return pos == end ? last : -1;
    }
}
