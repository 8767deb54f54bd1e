#!/usr/bin/env bash
# Builds the packet benchmarks, runs them once with the GC profiler, and prints a markdown
# table: benchmark, ns/op (± 99.9% error), B/op (gc.alloc.rate.norm).
#   itests/perf/run.sh                      # every benchmark, results in /tmp/jmh.json
#   itests/perf/run.sh ForwardingPath       # extra arguments go to JMH (here: a filter)
#   JMH_RESULT=out.json itests/perf/run.sh  # elsewhere
# Run it on an otherwise idle machine: other load widens the error bars.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
result="${JMH_RESULT:-/tmp/jmh.json}"

cd "$root"
mvn -q -B -o package -pl itests/perf -am -DskipTests
java -jar itests/perf/target/benchmarks.jar -prof gc -rf json -rff "$result" "$@"

python3 - "$result" <<'PY'
import json, sys

rows = json.load(open(sys.argv[1]))
print("| Benchmark | ns/op (± error) | B/op |")
print("|---|---:|---:|")
for r in rows:
    name = r["benchmark"].removeprefix("io.anyhome.perf.packet.")
    m = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    b = "n/a" if alloc is None else f"{alloc:.1f}"
    print(f"| {name} | {m['score']:.1f} ± {m['scoreError']:.1f} | {b} |")
PY
