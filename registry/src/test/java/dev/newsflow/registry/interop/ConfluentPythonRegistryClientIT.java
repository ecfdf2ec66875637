package dev.newsflow.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.testing.TestKafka;
import dev.newsflow.schemas.registry.RestSchemaRegistryClient;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confluent's own registry clients (Python, confluent-kafka 1.7: {@code SchemaRegistryClient}
 * and the legacy {@code CachedSchemaRegistryClient}) register, look up, read by id and
 * version, list, test compatibility, set config and delete against our registry. The script
 * checks each answer as Confluent's client parsed it; this test then checks that what the
 * Python client was told agrees with what the registry holds.
 */
class ConfluentPythonRegistryClientIT {
    private EmbeddedSchemaRegistry registry;

    @BeforeEach
    void start() {
        ExternalTools.requireConfluentPython();
        // A registry of its own: the script changes the global compatibility level.
        registry = EmbeddedSchemaRegistry.start(TestKafka.get().bootstrapServers(),
                TestKafka.unique("_schemas-python"), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void confluentsPythonClientsWorkAgainstOurRegistry() throws Exception {
        ExternalTools.Run run = ExternalTools.run(Duration.ofSeconds(120), ExternalTools.PYTHON,
                ExternalTools.resource("registry_client_check.py").toString(), registry.url(), "py");
        assertThat(run.exitCode()).as(run.describe()).isZero();

        JsonNode seen = new ObjectMapper().readTree(run.stdoutLines().get(run.stdoutLines().size() - 1));
        RestSchemaRegistryClient ours = new RestSchemaRegistryClient(registry.url());
        assertThat(ours.getById(seen.get("id1").asInt()).getField("headline")).isNotNull();
        assertThat(seen.get("id2").asInt()).isNotEqualTo(seen.get("id1").asInt());
        assertThat(seen.get("incompatible_message").asText()).contains("wordCount");
        assertThat(ours.subjects()).contains("py-legacy-value").doesNotContain("py-story-value");
        assertThat(ours.getCompatibility("py-legacy-value").name()).isEqualTo("FORWARD");
        assertThat(ours.getLatest("py-legacy-value").schema())
                .isEqualTo(new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Story\",\"namespace\":\"interop\","
                        + "\"fields\":[{\"name\":\"headline\",\"type\":\"string\"}]}"));
    }
}
