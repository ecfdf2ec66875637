package dev.newsflow.app.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data, which ports it listens on (0 = any free port, except Kafka's),
 * and settings passed to every service (the stack's own choices win).
 */
public record LocalStackSettings(Path dataDir, String host, int kafkaPort, int controllerPort, int registryPort,
                                 int ingestPort, int enrichPort, int syndicatePort, int topicPartitions,
                                 String publisherKey, String adminToken, Map<String, String> serviceSettings) {
    public LocalStackSettings {
        serviceSettings = Map.copyOf(serviceSettings);
    }
}
