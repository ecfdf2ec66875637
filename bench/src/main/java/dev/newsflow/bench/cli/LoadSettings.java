package dev.newsflow.bench.cli;

import dev.newsflow.bench.corpus.CorpusMix;
import dev.newsflow.bench.e2e.LoadOptions;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How much load, at what pace, how often: the options {@code e2e} and {@code e2e-local} share. */
final class LoadSettings {
    @Option(names = "--articles", defaultValue = "2000", description = "Articles per run (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", defaultValue = "0",
            description = "Articles per second, open loop; 0 = closed loop at max (default).")
    double rate;

    @Option(names = "--concurrency", defaultValue = "32",
            description = "Requests in flight, closed loop (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--runs", defaultValue = "3",
            description = "Runs; the report gives the median and min–max (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "300",
            description = "Articles posted (and awaited) before each run, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--drain-s", defaultValue = "60",
            description = "Seconds to wait after the last answer for everything to arrive (default: ${DEFAULT-VALUE}).")
    long drainSeconds;

    @Option(names = "--feed-poll-ms", defaultValue = "50",
            description = "How often the feed is polled, in ms (default: ${DEFAULT-VALUE}).")
    long feedPollMillis;

    @Option(names = "--no-baseline", description = "Skip the raw Kafka baseline.")
    boolean noBaseline;

    @Option(names = "--batch", defaultValue = "1",
            description = "Articles per request: 1 = one POST /v1/articles each (default); N > 1 = NDJSON POST "
                    + "/v1/articles:batch of N lines (implies --json-only; --concurrency counts batches).")
    int batch;

    @Option(names = "--json-only", description = "Every article in the JSON shape (the realistic mix's lengths, "
            + "duplicates and updates), to compare single POSTs with --batch on the same kind of articles.")
    boolean jsonOnly;

    @Option(names = "--latency-trace", paramLabel = "FILE", description = "Write every measured POST's timings "
            + "to FILE, a line each (tab-separated: run, sequence, status, version, start as wall-clock ms, then ms "
            + "to the answer, to articles-enriched and to the feed), to set beside the pipeline's GC log.")
    Path latencyTrace;

    @Option(names = "--seed", description = "Corpus seed (default: from the clock; the report names it).")
    Long seed;

    LoadOptions.Builder applyTo(LoadOptions.Builder builder) {
        builder.articles(articles).rate(rate).concurrency(concurrency).runs(runs).warmupArticles(warmup)
                .drainTimeout(Duration.ofSeconds(drainSeconds)).feedPollInterval(Duration.ofMillis(feedPollMillis))
                .rawBaseline(!noBaseline).batchSize(batch).latencyTrace(latencyTrace);
        if (jsonOnly || batch > 1) {
            builder.mix(CorpusMix.realisticJsonOnly());
        }
        if (seed != null) {
            builder.seed(seed);
        }
        return builder;
    }
}
