package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.testing.TestKafka;
import dev.newsflow.schemas.registry.CompatibilityLevel;
import dev.newsflow.schemas.registry.RestSchemaRegistryClient;
import dev.newsflow.schemas.registry.SchemaRegistration;
import dev.newsflow.schemas.registry.SchemaRegistrationException;
import dev.newsflow.schemas.topics.Schemas;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code newsflow schemas register} against a registry of its own (own store topic, so levels do not leak). */
class SchemaRegistrationIT {
    private EmbeddedSchemaRegistry registry;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start(TestKafka.get().bootstrapServers(),
                TestKafka.unique("_schemas-registration"), "127.0.0.1", 0);
        http = new RegistryHttp(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registersEverySubjectUnderBackwardTransitiveAndIsIdempotent() {
        List<SchemaRegistration.Result> first = SchemaRegistration.forUrl(registry.url()).registerAll();
        assertThat(first).extracting(SchemaRegistration.Result::subject)
                .containsExactlyElementsOf(Schemas.valueSchemasBySubject().keySet());
        assertThat(first).allSatisfy(result -> {
            assertThat(result.version()).isEqualTo(1);
            assertThat(result.level()).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
            assertThat(http.get("/config/" + result.subject()).json().get("compatibilityLevel").asText())
                    .isEqualTo("BACKWARD_TRANSITIVE");
            assertThat(http.get("/subjects/" + result.subject() + "/versions/1").json().get("id").asInt())
                    .isEqualTo(result.id());
        });
        assertThat(first).extracting(SchemaRegistration.Result::id).doesNotHaveDuplicates();

        assertThat(SchemaRegistration.forUrl(registry.url()).registerAll()).isEqualTo(first);
    }

    @Test
    void anIncompatibleSchemaFailsTheRunWithTheRegistrysMessageAndNothingIsRegistered() {
        Schema foreign = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"ArticleSubmitted\","
                + "\"namespace\":\"dev.newsflow.schema\",\"fields\":[{\"name\":\"legacy\",\"type\":\"string\"}]}");
        new RestSchemaRegistryClient(registry.url()).register("articles-submitted-value", foreign);

        assertThatThrownBy(() -> SchemaRegistration.forUrl(registry.url()).registerAll())
                .isInstanceOf(SchemaRegistrationException.class)
                .hasMessageContaining("articles-submitted-value")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("articleId")
                .satisfies(e -> assertThat(((SchemaRegistrationException) e).problemsBySubject())
                        .containsOnlyKeys("articles-submitted-value"));
        assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"articles-submitted-value\"]");
        assertThat(http.get("/subjects/articles-submitted-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void aDryRunAnswersForEverySubjectJudgesAsARealRunWouldAndChangesNothing() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        Schema v1 = record("{\"name\":\"a\",\"type\":\"string\"}");
        Schema v2 = record("");
        Schema candidate = record("{\"name\":\"a\",\"type\":\"int\",\"default\":0}");
        client.register("x-value", v1);
        client.register("x-value", v2);
        assertThat(client.isCompatible("x-value", candidate)).as("plain BACKWARD only looks at v2").isTrue();

        Map<String, List<String>> problems = SchemaRegistration.forUrl(registry.url())
                .check(Map.of("x-value", candidate, "fresh-value", v1));
        assertThat(problems.get("fresh-value")).isEmpty();
        assertThat(problems.get("x-value")).as("BACKWARD_TRANSITIVE also holds it against v1")
                .anySatisfy(m -> assertThat(m).contains("TYPE_MISMATCH"));
        assertThat(http.get("/config/x-value").errorCode()).as("a dry run sets no level").isEqualTo(40408);
        assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"x-value\"]");
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"X\",\"fields\":[" + fields + "]}");
    }

    @Test
    void aSubjectAlreadyHeldToFullTransitiveStaysThere() {
        http.put("/config/articles-enriched-value", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
        Map<String, CompatibilityLevel> levels = new java.util.HashMap<>();
        SchemaRegistration.forUrl(registry.url()).registerAll().forEach(r -> levels.put(r.subject(), r.level()));
        assertThat(levels.get("articles-enriched-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(levels.get("articles-submitted-value")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(http.get("/config/articles-enriched-value").json().get("compatibilityLevel").asText())
                .isEqualTo("FULL_TRANSITIVE");
    }
}
