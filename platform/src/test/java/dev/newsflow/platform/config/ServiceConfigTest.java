package dev.newsflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {

    static final class ExampleConfig extends ServiceConfig {
        ExampleConfig(Map<?, ?> settings) {
            super(ServiceConfig.commonDefinition(), settings);
        }
    }

    @Test
    void defaultsAreUsableAsTheyAre() {
        ExampleConfig config = new ExampleConfig(Map.of());
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        assertThat(config.topicReplicationFactor()).isEqualTo((short) 1);
        assertThat(config.serdeConfig()).containsEntry("auto.register.schemas", false);
    }

    @Test
    void producersMayCarryARecordOfTheLimitWithItsFramingAndNoLess() {
        ExampleConfig config = new ExampleConfig(Map.of("record.max.bytes", "500000"));
        assertThat(config.recordMaxBytes()).isEqualTo(500_000);
        assertThat(config.maxRequestBytes()).isEqualTo(500_000 + ServiceConfig.RECORD_FRAMING_BYTES);
        assertThat(new ExampleConfig(Map.of()).recordMaxBytes())
                .as("the default fits Kafka's own 1 MiB producer and broker defaults with its framing")
                .isLessThanOrEqualTo(1_048_576 - ServiceConfig.RECORD_FRAMING_BYTES);
        assertThatThrownBy(() -> new ExampleConfig(Map.of("kafka.max.request.size", "100000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.max.request.size")
                .hasMessageContaining("record.max.bytes");
    }

    @Test
    void bootstrapServersAreAListJoinedForClients() {
        ExampleConfig config = new ExampleConfig(Map.of("bootstrap.servers", "a:1, b:2"));
        assertThat(config.bootstrapServers()).isEqualTo("a:1,b:2");
        assertThat(config.kafkaClientConfig()).containsEntry("bootstrap.servers", "a:1,b:2");
    }

    @Test
    void serdeSettingsUnderConfluentNamesReachTheSerdes() {
        ExampleConfig config = new ExampleConfig(Map.of("use.latest.version", "true",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy",
                "topic.partitions", "4"));
        assertThat(config.serdeConfig())
                .containsEntry("use.latest.version", "true")
                .containsEntry("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy")
                .doesNotContainKey("topic.partitions");
    }

    @Test
    void invalidValuesAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> new ExampleConfig(Map.of("topic.partitions", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.partitions");
        assertThatThrownBy(() -> new ExampleConfig(Map.of("bootstrap.servers", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bootstrap.servers");
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newsflow.properties");
        Files.writeString(file, "topic.partitions=3\ntopic.replication.factor=2\nschema.registry.url=http://file:1\n");
        ConfigLoader loader = new ConfigLoader(Map.of(
                "NEWSFLOW_TOPIC_PARTITIONS", "9",
                "NEWSFLOW_SCHEMA_REGISTRY_URL", "http://env:1",
                "NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SSL",
                "UNRELATED", "x"));
        Map<String, Object> settings = loader.load(ServiceConfig.commonDefinition(), file,
                Map.of("schema.registry.url", "http://flag:1"));
        ExampleConfig config = new ExampleConfig(settings);

        assertThat(config.topicReplicationFactor()).isEqualTo((short) 2);
        assertThat(config.topicPartitions()).isEqualTo(9);
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://flag:1");
        assertThat(config.kafkaClientConfig()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void environmentNamesFollowTheKey() {
        assertThat(ConfigLoader.envName("schema.registry.url")).isEqualTo("NEWSFLOW_SCHEMA_REGISTRY_URL");
        assertThat(ConfigLoader.envName("ingest.api-keys")).isEqualTo("NEWSFLOW_INGEST_API_KEYS");
    }
}
