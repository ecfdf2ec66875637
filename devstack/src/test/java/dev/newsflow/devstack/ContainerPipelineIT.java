package dev.newsflow.devstack;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same scenario as {@link WalkingSkeletonEndToEndIT}, against the real thing a cluster
 * runs: Apache Kafka's image and Confluent's Schema Registry. Skipped, with Testcontainers'
 * reason, where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIT {
    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1")
            .withNetwork(NETWORK)
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> SCHEMA_REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.1")
            .withNetwork(NETWORK)
            .dependsOn(KAFKA)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    @Test
    void aSeedShapedArticleReachesThePartnersFeedsOnKafkaAndConfluentSchemaRegistry(@TempDir Path state)
            throws Exception {
        String registryUrl = "http://" + SCHEMA_REGISTRY.getHost() + ":" + SCHEMA_REGISTRY.getMappedPort(8081);
        try (PipelineScenario scenario = new PipelineScenario(KAFKA.getBootstrapServers(), registryUrl, state)) {
            scenario.seedShapedArticleReachesThePartnersFeedsClean();
        }
    }
}
