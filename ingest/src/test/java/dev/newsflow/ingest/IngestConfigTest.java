package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.platform.config.ConfigLoader;
import dev.newsflow.platform.config.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsNeedNoKeyAndGiveNone() {
        IngestConfig config = new IngestConfig(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.apiKeys().size()).isZero();
        assertThat(config.apiKeysFile()).isNull();
        assertThat(config.maxBodyBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(config.produceTimeoutMs()).isEqualTo(10_000);
        assertThat(config.sections()).contains("News", "Sport");
    }

    @Test
    void theProducerBatchesSeveralArticlesUnlessTheOperatorSaysOtherwise() {
        assertThat(new IngestConfig(Map.of()).producerConfig())
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, ServiceConfig.PRODUCER_BATCH_BYTES);
        assertThat(new IngestConfig(Map.of("kafka.batch.size", "32768")).producerConfig())
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "32768");
        assertThat(new IngestConfig(Map.of("ingest.producer.batch.size", "65536")).producerConfig())
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
    }

    @Test
    void fileThenEnvironmentThenOverrides() throws Exception {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, "ingest.port=9000\ningest.max.body.bytes=4096\ningest.api.keys=acme:from-file-123\n");
        ConfigLoader loader = new ConfigLoader(Map.of("NEWSFLOW_INGEST_PORT", "9001",
                "NEWSFLOW_INGEST_API_KEYS", "acme:from-env-1234,demo:demo-key-000"));

        IngestConfig config = IngestConfig.load(loader, file, Map.of("ingest.port", "9002"));

        assertThat(config.port()).isEqualTo(9002);
        assertThat(config.maxBodyBytes()).isEqualTo(4096);
        assertThat(config.apiKeys().publisherFor("from-env-1234")).contains("acme");
        assertThat(config.apiKeys().publisherFor("demo-key-000")).contains("demo");
        assertThat(config.apiKeys().publisherFor("from-file-123")).isEmpty();
    }

    @Test
    void invalidValuesAreRefusedAtStart() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("ingest.port", "70000"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new IngestConfig(Map.of("ingest.max.body.bytes", "10"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> new IngestConfig(Map.of("ingest.api.keys", "nocolon")))
                .hasMessageContaining("ingest.api.keys");
    }

    @Test
    void theKeysAreNotPrintedWithTheConfig() {
        IngestConfig config = new IngestConfig(Map.of("ingest.api.keys", "acme:top-secret-key"));
        assertThat(config.values().toString()).doesNotContain("top-secret-key");
    }
}
