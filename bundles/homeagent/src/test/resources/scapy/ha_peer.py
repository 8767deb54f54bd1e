"""An independent mobile node for the home agent tests, built on scapy's mobileip6 layer.

Reads one JSON object on stdin and writes ``key=value`` lines on stdout. Modes:

* ``bu``: scapy builds the inner packet of a Binding Update as the MN-HA contract describes it,
  IPv6(src=hoa, dst=ha)/MIP6MH_BU(seq, flags A+H, F in the reserved bits, mhtime) with the
  options Alternate CoA, MN Identifier (RFC 4283) and the RFC 4285 Replay Protection and MN-HA
  Authentication options as MIP6OptUnknown; the authenticator is computed here with hmac over
  care-of address | home address | MH up to the SPI with the checksum zero, then the checksum.
  Prints ``packet=<hex>``.
* ``exchange``: builds the Binding Update as ``bu`` does, sends it in UDP from ``[coa]`` to
  ``[ha]:port`` (the mobility lab's tests run it inside the mobile node's namespace), waits up to
  two seconds for the answer and dissects it as ``ba`` does; ``answer=none`` if nothing came.
* ``bu-dissect``: scapy dissects a Binding Update (an inner IPv6 packet, e.g. one captured from
  our mobile node) and prints ``mhtype``, ``seq``, ``flags`` (A, H as scapy names them),
  ``f_flag`` (RFC 5555 force UDP, in scapy's reserved bits), ``mhtime``, ``cksum_ok``, the options
  as ``opt.<n>.*`` and ``auth_ok``.
* ``ba``: scapy dissects the home agent's answer (an inner IPv6 packet) and prints its fields:
  ``mhtype``, ``status``, ``flags``, ``seq``, ``mhtime``, ``cksum_ok``, every option as
  ``opt.<n>.<field>`` and ``auth_ok`` (the authenticator checked here with hmac).

Exits with status 3 and prints ``NO_SCAPY`` when scapy cannot be imported.
"""
import hashlib
import hmac
import json
import logging
import socket
import struct
import sys

logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
try:
    from scapy.compat import raw
    from scapy.layers import inet6
    from scapy.layers.inet6 import IPv6, MIP6MH_BU, MIP6MH_BA, MIP6OptAltCoA, MIP6OptMNID, MIP6OptUnknown
    from scapy.layers.inet6 import in6_chksum
except ImportError:
    print("NO_SCAPY")
    sys.exit(3)

ALGORITHMS = {"hmac-sha256-128": (hashlib.sha256, 16), "hmac-sha1-96": (hashlib.sha1, 12)}


class ReplayProtection(MIP6OptUnknown):
    """RFC 4285 §6, option type 10, alignment 8n+2."""
    x = 8
    y = 2


class MessageAuthentication(MIP6OptUnknown):
    """RFC 4285 §5, option type 9, alignment 4n+1."""
    x = 4
    y = 1


def addr(text):
    return socket.inet_pton(socket.AF_INET6, text)


def authenticator(alg, key, coa, hoa, mh, spi_end):
    data = bytearray(mh[:spi_end])
    data[4:6] = b"\x00\x00"
    digest, length = ALGORITHMS[alg]
    return hmac.new(key, addr(coa) + addr(hoa) + bytes(data), digest).digest()[:length]


def last_option(mh):
    """Offset of the last non-padding option of a BU or BA (options start at byte 12)."""
    at, last = 12, -1
    end = 8 * (mh[1] + 1)
    while at < end:
        if mh[at] == 0:
            at += 1
            continue
        if mh[at] != 1:
            last = at
        at += 2 + mh[at + 1]
    return last


def mh_checksum(src, dst, mh):
    mh = bytearray(mh)
    mh[4:6] = b"\x00\x00"
    return in6_chksum(135, IPv6(src=src, dst=dst), bytes(mh))


def build_bu(c):
    digest, length = ALGORITHMS[c["alg"]]
    options = [MIP6OptAltCoA(acoa=c["coa"]),
               MIP6OptMNID(subtype=1, id=c["nai"].encode()),
               ReplayProtection(otype=10, odata=struct.pack("!Q", c["timestamp"])),
               MessageAuthentication(otype=9, odata=struct.pack("!BI", 1, c["spi"]) + bytes(length))]
    bu = MIP6MH_BU(seq=c["seq"], flags="AH", reserved=0x100, mhtime=c["lifetime"], options=options)
    mh = bytearray(raw(bu))
    spi_end = last_option(mh) + 7
    mh[spi_end:spi_end + length] = authenticator(c["alg"], bytes.fromhex(c["key"]), c["coa"], c["hoa"], mh, spi_end)
    mh[4:6] = struct.pack("!H", mh_checksum(c["hoa"], c["ha"], mh))
    return raw(IPv6(src=c["hoa"], dst=c["ha"], nh=135, hlim=64) / bytes(mh))


def exchange(c):
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.bind((c["coa"], 0))
    s.settimeout(2.0)
    s.sendto(build_bu(c), (c["ha"], c.get("port", 4191)))
    try:
        answer, _ = s.recvfrom(4096)
    except socket.timeout:
        print("answer=none")
        return
    dissect_ba(dict(c, hex=answer.hex()))


def dissect_ba(c):
    packet = IPv6(bytes.fromhex(c["hex"]))
    mh = bytes(packet.payload)
    ba = packet[MIP6MH_BA] if MIP6MH_BA in packet else None
    print("src=" + packet.src)
    print("dst=" + packet.dst)
    print("nh=%d" % packet.nh)
    if ba is None:
        print("mhtype=%d" % mh[2])
        return
    print("mhtype=%d" % ba.mhtype)
    print("status=%d" % ba.status)
    print("flags=%d" % int(ba.flags))
    print("seq=%d" % ba.seq)
    print("mhtime=%d" % ba.mhtime)
    print("cksum_ok=%s" % (mh_checksum(packet.src, packet.dst, mh) == ba.cksum))
    n = 0
    for o in ba.options:
        if o.otype in (0, 1):
            continue
        print("opt.%d.type=%d" % (n, o.otype))
        print("opt.%d.class=%s" % (n, o.__class__.__name__))
        body = raw(o)[2:2 + o.olen]
        print("opt.%d.data=%s" % (n, body.hex()))
        n += 1
    auth_at = last_option(mh)
    if auth_at > 0 and mh[auth_at] == 9 and "key" in c:
        olen = mh[auth_at + 1]
        spi_end = auth_at + 7
        received = mh[spi_end:auth_at + 2 + olen]
        expected = authenticator(c["alg"], bytes.fromhex(c["key"]), c["coa"], c["hoa"], mh, spi_end)
        print("auth_ok=%s" % hmac.compare_digest(received, expected))


def dissect_bu(c):
    packet = IPv6(bytes.fromhex(c["hex"]))
    mh = bytes(packet.payload)
    print("src=" + packet.src)
    print("dst=" + packet.dst)
    print("nh=%d" % packet.nh)
    if MIP6MH_BU not in packet:
        print("mhtype=%d" % mh[2])
        return
    bu = packet[MIP6MH_BU]
    print("mhtype=%d" % bu.mhtype)
    print("seq=%d" % bu.seq)
    print("flags=%s" % bu.flags)
    print("f_flag=%s" % bool(bu.reserved & 0x100))
    print("mhtime=%d" % bu.mhtime)
    print("cksum_ok=%s" % (mh_checksum(packet.src, packet.dst, mh) == bu.cksum))
    n = 0
    for o in bu.options:
        if o.otype in (0, 1):
            continue
        print("opt.%d.type=%d" % (n, o.otype))
        print("opt.%d.class=%s" % (n, o.__class__.__name__))
        if o.otype == 3:
            print("opt.%d.acoa=%s" % (n, o.acoa))
        body = raw(o)[2:2 + o.olen]
        print("opt.%d.data=%s" % (n, body.hex()))
        n += 1
    auth_at = last_option(mh)
    if auth_at > 0 and mh[auth_at] == 9 and "key" in c:
        olen = mh[auth_at + 1]
        spi_end = auth_at + 7
        received = mh[spi_end:auth_at + 2 + olen]
        expected = authenticator(c["alg"], bytes.fromhex(c["key"]), c["coa"], packet.src, mh, spi_end)
        print("auth_ok=%s" % hmac.compare_digest(received, expected))


def main():
    case = json.load(sys.stdin)
    if case["mode"] == "bu":
        print("packet=" + build_bu(case).hex())
    elif case["mode"] == "exchange":
        exchange(case)
    elif case["mode"] == "bu-dissect":
        dissect_bu(case)
    else:
        dissect_ba(case)


if __name__ == "__main__":
    main()
