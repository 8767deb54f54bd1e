package io.anyhome.platform.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs the lab benchmarks of the Linux platform in namespaces of their own and prints a Markdown
 * report: the TUN read+write loop (plain and with vnet headers) against a veth UDP baseline measured
 * in the same run, and the rtnetlink carrier-loss-to-listener latency. Started by
 * {@code itests/perf/lab-bench.sh}; needs root and iproute2. Not a test: surefire never runs it.
 *
 * <p>Arguments, all optional, {@code key=value}: {@code bytes} (IPv6 packet length, 1400),
 * {@code warmup} and {@code seconds} (per repetition, 1 and 5), {@code reps} (3), {@code flaps}
 * (100) and {@code flapWarmup} (3, not counted).
 */
public final class LabBenchmark {
    private LabBenchmark() {
    }

    /**
     * Runs everything and prints the report to standard output.
     *
     * @param args {@code key=value} settings, see the class description
     */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Map<String, Integer> o = new LinkedHashMap<>(Map.of("bytes", 1400, "warmup", 1, "seconds", 5, "reps", 3,
                "flaps", 100, "flapWarmup", 3));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !o.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown argument " + a + "; expected key=value with key in " + o.keySet());
            }
            o.put(kv[0], Integer.parseInt(kv[1]));
        }
        int bytes = o.get("bytes");
        long warmup = o.get("warmup") * 1000L;
        long seconds = o.get("seconds") * 1000L;
        int reps = o.get("reps");
        if (bytes < 48 || bytes > 1500 || reps < 1 || reps > 20 || seconds < 1000 || seconds > 60_000
                || o.get("flaps") < 1 || o.get("flaps") > 10_000) {
            throw new IllegalArgumentException("out of range: " + o);
        }
        String loadAtStart = load();
        System.err.println("load average at start: " + loadAtStart);

        Map<String, List<LoopBenchmark.Rate>> rates = new LinkedHashMap<>();
        for (String name : List.of("veth UDP baseline", "TUN loop, plain", "TUN loop, vnet header")) {
            rates.put(name, new ArrayList<>());
        }
        // interleaved, so that a change of background load touches every path alike
        for (int r = 0; r < reps; r++) {
            for (String name : rates.keySet()) {
                LoopBenchmark.Loop loop = name.startsWith("veth") ? VethLoopBenchmark.open(bytes)
                        : TunLoopBenchmark.open(name.endsWith("header"), bytes);
                LoopBenchmark.Rate rate = LoopBenchmark.run(loop, warmup, seconds);
                System.err.printf("rep %d %-22s sent %,.0f/s received %,.0f/s CPU µs/packet %.2f sending + %.2f reading,"
                        + " load %s%n", r + 1, name, rate.sent(), rate.received(), rate.senderCpu() / 1e3,
                        rate.readerCpu() / 1e3, load());
                rates.get(name).add(rate);
            }
        }
        CarrierLatencyBenchmark.Result latency = CarrierLatencyBenchmark.run(o.get("flapWarmup"), o.get("flaps"));
        String loadAtEnd = load();

        StringBuilder out = new StringBuilder();
        out.append("Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append('\n');
        out.append("Machine: ").append(machine()).append('\n');
        out.append("Load average (1/5/15 min): ").append(loadAtStart).append(" at start, ").append(loadAtEnd)
                .append(" at end\n");
        out.append(String.format("Settings: %d-byte IPv6/UDP packets, %d repetitions of %d s after %d s warm-up"
                + " (median shown), %d carrier flaps after %d not counted%n%n", bytes, reps, seconds / 1000, warmup / 1000,
                o.get("flaps"), o.get("flapWarmup")));
        out.append("| path | packets/s received | Gbit/s (IPv6 bytes) | of baseline | received, each repetition"
                + " | CPU µs/packet (send + read) | of baseline | packets/s sent | lost |\n");
        out.append("|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
        double baselineCpu = median(rates.get("veth UDP baseline"), LoopBenchmark.Rate::cpuPerPacket);
        double baseline = median(rates.get("veth UDP baseline"), LoopBenchmark.Rate::received);
        for (Map.Entry<String, List<LoopBenchmark.Rate>> e : rates.entrySet()) {
            double received = median(e.getValue(), LoopBenchmark.Rate::received);
            double sent = median(e.getValue(), LoopBenchmark.Rate::sent);
            double lost = median(e.getValue(), r -> 1 - r.received() / r.sent());
            String each = e.getValue().stream().map(r -> String.format("%,.0f", r.received()))
                    .reduce((x, y) -> x + " / " + y).orElse("");
            double cpu = median(e.getValue(), LoopBenchmark.Rate::cpuPerPacket);
            out.append(String.format("| %s | %,.0f | %.2f | %.0f %% | %s | %.2f (%.2f + %.2f) | %.0f %% | %,.0f | %.1f %% |%n",
                    e.getKey(), received, received * bytes * 8 / 1e9, 100 * received / baseline, each, cpu / 1e3,
                    median(e.getValue(), LoopBenchmark.Rate::senderCpu) / 1e3,
                    median(e.getValue(), LoopBenchmark.Rate::readerCpu) / 1e3, 100 * cpu / baselineCpu, sent, 100 * lost));
        }
        long[] l = latency.toListener();
        long[] q = latency.requestDuration();
        out.append("\n| carrier loss to listener | median | p99 | max |\n|---|---:|---:|---:|\n");
        out.append(String.format("| request start to listener (µs) | %.0f | %.0f | %.0f |%n", micros(percentile(l, 50)),
                micros(percentile(l, 99)), micros(l[l.length - 1])));
        out.append(String.format("| setLinkUp(peer, false) call (µs) | %.0f | %.0f | %.0f |%n", micros(percentile(q, 50)),
                micros(percentile(q, 99)), micros(q[q.length - 1])));
        out.append(String.format("%nThe listener saw the carrier loss before setLinkUp returned in %d of %d flaps.%n",
                latency.beforeReturn(), l.length));
        System.out.print(out);
        System.out.flush();
    }

    private static double median(List<LoopBenchmark.Rate> rates, ToDoubleFunction<LoopBenchmark.Rate> f) {
        double[] v = rates.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static long percentile(long[] sorted, double p) {
        return CarrierLatencyBenchmark.Result.percentile(sorted, p);
    }

    private static double micros(long nanos) {
        return nanos / 1e3;
    }

    private static String load() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return String.join(" ", Arrays.copyOf(f, 3));
    }

    private static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(s -> s.startsWith("model name"))
                .findFirst().map(s -> s.substring(s.indexOf(':') + 1).trim()).orElse("unknown CPU");
        return String.format("%s, %d CPUs, Linux %s, Java %s", model, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.version"), System.getProperty("java.version"));
    }
}
