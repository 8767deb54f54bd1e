#!/usr/bin/env python3
"""A 1 kHz UDP probe for handover measurements in the mobility lab.

  udp-probe.py send ADDRESS PORT SECONDS [RATE]   datagrams with a sequence number and send time
  udp-probe.py receive PORT SECONDS [BIND]        prints one JSON summary when SECONDS have passed

The receiver reports packets received, lost (gaps in the sequence), duplicates, reordered, and
the longest interruption: the largest gap between two consecutive arrivals while the sender ran,
in milliseconds. Only the standard library.
"""
import json
import socket
import struct
import sys
import time


def send(address, port, seconds, rate):
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    interval = 1.0 / rate
    start = time.monotonic()
    seq = 0
    while True:
        now = time.monotonic()
        if now - start >= seconds:
            break
        s.sendto(struct.pack("!Qd", seq, time.time()) + b"\0" * 48, (address, port))
        seq += 1
        next_at = start + seq * interval
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
    print(json.dumps({"sent": seq}))


def receive(port, seconds, bind):
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.bind((bind, port))
    s.settimeout(0.2)
    deadline = time.monotonic() + seconds
    seen = set()
    highest = -1
    reordered = duplicates = 0
    last_arrival = None
    longest_gap = 0.0
    longest_gap_after = None
    first = None
    while time.monotonic() < deadline:
        try:
            data, _ = s.recvfrom(2048)
        except socket.timeout:
            continue
        now = time.monotonic()
        seq, _sent = struct.unpack("!Qd", data[:16])
        if seq in seen:
            duplicates += 1
            continue
        seen.add(seq)
        if first is None:
            first = seq
        if seq < highest:
            reordered += 1
        if last_arrival is not None and now - last_arrival > longest_gap:
            longest_gap = now - last_arrival
            longest_gap_after = highest
        highest = max(highest, seq)
        last_arrival = now
    expected = 0 if first is None else highest - first + 1
    print(json.dumps({
        "received": len(seen),
        "lost": expected - len(seen),
        "duplicates": duplicates,
        "reordered": reordered,
        "firstSequence": first,
        "lastSequence": highest,
        "longestGapMs": round(longest_gap * 1000, 1),
        "longestGapAfterSequence": longest_gap_after,
    }))


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "send":
        send(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]) if len(sys.argv) > 5 else 1000.0)
    elif len(sys.argv) >= 4 and sys.argv[1] == "receive":
        receive(int(sys.argv[2]), float(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else "::")
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
