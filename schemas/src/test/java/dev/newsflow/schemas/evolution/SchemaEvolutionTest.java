package dev.newsflow.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.registry.CompatibilityLevel;
import dev.newsflow.schemas.registry.SchemaCompatibilityChecker;
import dev.newsflow.schemas.topics.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The build-time guard of schema evolution: each current value schema must be
 * {@link CompatibilityLevel#BACKWARD_TRANSITIVE} with every released version of its record
 * (the level {@code newsflow schemas register} holds every subject to), so an incompatible
 * change fails {@code mvn verify} here, naming the field, instead of failing at the registry.
 */
class SchemaEvolutionTest {
    static final CompatibilityLevel LEVEL = CompatibilityLevel.BACKWARD_TRANSITIVE;

    /** Why {@code current} may not follow the released versions; empty when it may. */
    static List<String> evolutionProblems(String subject, Schema current, List<ReleasedSchemas.Released> released) {
        List<String> problems = new ArrayList<>();
        for (ReleasedSchemas.Released old : released) {
            SchemaCompatibilityChecker.incompatibilities(LEVEL, current, List.of(old.schema())).forEach(problem ->
                    problems.add(subject + " (" + current.getFullName() + ") against released v" + old.version()
                            + ": " + problem));
        }
        return problems;
    }

    @Test
    void everyValueSchemaHasAReleasedVersionInTheRepo() {
        Schemas.valueSchemasBySubject().forEach((subject, schema) -> assertThat(ReleasedSchemas.of(schema.getName()))
                .as("%s: copy the released schema of %s to src/test/resources/released/%s/v1.avsc",
                        subject, schema.getFullName(), schema.getName())
                .isNotEmpty());
    }

    @Test
    void everyCurrentSchemaReadsWhatEveryReleasedVersionWrote() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : Schemas.valueSchemasBySubject().entrySet()) {
            problems.addAll(evolutionProblems(entry.getKey(), entry.getValue(),
                    ReleasedSchemas.of(entry.getValue().getName())));
        }
        assertThat(problems).as("incompatible schema changes under " + LEVEL + " (give new fields a default; "
                + "never change a field's type or remove a field that has no default)").isEmpty();
    }

    @Test
    void theReleasedHistoryItselfEvolvedCompatibly() {
        List<String> problems = new ArrayList<>();
        Schemas.valueSchemasBySubject().forEach((subject, schema) -> {
            List<ReleasedSchemas.Released> released = ReleasedSchemas.of(schema.getName());
            for (int i = 1; i < released.size(); i++) {
                problems.addAll(evolutionProblems(subject, released.get(i).schema(), released.subList(0, i)));
            }
        });
        assertThat(problems).isEmpty();
    }

    /** The guard above is only worth something if it fails on a breaking change: show that it does. */
    @Test
    void aNewFieldWithoutADefaultIsCaughtAndNamed() {
        Schema current = Schemas.valueSchemasBySubject().get("articles-dead-letter-value");
        Schema breaking = withRequiredField(current, "retryCount");
        List<String> problems = evolutionProblems("articles-dead-letter-value", breaking,
                ReleasedSchemas.of(current.getName()));
        assertThat(problems).singleElement().asString()
                .contains("released v1").contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("'retryCount'");
    }

    private static Schema withRequiredField(Schema current, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field(name, Schema.create(Schema.Type.INT), "added without a default"));
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }
}
