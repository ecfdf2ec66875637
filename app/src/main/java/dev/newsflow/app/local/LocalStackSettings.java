package dev.newsflow.app.local;

import java.nio.file.Path;

/** Where the local stack keeps its data and which ports it listens on (0 = any free port, except Kafka's). */
public record LocalStackSettings(Path dataDir, String host, int kafkaPort, int controllerPort, int registryPort,
                                 int ingestPort, int enrichPort, int syndicatePort, int topicPartitions,
                                 String publisherKey, String adminToken) {
}
