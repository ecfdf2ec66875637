package dev.newsflow.bench.feeds;

import dev.newsflow.bench.report.Spread;
import dev.newsflow.bench.report.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * All wrk runs of one {@code newsflow bench feeds}: per feed and response kind, syndicator vs nginx, and the
 * unmeasured warm-up runs before them.
 */
public record FeedsReport(FeedsOptions options, List<Warmup> warmups, List<Measurement> measurements) {

    public FeedsReport {
        warmups = List.copyOf(warmups);
        measurements = List.copyOf(measurements);
    }

    /** An unmeasured run on the syndicator before the measured ones (shown so that the JIT's cost stays visible). */
    public record Warmup(String feed, FeedsBenchmark.Response response, WrkResult syndicator) {
    }

    /**
     * @param syndicatorCpuMicros CPU of the syndicator's process per answer in this run (NaN when its process
     *                            was not given)
     * @param nginxCpuMicros      CPU of nginx's master and workers per answer in the nginx run
     */
    public record Measurement(String feed, int bytes, String contentType, FeedsBenchmark.Response response, int run,
                              WrkResult syndicator, WrkResult nginx, double syndicatorCpuMicros,
                              double nginxCpuMicros) {
        /** Syndicator requests/s as a share of nginx's in the same run. */
        public double ratio() {
            return nginx.requestsPerSecond() > 0 ? syndicator.requestsPerSecond() / nginx.requestsPerSecond() : Double.NaN;
        }

        /** nginx's CPU per answer as a share of the syndicator's: the throughput ratio if CPU were all that mattered. */
        public double cpuRatio() {
            return nginxCpuMicros / syndicatorCpuMicros;
        }
    }

    public List<Measurement> measurements(String feed, FeedsBenchmark.Response response) {
        return measurements.stream().filter(m -> m.feed().equals(feed) && m.response() == response).toList();
    }

    /** Median over runs of the syndicator/nginx ratio for one feed and response kind. */
    public Spread ratio(String feed, FeedsBenchmark.Response response) {
        return spread(measurements(feed, response), Measurement::ratio);
    }

    /**
     * True when both servers completed requests in every run, answered nothing but 2xx/3xx and had no socket
     * errors.
     */
    public boolean clean() {
        return measurements.stream().allMatch(m -> m.syndicator().requests() > 0 && m.nginx().requests() > 0
                && m.syndicator().non2xx3xx() == 0 && m.nginx().non2xx3xx() == 0
                && m.syndicator().socketErrors() == 0 && m.nginx().socketErrors() == 0);
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "Feeds: wrk -t%d -c%d -d%ds --latency, %d run(s) per row interleaved syndicator/nginx, "
                        + "nginx with %d worker(s) serving the same bytes from disk; no gzip; median (min\u2013max)%n%n",
                options.threads(), options.connections(), options.duration().toSeconds(), options.runs(),
                options.nginxWorkers()));
        if (!warmups.isEmpty()) {
            String runs = warmups.stream().map(warmup -> String.format(Locale.ROOT, "%s %s %,.0f req/s", warmup.feed(),
                    warmup.response() == FeedsBenchmark.Response.FULL_200 ? "200" : "304",
                    warmup.syndicator().requestsPerSecond())).collect(Collectors.joining("; "));
            out.append(String.format(Locale.ROOT, "Warm-up before the measured runs, not in the table: %d s of the "
                    + "same load on the syndicator per row (its JIT compiles the serving paths): %s.%n%n",
                    options.warmup().toSeconds(), runs));
        }
        boolean cpu = measurements.stream().anyMatch(m -> !Double.isNaN(m.syndicatorCpuMicros()));
        if (cpu) {
            out.append("CPU per answer: user + system time of the syndicator's process (in a demo, the broker and the "
                    + "other services share it) and of nginx's master and workers, read from the OS before and after "
                    + "each run, over the answers wrk completed; wrk's own CPU is in neither.\n\n");
        }
        TextTable table = cpu
                ? new TextTable("feed", "bytes", "response", "syndicator req/s", "nginx req/s", "syndicator / nginx",
                        "CPU µs/answer syndicator", "CPU µs/answer nginx", "CPU nginx / syndicator", "p99 ms syndicator",
                        "p99 ms nginx", "errors")
                : new TextTable("feed", "bytes", "response", "syndicator req/s", "nginx req/s", "syndicator / nginx",
                        "p99 ms syndicator", "p99 ms nginx", "errors");
        List<String> feeds = measurements.stream().map(Measurement::feed).distinct().toList();
        for (String feed : feeds) {
            for (FeedsBenchmark.Response response : FeedsBenchmark.Response.values()) {
                List<Measurement> rows = measurements(feed, response);
                if (rows.isEmpty()) {
                    continue;
                }
                long errors = rows.stream().mapToLong(m -> m.syndicator().non2xx3xx() + m.nginx().non2xx3xx()
                        + m.syndicator().socketErrors() + m.nginx().socketErrors()).sum();
                List<Object> cells = new ArrayList<>(List.of(feed, rows.get(0).bytes(),
                        response == FeedsBenchmark.Response.FULL_200 ? "200" : "304",
                        spread(rows, m -> m.syndicator().requestsPerSecond()).format(1),
                        spread(rows, m -> m.nginx().requestsPerSecond()).format(0),
                        spread(rows, m -> 100 * m.ratio()).format(1) + " %"));
                if (cpu) {
                    cells.addAll(List.of(spread(rows, Measurement::syndicatorCpuMicros).format(1),
                            spread(rows, Measurement::nginxCpuMicros).format(1),
                            spread(rows, m -> 100 * m.cpuRatio()).format(1) + " %"));
                }
                cells.addAll(List.of(spread(rows, m -> m.syndicator().p99Millis()).format(2),
                        spread(rows, m -> m.nginx().p99Millis()).format(2), errors));
                table.row(cells.toArray());
            }
        }
        return out.append(table).toString();
    }

    private static Spread spread(List<Measurement> rows, ToDoubleFunction<Measurement> figure) {
        return Spread.of(rows.stream().mapToDouble(figure).toArray());
    }
}
