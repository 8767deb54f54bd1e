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

python3 itests/perf/jmh-table.py "$result"
