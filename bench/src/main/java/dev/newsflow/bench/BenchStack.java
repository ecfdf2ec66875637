package dev.newsflow.bench;

import dev.newsflow.bench.e2e.LoadOptions;
import dev.newsflow.devstack.DevStack;
import dev.newsflow.devstack.DevStackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pipeline the benchmarks start in their own JVM (when {@code newsflow demo} cannot run, and for the heap
 * probe): {@link DevStack} on loopback, free ports, a bench publisher with the rate limit off and a partner
 * reading everything.
 */
public final class BenchStack {
    public static final String PUBLISHER = "bench";
    public static final String API_KEY = "bench-local-key-0001";
    public static final String PARTNER = "bench";

    private BenchStack() {
    }

    public static DevStackSettings settings(Path dataDir, int partitions) {
        return DevStackSettings.builder(dataDir)
                .topicPartitions(partitions)
                .publisher(PUBLISHER, API_KEY)
                .partner(PARTNER, "Bench partner", "all")
                .serviceSetting("ingest.rate.limit.per.minute", "0")
                .build();
    }

    /** The whole pipeline, 6 partitions, data in a new temporary directory. */
    public static DevStack start() {
        try {
            return DevStack.start(settings(Files.createTempDirectory("newsflow-bench-local"), 6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Load options aimed at a stack: its ingest, publisher key, broker, registry and the partner's JSON feed. */
    public static LoadOptions.Builder loadAgainst(DevStack stack) {
        return LoadOptions.builder().ingestUrl(URI.create(stack.ingestUrl())).apiKey(stack.publisherKey())
                .bootstrapServers(stack.bootstrapServers()).schemaRegistryUrl(stack.schemaRegistryUrl())
                .feedUrl(URI.create(stack.feedUrl("json"))).feedToken(stack.partnerToken());
    }
}
