#!/usr/bin/env bash
# Lab benchmarks of the Linux platform (issue 3), outside `mvn verify`: the TUN read+write loop
# (plain and with vnet headers) against a veth UDP baseline measured in the same run, and the
# rtnetlink carrier-loss-to-listener latency. Needs root and iproute2; works only in network
# namespaces it makes (ah-bench*) and removes them also on failure. Prints a Markdown report.
#   itests/perf/lab-bench.sh                         # 1400-byte packets, 3 x (1 s + 5 s), 100 flaps
#   itests/perf/lab-bench.sh seconds=2 reps=1 flaps=20   # quicker; keys: bytes warmup seconds reps flaps flapWarmup
# Run it on an otherwise idle machine; the report gives the load average at start and end.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
cleanup() {
    rm -rf "$work"
    # namespaces of a benchmark JVM that is gone (killed by the time bound, say): ah-bench<word>-<pid>-<n>
    for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep '^ah-bench' || true); do
        pid="$(echo "$ns" | awk -F- '{print $(NF-1)}')"
        if ! kill -0 "$pid" 2>/dev/null; then
            ip netns del "$ns" || true
        fi
    done
}
trap cleanup EXIT

cd "$root"
mvn -q -B -o test-compile dependency:build-classpath -pl bundles/platform-linux -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath"
module=bundles/platform-linux
# a bound on the whole run: about 20 s per repetition plus the flaps
timeout --kill-after=10 900 java -cp "$module/target/test-classes:$module/target/classes:$(cat "$work/classpath")" \
    io.anyhome.platform.linux.internal.LabBenchmark "$@"
