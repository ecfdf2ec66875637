package dev.newsflow.bench.jmh;

import dev.newsflow.bench.report.Spread;
import dev.newsflow.bench.report.TextTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * JMH results as newsflow reports them: per benchmark and parameters, the score (operations/s)
 * as median and min–max over forks, and the derived figures (words/s for enrichment,
 * bytes/record for the serdes, items/s for feeds).
 */
public record JmhReport(List<Row> rows, JmhOptions options) {

    /**
     * @param secondary per-fork secondary results (e.g. {@code words}, {@code bytes}) as spreads, per second
     * @param perOperation secondary result divided by the score, fork by fork (e.g. bytes per record)
     */
    public record Row(String benchmark, String method, Map<String, String> params, Spread score, String unit,
                      Map<String, Spread> secondary, Map<String, Spread> perOperation) {
    }

    static JmhReport from(Collection<RunResult> results, JmhOptions options) {
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            BenchmarkParams params = run.getParams();
            String fullName = params.getBenchmark();
            int lastDot = fullName.lastIndexOf('.');
            String method = fullName.substring(lastDot + 1);
            String className = fullName.substring(0, lastDot);
            String benchmark = className.substring(className.lastIndexOf('.') + 1);
            Map<String, String> paramValues = new LinkedHashMap<>();
            for (String key : params.getParamsKeys()) {
                paramValues.put(key, params.getParam(key));
            }
            List<Double> scores = new ArrayList<>();
            Map<String, List<Double>> secondary = new LinkedHashMap<>();
            Map<String, List<Double>> perOperation = new LinkedHashMap<>();
            String unit = run.getPrimaryResult().getScoreUnit();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                double score = fork.getPrimaryResult().getScore();
                scores.add(score);
                for (Map.Entry<String, Result> entry : fork.getSecondaryResults().entrySet()) {
                    double value = entry.getValue().getScore();
                    secondary.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(value);
                    perOperation.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                            .add(score == 0 ? Double.NaN : value / score);
                }
            }
            Map<String, Spread> secondarySpreads = new LinkedHashMap<>();
            secondary.forEach((key, values) -> secondarySpreads.put(key, Spread.of(values)));
            Map<String, Spread> perOperationSpreads = new LinkedHashMap<>();
            perOperation.forEach((key, values) -> perOperationSpreads.put(key, Spread.of(values)));
            rows.add(new Row(benchmark, method, paramValues, Spread.of(scores), unit, secondarySpreads,
                    perOperationSpreads));
        }
        rows.sort(Comparator.comparing(Row::benchmark).thenComparing(Row::method)
                .thenComparing(r -> r.params().toString()));
        return new JmhReport(List.copyOf(rows), options);
    }

    public List<Row> rows(String benchmark) {
        return rows.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }

    /** One Markdown table per benchmark class, figures as median (min–max) over forks. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("JMH: ").append(options.forks() == 0 ? "in-process (smoke, not a measurement)"
                        : options.forks() + " fork(s)")
                .append(", warm-up ").append(options.warmupIterations()).append(" x ").append(options.warmupTime().toMillis())
                .append(" ms, measurement ").append(options.measurementIterations()).append(" x ")
                .append(options.measurementTime().toMillis()).append(" ms, 1 thread; median (min\u2013max) over forks\n\n");
        List<String> benchmarks = rows.stream().map(Row::benchmark).distinct().toList();
        for (String benchmark : benchmarks) {
            out.append("### ").append(benchmark).append("\n\n");
            TextTable table = switch (benchmark) {
                case "EnrichmentBenchmark", "CleanupBenchmark", "EntityRecognitionBenchmark" -> enrichmentTable(rows(benchmark));
                case "AvroSerdeBenchmark" -> serdeTable(rows(benchmark));
                case "FeedRenderingBenchmark" -> feedTable(rows(benchmark));
                case "FeedPageReadBenchmark" -> feedPageReadTable(rows(benchmark));
                case "HostileHtmlBenchmark" -> hostileHtmlTable(rows(benchmark));
                case "IngestNormaliseBenchmark" -> ingestNormaliseTable(rows(benchmark));
                default -> genericTable(rows(benchmark));
            };
            out.append(table).append('\n');
            if (benchmark.equals("AvroSerdeBenchmark")) {
                out.append(serdeComparison(rows(benchmark)));
            }
        }
        return out.toString();
    }

    private static TextTable enrichmentTable(List<Row> rows) {
        TextTable table = new TextTable("step", "length", "articles/s (1 core)", "words/s (1 core)",
                "CPU µs per article", "articles per CPU-second");
        for (Row row : rows) {
            Spread cpu = row.perOperation().get("cpuNanos");
            table.row(row.method(), row.params().getOrDefault("length", ""), row.score().format(0),
                    row.secondary().containsKey("words") ? row.secondary().get("words").format(0) : "n/a",
                    cpuMicros(row), cpu == null ? "n/a" : cpu.reciprocal(1e9).format(0));
        }
        return table;
    }

    private static TextTable serdeTable(List<Row> rows) {
        TextTable table = new TextTable("operation", "length", "records/s (1 core)", "bytes/record", "MB/s");
        for (Row row : rows) {
            Spread bytes = row.secondary().get("bytes");
            table.row(row.method(), row.params().getOrDefault("length", ""), row.score().format(0),
                    row.perOperation().containsKey("bytes") ? row.perOperation().get("bytes").format(0) : "n/a",
                    bytes == null ? "n/a" : bytes.times(1e-6).format(1));
        }
        return table;
    }

    /** Avro against JSON on the same records: size and speed ratios of the medians. */
    private static String serdeComparison(List<Row> rows) {
        Map<String, Row> byMethod = new LinkedHashMap<>();
        rows.forEach(row -> byMethod.put(row.method(), row));
        Row avroOut = byMethod.get("avroSerialize");
        Row jsonOut = byMethod.get("jsonSerialize");
        Row avroIn = byMethod.get("avroDeserialize");
        Row jsonIn = byMethod.get("jsonDeserialize");
        if (avroOut == null || jsonOut == null || avroIn == null || jsonIn == null
                || !avroOut.perOperation().containsKey("bytes") || !jsonOut.perOperation().containsKey("bytes")) {
            return "";
        }
        return String.format(java.util.Locale.ROOT,
                "Avro vs JSON (medians): records are %.0f %% of the JSON size; serialize %.1fx, deserialize %.1fx "
                        + "the JSON records/s.%n%n",
                100 * avroOut.perOperation().get("bytes").median() / jsonOut.perOperation().get("bytes").median(),
                avroOut.score().median() / jsonOut.score().median(), avroIn.score().median() / jsonIn.score().median());
    }

    private static TextTable feedTable(List<Row> rows) {
        TextTable table = new TextTable("format", "page", "items/feed", "feeds/s (1 core)", "items/s (1 core)",
                "bytes/feed");
        for (Row row : rows) {
            boolean live = row.method().equals("renderAfterOneNewItem");
            int items = live ? FeedRenderingBenchmark.LivePage.PAGE_ITEMS : FeedRenderingBenchmark.ITEMS;
            table.row(row.params().getOrDefault("format", ""), live ? "after one new item, cached" : "no cache",
                    items, row.score().format(0), row.score().times(items).format(0),
                    row.perOperation().containsKey("bytes") ? row.perOperation().get("bytes").format(0) : "n/a");
        }
        return table;
    }

    private static TextTable feedPageReadTable(List<Row> rows) {
        TextTable table = new TextTable("step (100-item page after one new article; partner read)", "format",
                "ops/s (1 core)", "µs per op", "CPU µs per op");
        for (Row row : rows) {
            table.row(row.method(), row.params().getOrDefault("format", ""), row.score().format(0),
                    String.format(java.util.Locale.ROOT, "%.1f", 1e6 / row.score().median()), cpuMicros(row));
        }
        return table;
    }

    /** The benchmark thread's CPU µs per operation ({@link CpuCounter}), or n/a for benchmarks without it. */
    private static String cpuMicros(Row row) {
        Spread cpu = row.perOperation().get("cpuNanos");
        return cpu == null ? "n/a" : cpu.times(1e-3).format(1);
    }

    private static TextTable ingestNormaliseTable(List<Row> rows) {
        TextTable table = new TextTable("POST body (~500 words)", "bodies/s (1 core)", "µs per body", "CPU µs per body");
        for (Row row : rows) {
            table.row(row.params().getOrDefault("shape", ""), row.score().format(0),
                    String.format(java.util.Locale.ROOT, "%.1f", 1e6 / row.score().median()), cpuMicros(row));
        }
        return table;
    }

    private static TextTable hostileHtmlTable(List<Row> rows) {
        TextTable table = new TextTable("shape (2 MiB page)", "pages/s (1 core)", "ms per page");
        for (Row row : rows) {
            table.row(row.params().getOrDefault("shape", ""), row.score().format(1),
                    String.format(java.util.Locale.ROOT, "%.0f", 1000 / row.score().median()));
        }
        return table;
    }

    private static TextTable genericTable(List<Row> rows) {
        TextTable table = new TextTable("benchmark", "params", "ops/s (1 core)", "secondary per op");
        for (Row row : rows) {
            StringBuilder secondary = new StringBuilder();
            row.perOperation().forEach((key, spread) -> secondary.append(key).append('=').append(spread.format(0)).append(' '));
            table.row(row.method(), row.params().toString(), row.score().format(0), secondary.toString().strip());
        }
        return table;
    }
}
