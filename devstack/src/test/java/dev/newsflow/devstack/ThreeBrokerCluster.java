package dev.newsflow.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real three-broker KRaft cluster in this JVM (Apache Kafka's own test kit: three brokers and a controller of
 * their own, so that stopping a broker never touches the metadata quorum), replicated as production is: the
 * consumer offsets and transaction state kept on all three brokers, transactions needing two of them. A broker can
 * be stopped (a controlled shutdown: its leaderships move and it leaves every ISR) and started again on the same
 * port with its log directory intact, as an operator's rolling restart or a lost machine does.
 */
final class ThreeBrokerCluster implements AutoCloseable {
    private final Path baseDirectory;
    private final KafkaClusterTestKit cluster;

    private ThreeBrokerCluster(Path baseDirectory, KafkaClusterTestKit cluster) {
        this.baseDirectory = baseDirectory;
        this.cluster = cluster;
    }

    static ThreeBrokerCluster start() throws Exception {
        // Our own directory (see TestKafka): the kit's default one is deleted by a JVM-exit hook of Kafka's own.
        Path base = Files.createTempDirectory("newsflow-three-brokers");
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setBaseDirectory(base)
                .setCombined(false)
                .setNumBrokerNodes(3)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                .build();
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("transaction.state.log.num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024))
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        }
        return new ThreeBrokerCluster(base, kit);
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    List<Integer> brokerIds() {
        return List.copyOf(cluster.brokers().keySet());
    }

    /** A controlled shutdown of one broker; returns when it is down. */
    void stopBroker(int id) {
        BrokerServer broker = cluster.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** The stopped broker again, same id, port and log directory; it catches up and rejoins the ISRs by itself. */
    void startBroker(int id) {
        cluster.brokers().get(id).startup();
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            try (Stream<Path> paths = Files.walk(baseDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
