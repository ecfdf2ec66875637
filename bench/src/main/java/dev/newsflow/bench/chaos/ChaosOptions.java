package dev.newsflow.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One chaos run.
 *
 * @param articles       articles posted, each until ingest accepts it
 * @param kills          SIGKILLs of the enrich process (each followed by a restart)
 * @param brokerRestarts stops and starts of the broker while the load runs
 * @param concurrency    publishers posting at once
 * @param settle         how long, after the load, the pipeline may take to carry every accepted article through
 * @param dataDir        where the broker and the state stores keep their data (a new temporary one when null)
 */
public record ChaosOptions(int articles, int kills, int brokerRestarts, int concurrency, Duration settle, Path dataDir) {
    public ChaosOptions {
        if (articles < 1 || kills < 0 || brokerRestarts < 0 || concurrency < 1) {
            throw new IllegalArgumentException("articles and concurrency at least 1, kills and restarts at least 0");
        }
    }
}
