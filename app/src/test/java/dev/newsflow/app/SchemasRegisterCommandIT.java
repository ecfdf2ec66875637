package dev.newsflow.app;

import static dev.newsflow.app.NewsflowCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.app.NewsflowCliTest.Run;
import dev.newsflow.registry.EmbeddedSchemaRegistry;
import dev.newsflow.schemas.topics.Schemas;
import dev.newsflow.testing.TestKafka;
import org.junit.jupiter.api.Test;

/** {@code newsflow schemas register} against a registry of its own on the in-JVM broker. */
class SchemasRegisterCommandIT {

    @Test
    void schemasRegisterRegistersEverySubjectAndADryRunThenFindsThemCompatible() {
        TestKafka kafka = TestKafka.get();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(),
                TestKafka.unique("_schemas-cli"), "127.0.0.1", 0)) {
            Run registered = run("schemas", "register", "--schema-registry-url", registry.url());
            assertThat(registered.exit()).as(registered.err()).isZero();
            for (String subject : Schemas.valueSchemasBySubject().keySet()) {
                assertThat(registered.out()).containsPattern(subject + " +id \\d+ +version 1 +BACKWARD_TRANSITIVE");
            }

            Run checked = run("schemas", "register", "--dry-run", "--schema-registry-url", registry.url());
            assertThat(checked.exit()).isZero();
            assertThat(checked.out()).contains("compatible").doesNotContain("INCOMPATIBLE");
        }
    }
}
