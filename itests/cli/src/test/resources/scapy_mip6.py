"""Builds Mobile IPv6 signalling with scapy, the independent implementation anyhome decode is
checked against. Prints one hex packet a line (BU with Home Address option, BA with type 2
routing header) and, given a directory, writes the same packets as pcap and pcapng there."""
import sys
from scapy.all import wrpcap, Ether
from scapy.utils import wrpcapng
from scapy.layers.inet6 import (IPv6, IPv6ExtHdrDestOpt, HAO, IPv6ExtHdrRouting, MIP6MH_BU,
                                MIP6MH_BA, MIP6OptAltCoA, MIP6OptBRAdvice, MIP6OptMobNetPrefix)

bu = (IPv6(src="2001:db8:2::100", dst="2001:db8:1::1")
      / IPv6ExtHdrDestOpt(options=[HAO(hoa="2001:db8:1::100")])
      / MIP6MH_BU(seq=4242, flags="AHR", mhtime=150,
                  options=[MIP6OptAltCoA(acoa="2001:db8:2::100"),
                           MIP6OptMobNetPrefix(plen=56, prefix="2001:db8:100::")]))
ba = (IPv6(src="2001:db8:1::1", dst="2001:db8:2::100")
      / IPv6ExtHdrRouting(type=2, addresses=["2001:db8:1::100"], segleft=1)
      / MIP6MH_BA(status=135, flags="", seq=4241, mhtime=0,
                  options=[MIP6OptBRAdvice(rinter=30)]))
packets = [bu, ba]
for p in packets:
    print(bytes(p).hex())
if len(sys.argv) > 1:
    frames = [Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / p for p in packets]
    wrpcap(sys.argv[1] + "/mip6.pcap", frames)
    wrpcapng(sys.argv[1] + "/mip6.pcapng", frames)
