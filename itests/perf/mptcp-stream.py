#!/usr/bin/env python3
"""A 1 kHz stream of timestamped messages over one MPTCP connection, for handover baselines.

  mptcp-stream.py send PORT SECONDS [RATE]                  listen (MPTCP), accept one connection,
                                                            send RATE messages a second, close
  mptcp-stream.py receive ADDRESS PORT SECONDS [BIND]       connect (MPTCP) from BIND, read until the
                                                            sender closes or SECONDS pass

Each message is 16 bytes: sequence number and send time. The receiver prints one JSON summary:
messages received, the last sequence number, the longest interval between two consecutive
messages' arrivals (longestGapMs; messages read in one go share an arrival time), and the number
of MPTCP subflows the kernel reported one second after connecting and at the end (MPTCP_INFO).
The sender prints the number of messages it wrote. Only the standard library.
"""
import json
import socket
import struct
import sys
import time

IPPROTO_MPTCP = 262
SOL_MPTCP = 284
MPTCP_INFO = 1
MESSAGE = struct.Struct("!Qd")


def subflows(s):
    """The MPTCP subflow count of a connected socket (first byte of struct mptcp_info), or None."""
    try:
        return s.getsockopt(SOL_MPTCP, MPTCP_INFO, 64)[0]
    except OSError:
        return None


def send(port, seconds, rate):
    srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM, IPPROTO_MPTCP)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("::", port))
    srv.listen(1)
    srv.settimeout(30)
    conn, _ = srv.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    interval = 1.0 / rate
    start = time.monotonic()
    seq = 0
    while time.monotonic() - start < seconds:
        conn.sendall(MESSAGE.pack(seq, time.time()))
        seq += 1
        delay = start + seq * interval - time.monotonic()
        if delay > 0:
            time.sleep(delay)
    conn.close()
    srv.close()
    print(json.dumps({"sent": seq}))


def receive(address, port, seconds, bind):
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM, IPPROTO_MPTCP)
    if bind:
        s.bind((bind, 0))
    s.settimeout(5)
    s.connect((address, port))
    s.settimeout(0.2)
    connected = time.monotonic()
    deadline = connected + seconds
    early_subflows = None
    buffered = b""
    received = 0
    last_seq = None
    last_arrival = None
    longest = 0.0
    longest_after = None
    while time.monotonic() < deadline:
        if early_subflows is None and time.monotonic() - connected >= 1.0:
            early_subflows = subflows(s)
        try:
            data = s.recv(65536)
        except socket.timeout:
            continue
        if not data:
            break
        now = time.monotonic()
        buffered += data
        whole = len(buffered) // MESSAGE.size * MESSAGE.size
        for off in range(0, whole, MESSAGE.size):
            seq, _sent = MESSAGE.unpack_from(buffered, off)
            if last_arrival is not None and now - last_arrival > longest:
                longest = now - last_arrival
                longest_after = last_seq
            last_arrival = now
            last_seq = seq
            received += 1
        buffered = buffered[whole:]
    print(json.dumps({
        "received": received,
        "lastSequence": last_seq,
        "longestGapMs": round(longest * 1000, 1),
        "longestGapAfterSequence": longest_after,
        "subflowsAfter1s": early_subflows,
        "subflowsAtEnd": subflows(s),
    }))
    s.close()


def main(argv):
    if len(argv) >= 4 and argv[1] == "send":
        send(int(argv[2]), float(argv[3]), float(argv[4]) if len(argv) > 4 else 1000.0)
    elif len(argv) >= 5 and argv[1] == "receive":
        receive(argv[2], int(argv[3]), float(argv[4]), argv[5] if len(argv) > 5 else None)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
