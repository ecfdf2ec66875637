package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.platform.config.ConfigLoader;
import dev.newsflow.platform.config.ServiceConfig;
import dev.newsflow.platform.kafka.BoundedRocksDbMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichConfigTest {

    @Test
    void defaults() {
        EnrichConfig config = new EnrichConfig(Map.of());
        assertThat(config.applicationId()).isEqualTo("newsflow-enrich");
        assertThat(config.port()).isEqualTo(8083);
        assertThat(config.dedupeRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.captionSimilarityThreshold()).isEqualTo(0.8);
        assertThat(config.stateDir()).isNotBlank();
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void streamsSettingsForceExactlyOnceOverPassThroughSettings() {
        EnrichConfig config = new EnrichConfig(Map.of("bootstrap.servers", "broker:9092",
                "kafka.processing.guarantee", "at_least_once", "kafka.security.protocol", "SSL",
                "num.stream.threads", "3", "application.id", "enrich-test"));
        Map<String, Object> streams = config.streamsConfig();
        assertThat(streams).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
                .containsEntry("security.protocol", "SSL")
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsKey("schema.registry.url");
        new StreamsConfig(streams);
    }

    @Test
    void streamsProducersBatchWholeCommitsUnlessTheOperatorSaysOtherwise() {
        String batchSize = StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG);
        assertThat(new EnrichConfig(Map.of()).streamsConfig())
                .containsEntry(batchSize, ServiceConfig.PRODUCER_BATCH_BYTES);
        // a batch must fit one request and the topic's max.message.bytes, also with the smallest record limit
        EnrichConfig smallest = new EnrichConfig(Map.of("record.max.bytes", "65536"));
        assertThat(ServiceConfig.PRODUCER_BATCH_BYTES).isLessThanOrEqualTo(smallest.maxRequestBytes());
        assertThatThrownBy(() -> new EnrichConfig(Map.of("record.max.bytes", "65535")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("record.max.bytes");
        Map<String, Object> passedThrough = new EnrichConfig(Map.of("kafka.batch.size", "32768")).streamsConfig();
        assertThat(passedThrough).doesNotContainKey(batchSize).containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "32768");
        assertThat(new StreamsConfig(passedThrough).getProducerConfigs("client").get(ProducerConfig.BATCH_SIZE_CONFIG))
                .isEqualTo("32768");
        assertThat(new StreamsConfig(new EnrichConfig(Map.of()).streamsConfig()).getProducerConfigs("client")
                .get(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(ServiceConfig.PRODUCER_BATCH_BYTES);
    }

    @Test
    void rocksDbStoresShareOneBoundedBudget() {
        Map<String, Object> defaults = new EnrichConfig(Map.of()).streamsConfig();
        assertThat(defaults).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class)
                .containsEntry(BoundedRocksDbMemory.MEMORY_BYTES, 64L * 1024 * 1024);
        assertThat(new EnrichConfig(Map.of("rocksdb.memory.bytes", "33554432")).streamsConfig())
                .containsEntry(BoundedRocksDbMemory.MEMORY_BYTES, 32L * 1024 * 1024);
        assertThatThrownBy(() -> new EnrichConfig(Map.of("rocksdb.memory.bytes", "1000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rocksdb.memory.bytes");
    }

    @Test
    void loadsFromFileEnvironmentAndOverridesInRisingPrecedence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("enrich.properties");
        Files.writeString(file, "enrich.port=9000\napplication.id=from-file\nenrich.dedupe.retention.ms=1000\n");
        ConfigLoader loader = new ConfigLoader(Map.of("NEWSFLOW_ENRICH_PORT", "9001"));

        EnrichConfig config = EnrichConfig.load(loader, file, Map.of("application.id", "from-flag"));

        assertThat(config.port()).isEqualTo(9001);
        assertThat(config.applicationId()).isEqualTo("from-flag");
        assertThat(config.dedupeRetention()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsInvalidValuesNamingTheKey() {
        assertThatThrownBy(() -> new EnrichConfig(Map.of("enrich.port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enrich.port");
        assertThatThrownBy(() -> new EnrichConfig(Map.of("enrich.caption.similarity.threshold", "0.2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enrich.caption.similarity.threshold");
        assertThatThrownBy(() -> new EnrichConfig(Map.of("enrich.dedupe.retention.ms", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enrich.dedupe.retention.ms");
        assertThatThrownBy(() -> new EnrichConfig(Map.of("application.id", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("application.id");
    }

    @Test
    void everyKeyIsDocumented() {
        EnrichConfig.definition().configKeys().values()
                .forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }
}
