package dev.newsflow.registry;

import dev.newsflow.schemas.registry.CompatibilityLevel;

/**
 * What one record of the {@code _schemas} topic says. A {@code null} subject in the config
 * records means the global setting. Records of kinds this registry does not know (Confluent
 * writes NOOP, MODE, DELETE_SUBJECT, ...) decode to {@link Ignored}.
 */
sealed interface SchemaLogRecord {

    /** A version of a subject, live or soft-deleted. */
    record SchemaVersion(StoredSchema schema) implements SchemaLogRecord {
    }

    /** A permanently deleted version (a tombstone for its key). */
    record SchemaVersionRemoved(String subject, int version) implements SchemaLogRecord {
    }

    record ConfigSet(String subject, CompatibilityLevel level) implements SchemaLogRecord {
    }

    record ConfigRemoved(String subject) implements SchemaLogRecord {
    }

    /**
     * The highest id ever handed out, written before versions are permanently deleted so that
     * a registry rebuilt from the compacted topic never hands the same id out again.
     */
    record IdFloor(int maxId) implements SchemaLogRecord {
    }

    record Ignored(String why) implements SchemaLogRecord {
    }
}
