#!/usr/bin/env python3
"""Summarises the raw lines of itests/perf/mobility-bench.sh.

  mobility-bench-report.py RAW.jsonl OUT.json

Writes OUT.json (the summary and every raw line) and prints the markdown table. Medians are the
middle value (mean of the two middle ones for an even count), p99 the nearest-rank 99th
percentile (the maximum below 100 repetitions). A repetition whose traffic had not resumed when
the probe stopped counts as "no recovery"; its gap is at least the time from the last packet
received to the end of the probe. Only the standard library.
"""
import json
import math
import sys

SYSTEMS = [("anyhome", "anyhome"), ("mptcp", "MPTCP (kernel)"), ("openvpn", "OpenVPN --float")]
SCENARIOS = [("carrier", "carrier loss of eth0"), ("blackhole", "blackhole of eth0"),
             ("planned", "planned switch to wlan0")]


def median(values):
    v = sorted(values)
    if not v:
        return None
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def p99(values):
    v = sorted(values)
    return v[max(0, math.ceil(0.99 * len(v)) - 1)] if v else None


def repetition(line):
    """The effective gap (ms), lost packets, and whether traffic resumed, of one repetition."""
    probe = line.get("probe") or {}
    sent = (line.get("sent") or {}).get("sent")
    last = probe.get("lastSequence")
    gap = probe.get("longestGapMs")
    if sent is None or last is None or gap is None:
        return {"gapMs": None, "lost": None, "recovered": False}
    trailing = sent - 1 - last  # messages the sender wrote after the last one that arrived (1 ms each)
    recovered = trailing <= 5
    lost = probe.get("lost")
    if lost is not None and not recovered:
        lost += trailing
    return {"gapMs": gap if recovered else max(gap, float(trailing)), "lost": lost, "recovered": recovered}


def summarise(lines):
    summary = {"throughput": {}, "handover": {}}
    for path in ("anyhome", "home", "direct", "openvpn"):
        for direction in ("down", "up"):
            bps = [l["bitsPerSecond"] for l in lines
                   if l.get("kind") == "throughput" and l["path"] == path
                   and l.get("direction", "down") == direction and l.get("bitsPerSecond")]
            if bps:
                key = path if direction == "down" else path + "/up"
                summary["throughput"][key] = {"runs": len(bps), "medianMbps": round(median(bps) / 1e6, 1),
                                              "allMbps": [round(b / 1e6, 1) for b in bps]}
    for system, _ in SYSTEMS:
        for scenario, _ in SCENARIOS:
            reps = [repetition(l) for l in lines if l.get("kind") == "handover"
                    and l["system"] == system and l["scenario"] == scenario]
            if not reps:
                continue
            ok = [r for r in reps if r["recovered"]]
            gaps = [r["gapMs"] for r in ok]
            lost = [r["lost"] for r in ok if r["lost"] is not None]
            summary["handover"][system + "/" + scenario] = {
                "repetitions": len(reps), "recovered": len(ok),
                "gapMedianMs": median(gaps), "gapP99Ms": p99(gaps),
                "lostMedian": median(lost), "lostP99": p99(lost),
                "gapsMs": [r["gapMs"] for r in reps],
            }
    return summary


def fmt(v, unit=""):
    if v is None:
        return "–"
    return (f"{v:.0f}" if abs(v) >= 10 else f"{v:.1f}") + unit


def table(summary, meta):
    out = []
    if meta:
        out.append(f"mobility benchmark {meta.get('date')}, {meta.get('cores')} cores, load "
                   f"{meta.get('loadAverage')}, kernel {meta.get('kernel')}, OpenVPN {meta.get('openvpn')}"
                   f"{' (--quick)' if meta.get('quick') else ''}")
        out.append("")
    tp = summary["throughput"]
    if tp:
        out.append(f"| path (iperf3 TCP, {(meta or {}).get('iperfSeconds', 10)} s per run) | runs | CN → MN Mbit/s (median) | of OpenVPN | of direct "
                   "| MN → CN Mbit/s (median) | of OpenVPN | of direct |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        names = {"anyhome": "anyhome tunnel to the home address",
                 "home": "anyhome at home: direct path on the home link",
                 "direct": "direct to the eth0 care-of address",
                 "openvpn": "OpenVPN 2.6 p2p UDP, cleartext"}
        def cells(key, suffix):
            if key + suffix not in tp:
                return "– | – | –"
            m = tp[key + suffix]["medianMbps"]
            ov = tp.get("openvpn" + suffix, {}).get("medianMbps")
            di = tp.get("direct" + suffix, {}).get("medianMbps")
            return (f"{m:.0f} | {fmt(100 * m / ov, ' %') if ov else '–'} | "
                    f"{fmt(100 * m / di, ' %') if di else '–'}")

        for path in ("anyhome", "home", "direct", "openvpn"):
            if path in tp:
                out.append(f"| {names[path]} | {tp[path]['runs']} | {cells(path, '')} | {cells(path, '/up')} |")
        out.append("")
    ho = summary["handover"]
    if ho:
        out.append("| system | event | reps | recovered | longest gap median | p99 | lost median | p99 |")
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for system, sname in SYSTEMS:
            for scenario, scname in SCENARIOS:
                h = ho.get(system + "/" + scenario)
                if not h:
                    continue
                if h["recovered"] == 0:
                    out.append(f"| {sname} | {scname} | {h['repetitions']} | 0 | no recovery "
                               f"(≥ {fmt(min(g for g in h['gapsMs'] if g is not None) if any(g is not None for g in h['gapsMs']) else None, ' ms')}) | – | – | – |")
                    continue
                lost_m = "n/a (TCP)" if system == "mptcp" else fmt(h["lostMedian"])
                lost_p = "n/a" if system == "mptcp" else fmt(h["lostP99"])
                out.append(f"| {sname} | {scname} | {h['repetitions']} | {h['recovered']} | "
                           f"{fmt(h['gapMedianMs'], ' ms')} | {fmt(h['gapP99Ms'], ' ms')} | {lost_m} | {lost_p} |")
    return "\n".join(out)


def main(argv):
    lines = [json.loads(l) for l in open(argv[1]) if l.strip()]
    meta = next((l for l in lines if l.get("kind") == "meta"), None)
    summary = summarise(lines)
    with open(argv[2], "w") as f:
        json.dump({"meta": meta, "summary": summary, "raw": lines}, f, indent=1)
    print(table(summary, meta))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
