package dev.newsflow.testing;

import dev.newsflow.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One real single-node KRaft broker (Apache Kafka's own server code) and one embedded schema
 * registry per test JVM, started on first use and closed when the JVM exits: a start costs
 * seconds, so test classes share them and keep apart by unique topic names and application ids.
 */
public final class TestKafka {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile TestKafka instance;

    private final KafkaClusterTestKit cluster;
    private final EmbeddedSchemaRegistry registry;

    private final Path baseDirectory;

    private TestKafka() throws Exception {
        // Our own directory: the test kit's default one is deleted by Kafka's own JVM-exit hook while
        // our hook may still be closing the broker, which can make the broker halt the JVM (exit 1).
        baseDirectory = Files.createTempDirectory("newsflow-test-kafka");
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setBaseDirectory(baseDirectory)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                .build();
        cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024))
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        registry = EmbeddedSchemaRegistry.start(cluster.bootstrapServers(), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "test-kafka-shutdown"));
    }

    /** The shared broker and registry, started on first call. */
    public static TestKafka get() {
        TestKafka local = instance;
        if (local == null) {
            synchronized (TestKafka.class) {
                local = instance;
                if (local == null) {
                    try {
                        local = new TestKafka();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
                    }
                    instance = local;
                }
            }
        }
        return local;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** A name no other test in this JVM uses, for topics, application ids and groups. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Settings a service config needs to reach this broker and registry. */
    public Map<String, String> serviceSettings() {
        return Map.of("bootstrap.servers", bootstrapServers(), "schema.registry.url", schemaRegistryUrl(),
                "auto.register.schemas", "true", "topic.partitions", "2");
    }

    private void close() {
        try {
            registry.close();
        } catch (RuntimeException ignored) {
            // the JVM is exiting; nothing to report to
        }
        try {
            cluster.close();
        } catch (Exception ignored) {
            // as above
        }
        deleteRecursively(baseDirectory);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
