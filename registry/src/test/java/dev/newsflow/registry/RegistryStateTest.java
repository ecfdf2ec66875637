package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.registry.CompatibilityLevel;
import org.junit.jupiter.api.Test;

/**
 * The rules every instance applies to the log, in log order. They are what makes a race
 * between two instances end the same way everywhere: the first record wins, later conflicting
 * ones are rejected by every reader.
 */
class RegistryStateTest {
    private final RegistryState state = new RegistryState();

    private boolean put(String subject, int version, int id, String schema) {
        return state.apply(new SchemaLogRecord.SchemaVersion(new StoredSchema(subject, version, id, schema, false)));
    }

    @Test
    void theFirstProposalForAVersionWinsAndALaterDifferentOneIsRejected() {
        assertThat(put("s", 1, 1, "A")).isTrue();
        assertThat(put("s", 1, 2, "B")).as("same key, different schema").isFalse();
        assertThat(state.version("s", 1)).get().extracting(StoredSchema::schema).isEqualTo("A");
        assertThat(put("s", 1, 1, "A")).as("the same record again (two instances, one schema)").isTrue();
        assertThat(state.versions("s", true)).hasSize(1);
    }

    @Test
    void anIdNamesOneSchemaOnlyAndASchemaHasOneIdOnly() {
        assertThat(put("s1", 1, 5, "A")).isTrue();
        assertThat(put("s2", 1, 5, "B")).as("id 5 is A's").isFalse();
        assertThat(put("s2", 1, 6, "A")).as("A is id 5").isFalse();
        assertThat(put("s2", 1, 5, "A")).as("A under another subject keeps its id").isTrue();
        assertThat(state.usesOf(5)).extracting(StoredSchema::subject).containsExactly("s1", "s2");
    }

    @Test
    void aSubjectHoldsALiveSchemaOnceAndVersionsOnlyGrow() {
        assertThat(put("s", 1, 1, "A")).isTrue();
        assertThat(put("s", 2, 1, "A")).isFalse();
        assertThat(put("s", 3, 2, "B")).isTrue();
        assertThat(put("s", 2, 3, "C")).as("below the latest version").isFalse();
        assertThat(state.maxVersion("s")).isEqualTo(3);
    }

    @Test
    void softDeleteRewritesTheVersionAndPermanentDeleteRemovesItButNotTheIdHighWaterMark() {
        put("s", 1, 7, "A");
        assertThat(state.apply(new SchemaLogRecord.SchemaVersion(new StoredSchema("s", 1, 7, "A", true)))).isTrue();
        assertThat(state.versions("s", false)).isEmpty();
        assertThat(state.versions("s", true)).singleElement().extracting(StoredSchema::deleted).isEqualTo(true);
        assertThat(put("s", 2, 7, "A")).as("a soft-deleted schema may come back as a new version").isTrue();

        state.apply(new SchemaLogRecord.IdFloor(7));
        state.apply(new SchemaLogRecord.SchemaVersionRemoved("s", 1));
        state.apply(new SchemaLogRecord.SchemaVersionRemoved("s", 2));
        assertThat(state.subjects(true)).isEmpty();
        assertThat(state.maxId()).isEqualTo(7);

        RegistryState rebuiltAfterCompaction = new RegistryState();
        rebuiltAfterCompaction.apply(new SchemaLogRecord.IdFloor(7));
        assertThat(rebuiltAfterCompaction.maxId()).as("compaction removed the versions, not the floor").isEqualTo(7);
    }

    @Test
    void configIsSetAndRemovedGloballyAndPerSubject() {
        state.apply(new SchemaLogRecord.ConfigSet(null, CompatibilityLevel.FULL));
        state.apply(new SchemaLogRecord.ConfigSet("s", CompatibilityLevel.NONE));
        assertThat(state.globalLevel()).contains(CompatibilityLevel.FULL);
        assertThat(state.subjectLevel("s")).contains(CompatibilityLevel.NONE);
        state.apply(new SchemaLogRecord.ConfigRemoved("s"));
        state.apply(new SchemaLogRecord.ConfigRemoved(null));
        assertThat(state.subjectLevel("s")).isEmpty();
        assertThat(state.globalLevel()).isEmpty();
    }
}
