"""Prints a JMH JSON result (-rf json) as a markdown table: benchmark, ns/op (± 99.9% error),
B/op (gc.alloc.rate.norm, present when run with -prof gc)."""
import json
import sys

rows = json.load(open(sys.argv[1]))
print("| Benchmark | ns/op (± error) | B/op |")
print("|---|---:|---:|")
for r in rows:
    name = r["benchmark"].removeprefix("io.anyhome.perf.packet.")
    m = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    b = "n/a" if alloc is None else f"{alloc:.1f}"
    print(f"| {name} | {m['score']:.1f} ± {m['scoreError']:.1f} | {b} |")
