"""Independent Mobility Header peer for the codec tests, built on scapy's mobileip6 layer.

Reads a JSON list of cases on stdin and writes one line per case on stdout:
``<id>\t<key>=<value>\t...``. Case kinds:

* ``build``: scapy builds IPv6(src=coa, dst=ha)/IPv6ExtHdrDestOpt(HAO(hoa))/<mh> from class
  names and field values; the line carries ``packet=<hex>``.
* ``dissect``: scapy dissects the Mobility Header ``hex`` wrapped in the same IPv6 and Home
  Address option headers; the line carries the MH class, its fields, ``cksum_ok`` (checksum
  verified over the received bytes with the home address as source) and the non-padding options
  as ``opt.<n>.<field>``.

Exits with status 3 and prints ``NO_SCAPY`` when scapy cannot be imported.
"""
import json
import sys

try:
    from scapy.compat import raw
    from scapy.packet import Raw
    from scapy.layers import inet6
    from scapy.layers.inet6 import IPv6, IPv6ExtHdrDestOpt, HAO, PseudoIPv6
    from scapy.utils import checksum
except ImportError:
    print("NO_SCAPY")
    sys.exit(3)


def make(spec):
    cls = getattr(inet6, spec["cls"])
    if "align" in spec:
        # an option scapy only knows as MIP6OptUnknown, padded by scapy to the RFC alignment
        cls = type(cls.__name__, (cls,), {"x": spec["align"][0], "y": spec["align"][1]})
    fields = dict(spec.get("fields", {}))
    for name, value in spec.get("hexfields", {}).items():
        fields[name] = bytes.fromhex(value)
    return cls(**fields)


def wrap(case):
    return IPv6(src=case["coa"], dst=case["ha"]) / IPv6ExtHdrDestOpt(options=[HAO(hoa=case["hoa"])])


def value(v):
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).hex()
    if isinstance(v, bool):
        return str(int(v))
    try:
        return str(int(v))
    except (TypeError, ValueError):
        return str(v)


def fields_of(layer, prefix, out):
    for f in layer.fields_desc:
        if f.name in ("options", "autopad"):
            continue
        out.append("%s%s=%s" % (prefix, f.name, value(layer.getfieldval(f.name))))


def build(case):
    mh = make(case["mh"])
    if "options" in case:
        mh.options = [make(o) for o in case["options"]]
    return ["packet=" + raw(wrap(case) / mh).hex()]


def dissect(case):
    mh_bytes = bytes.fromhex(case["hex"])
    outer = wrap(case)
    outer[IPv6ExtHdrDestOpt].nh = 135
    pkt = IPv6(raw(outer / Raw(mh_bytes)))
    dest = pkt[IPv6ExtHdrDestOpt]
    mh = dest.payload
    out = ["cls=" + type(mh).__name__]
    # scapy's own pseudo-header for a dissected packet ignores the Home Address option, so the
    # pseudo-header is built here from the home address (RFC 6275 section 6.1.1).
    pseudo = PseudoIPv6(src=case["hoa"], dst=case["ha"], uplen=len(mh_bytes), nh=135)
    out.append("cksum_ok=%d" % int(checksum(raw(pseudo) + mh_bytes) == 0))
    fields_of(mh, "", out)
    n = 0
    for opt in getattr(mh, "options", []):
        name = type(opt).__name__
        if name in ("Pad1", "PadN"):
            continue
        out.append("opt.%d.cls=%s" % (n, name))
        fields_of(opt, "opt.%d." % n, out)
        n += 1
    out.append("nopts=%d" % n)
    return out


def main():
    cases = json.load(sys.stdin)
    for case in cases:
        try:
            parts = build(case) if case["op"] == "build" else dissect(case)
        except Exception as e:  # reported per case, the Java side fails that case
            parts = ["error=" + repr(e).replace("\t", " ").replace("\n", " ")]
        print("\t".join([case["id"]] + parts))


if __name__ == "__main__":
    main()
