package dev.newsflow.bench.e2e;

import dev.newsflow.bench.memory.CpuComponent;
import dev.newsflow.bench.memory.HeapHistogram;
import dev.newsflow.bench.report.Spread;
import dev.newsflow.bench.report.TextTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/** All runs of one {@code newsflow bench e2e}, printable as the tables BENCHMARKS.md carries. */
public record LoadReport(LoadOptions options, List<LoadRunResult> runs, Memory memory) {

    /**
     * @param peakRssBytes largest RSS sampled during the runs (warm-up included)
     * @param highWaterMarkBytes the kernel's VmHWM at the end (since the process started)
     * @param heap the live heap after a full GC at the end, by part, or null when jcmd failed
     */
    public record Memory(long pid, long peakRssBytes, long highWaterMarkBytes, long samples, HeapHistogram heap) {
    }

    /**
     * True when every run's exactly-once count check passed and no feed document carried an item twice. Items
     * never seen in the feed are reported but do not fail the run: a capped feed can drop an item before a poll.
     */
    public boolean allChecksPassed() {
        return runs.stream().allMatch(r -> r.countCheck().passed()
                && (r.feedCheck() == null || r.feedCheck().repeatedItems() == 0));
    }

    public Spread spread(ToDoubleFunction<LoadRunResult> figure) {
        return Spread.of(runs.stream().mapToDouble(figure).toArray());
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        LoadRunResult first = runs.get(0);
        out.append("End-to-end: ").append(runs.size()).append(" run(s) of ").append(options.articles())
                .append(options.batchSize() > 1 ? " articles in NDJSON batches of " + options.batchSize()
                        + " (POST /v1/articles:batch; in flight counts batches)" : " POSTs")
                .append(", ").append(options.closedLoop()
                        ? "closed loop with " + options.concurrency() + " in flight"
                        : String.format(Locale.ROOT, "open loop at %.0f articles/s (at most %d in flight)",
                                options.rate(), options.concurrency()))
                .append(", warm-up ").append(options.warmupArticles()).append(" POSTs; figures are median (min\u2013max) over runs\n");
        out.append("Corpus seeds: ").append(runs.stream().map(r -> Long.toString(r.seed())).toList())
                .append(" (base seed ").append(options.seed()).append("; run r uses base \u00d7 1000 + r)\n");
        out.append("Mix per run: ").append(first.plannedKinds()).append(", shapes ").append(first.plannedShapes())
                .append(String.format(Locale.ROOT, ", mean body %.0f bytes\n\n", first.payloadBytesMean()));

        TextTable throughput = new TextTable("figure", "value");
        throughput.row("POSTs answered 202 per s", spread(LoadRunResult::postThroughput).format(0));
        throughput.row("articles enriched per s (POST start \u2192 last on articles-enriched)",
                spread(LoadRunResult::enrichedThroughput).format(0));
        if (runs.stream().anyMatch(r -> r.baseline() != null)) {
            throughput.row("raw Kafka records per s (same sizes, same broker)",
                    spread(r -> r.baseline() == null ? Double.NaN : r.baseline().throughput()).format(0));
            throughput.row("pipeline / raw Kafka", spread(r -> 100 * r.throughputRatio()).format(1) + " %");
        }
        out.append("### Throughput\n\n").append(throughput).append('\n');
        if (runs.stream().anyMatch(r -> r.cpu() != null)) {
            out.append(cpuText());
        }
        if (runs.stream().anyMatch(r -> r.allocation() != null)) {
            out.append(allocationText());
        }
        if (runs.stream().anyMatch(r -> r.brokerRequests() != null)) {
            out.append(brokerRequestsText());
        }

        TextTable latency = new TextTable("latency (ms)", "n", "p50", "p90", "p99", "p99.9", "max");
        latencyRow(latency, "POST \u2192 answer", LoadRunResult::postLatency);
        latencyRow(latency, "POST \u2192 on articles-enriched", LoadRunResult::enrichedLatency);
        if (first.feedLatency() != null) {
            latencyRow(latency, "POST \u2192 visible in feed (poll " + options.feedPollInterval().toMillis() + " ms)",
                    LoadRunResult::feedLatency);
        }
        if (runs.stream().anyMatch(r -> r.baseline() != null)) {
            latencyRow(latency, "raw Kafka send \u2192 consumed", r -> r.baseline() == null ? null : r.baseline().latency());
        }
        out.append("### Latency\n\n").append(latency).append('\n');

        TextTable checks = new TextTable("run", "posts", "202", "200 (repeat)", "errors", "count check", "feed check");
        for (int i = 0; i < runs.size(); i++) {
            LoadRunResult run = runs.get(i);
            LoadRunResult.CountCheck count = run.countCheck();
            LoadRunResult.FeedCheck feed = run.feedCheck();
            Map<Integer, Long> errors = new TreeMap<>(run.statusCounts());
            errors.remove(200);
            errors.remove(202);
            checks.row(i + 1, run.posts(), run.accepted(), run.repeats(),
                    errors.isEmpty() ? "0" : errors.toString().replace("0=", "no answer="),
                    (count.passed() ? "PASS" : "FAIL") + String.format(Locale.ROOT,
                            ": %d/%d exactly once, %d missing, %d duplicated, %d unexpected",
                            count.arrivedOnce(), count.expected(), count.missing(), count.duplicated(), count.unexpected()),
                    feed == null ? "not watched" : (feed.passed() ? "all seen" : "NOT ALL SEEN") + String.format(Locale.ROOT,
                            ": %d/%d seen, %d repeated items, %d polls, %d poll errors",
                            feed.seen(), feed.expected(), feed.repeatedItems(), feed.polls(), feed.errors()));
        }
        out.append("### Errors and the exactly-once count check\n\n").append(checks)
                .append("\nFeed check: first versions seen in the partner's feed; the feed keeps only its newest items, so at")
                .append(" high rates an item can leave it between two polls (not a loss: the count check is on the topic).\n\n");

        if (memory != null) {
            TextTable mem = new TextTable("memory of pid " + memory.pid(), "MiB");
            mem.row("peak RSS sampled under load (" + memory.samples() + " samples)", mib(memory.peakRssBytes()));
            mem.row("VmHWM (peak RSS since start)", mib(memory.highWaterMarkBytes()));
            if (memory.heap() != null) {
                mem.row("live heap after full GC at the end (jcmd GC.class_histogram)", mib(memory.heap().liveBytes()));
                // The largest classes say what the heap holds; who holds it a class histogram cannot tell (heap
                // per service: `bench heap`).
                memory.heap().largestClasses().stream().limit(3)
                        .forEach(row -> mem.row("  largest class: " + row.className(), mib(row.bytes())));
            }
            out.append("### Memory\n\n").append(mem).append('\n');
        }
        return out.toString();
    }

    /** The heap the pipeline's threads allocated per accepted article, by component. */
    private String allocationText() {
        return "### Heap allocated by the pipeline process\n\n"
                + componentTable("KB allocated per accepted article", LoadRunResult::allocatedKbPerArticle, 1, 0.5)
                + "\nFrom each thread's allocated bytes (JMX, java.lang:type=Threading) over the same span as the CPU"
                + " above, divided by the accepted versions; threads that ended within the run are missing. Allocation"
                + " sets how often the young generation is collected and how much survives to be promoted; like the"
                + " broker's request counts, it holds when other work shares the machine.\n\n";
    }

    /** One row per component whose figure reaches {@code shownFrom} in some run, with its share, then the total. */
    private TextTable componentTable(String figure, BiFunction<LoadRunResult, CpuComponent, Double> perArticle,
                                     int digits, double shownFrom) {
        TextTable table = new TextTable("component (threads of pid " + options.pipelinePid() + ")", figure, "share");
        Spread total = spread(r -> perArticle.apply(r, null));
        for (CpuComponent component : CpuComponent.values()) {
            Spread value = spread(r -> perArticle.apply(r, component));
            if (value.runs() > 0 && value.max() >= shownFrom) {
                table.row(component.description(), value.format(digits),
                        Spread.Numbers.format(100 * value.median() / total.median(), 0) + " %");
            }
        }
        table.row("whole process", total.format(digits), "100 %");
        return table;
    }

    /** The broker's requests per accepted article by kind, most frequent first. */
    private String brokerRequestsText() {
        Map<String, Spread> byKind = new TreeMap<>();
        runs.stream().filter(r -> r.brokerRequests() != null)
                .flatMap(r -> r.brokerRequests().byRequest().keySet().stream()).distinct()
                .forEach(kind -> byKind.put(kind, spread(r -> r.brokerRequestsPerArticle(kind))));
        TextTable table = new TextTable("Kafka broker requests (pid " + options.pipelinePid() + ")",
                "per accepted article");
        byKind.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue().median(), a.getValue().median()))
                .forEach(kind -> table.row(kind.getKey(), kind.getValue().format(3)));
        table.row("all requests", spread(r -> r.brokerRequestsPerArticle(null)).format(3));
        return "### Kafka broker requests\n\n" + table + "\nFrom the broker's own request meters (JMX) over the same"
                + " span as the CPU above; they include the load generator's one consumer of articles-enriched. The"
                + " broker's CPU follows its requests more than its bytes; unlike CPU time, this count holds when other"
                + " work shares the machine.\n\n";
    }

    /**
     * Where the pipeline process's CPU went, per accepted article: a figure that holds when the machine is shared,
     * and the ceiling it implies (all cores for the pipeline alone, no load generator).
     */
    private String cpuText() {
        TextTable table = componentTable("CPU ms per accepted article", LoadRunResult::cpuMillisPerArticle, 2, 0.005);
        Spread total = spread(r -> r.cpuMillisPerArticle(null));
        int cores = Runtime.getRuntime().availableProcessors();
        return "### CPU of the pipeline process\n\n" + table
                + String.format(Locale.ROOT, "%nFrom /proc/<pid>/task/*/stat between a run's first POST and its last arrival"
                        + " (raw-Kafka baseline excluded), divided by the accepted versions (repeats answered 200 are in the"
                        + " CPU, not the count). At %s ms per article, the pipeline alone on all %d cores could move at most"
                        + " ~%s articles/s; the load generator shared those cores here%s.%n%n",
                        total.format(2), cores, Spread.Numbers.format(cores * 1000 / total.median(), 0),
                        generatorCpuText());
    }

    /** The generator's own CPU per article, when it ran in a process of its own. */
    private String generatorCpuText() {
        Spread generator = spread(LoadRunResult::generatorCpuMillisPerArticle);
        return Double.isNaN(generator.median()) ? "" : ", using " + generator.format(2)
                + " ms of CPU per accepted article in its own process (posting, watching the topic, polling the feed)";
    }

    private void latencyRow(TextTable table, String name, java.util.function.Function<LoadRunResult, LatencySummary> pick) {
        ToDoubleFunction<LoadRunResult> count = r -> pick.apply(r) == null ? Double.NaN : pick.apply(r).count();
        table.row(name, spread(count).format(0),
                spread(r -> value(pick.apply(r), LatencySummary::p50)).format(1),
                spread(r -> value(pick.apply(r), LatencySummary::p90)).format(1),
                spread(r -> value(pick.apply(r), LatencySummary::p99)).format(1),
                spread(r -> value(pick.apply(r), LatencySummary::p999)).format(1),
                spread(r -> value(pick.apply(r), LatencySummary::max)).format(1));
    }

    private static double value(LatencySummary summary, ToDoubleFunction<LatencySummary> field) {
        return summary == null ? Double.NaN : field.applyAsDouble(summary);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", bytes / 1048576.0);
    }
}
