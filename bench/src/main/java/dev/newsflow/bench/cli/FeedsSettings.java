package dev.newsflow.bench.cli;

import dev.newsflow.bench.feeds.FeedsOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long and how hard wrk runs: the options {@code feeds} and {@code feeds-local} share. */
final class FeedsSettings {
    @Option(names = "--runs", defaultValue = "3", description = "Runs per measurement (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = {"--duration-s", "--duration"}, defaultValue = "2",
            description = "Seconds per run (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--warmup-s", defaultValue = "2", description = "Seconds of unmeasured load on the syndicator "
            + "for each feed and response before the measured runs, so that they do not pay for its JIT "
            + "(default: ${DEFAULT-VALUE}; 0: none).")
    long warmupSeconds;

    @Option(names = "--connections", description = "wrk's open connections (default: 32, on 2 threads).")
    Integer connections;

    FeedsOptions applyTo(FeedsOptions options) {
        FeedsOptions set = options.withRuns(runs).withDuration(Duration.ofSeconds(seconds))
                .withWarmup(Duration.ofSeconds(warmupSeconds));
        return connections == null ? set : set.withConnections(connections, Math.min(2, connections));
    }
}
