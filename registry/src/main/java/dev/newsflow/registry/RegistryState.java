package dev.newsflow.registry;

import dev.newsflow.schemas.registry.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry's contents as rebuilt from the {@code _schemas} log, one record at a time in
 * log order. {@link #apply} is deterministic: every instance reading the same log accepts and
 * rejects the same records, which is what lets several instances share one topic without a
 * leader. A schema record is rejected when it conflicts with what is already there: its
 * (subject, version) holds a different schema, its id names a different schema, its schema
 * already has a different id, or the subject already holds the same schema live.
 */
final class RegistryState {
    private final Map<String, TreeMap<Integer, StoredSchema>> subjects = new HashMap<>();
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    /** Applies one log record; returns whether it changed or confirmed the state. */
    synchronized boolean apply(SchemaLogRecord record) {
        if (record instanceof SchemaLogRecord.SchemaVersion put) {
            return put(put.schema());
        }
        if (record instanceof SchemaLogRecord.SchemaVersionRemoved removed) {
            TreeMap<Integer, StoredSchema> versions = subjects.get(removed.subject());
            if (versions == null || versions.remove(removed.version()) == null) {
                return false;
            }
            if (versions.isEmpty()) {
                subjects.remove(removed.subject());
            }
            return true;
        }
        if (record instanceof SchemaLogRecord.ConfigSet set) {
            if (set.subject() == null) {
                globalLevel = set.level();
            } else {
                subjectLevels.put(set.subject(), set.level());
            }
            return true;
        }
        if (record instanceof SchemaLogRecord.ConfigRemoved removed) {
            if (removed.subject() == null) {
                globalLevel = null;
            } else {
                subjectLevels.remove(removed.subject());
            }
            return true;
        }
        if (record instanceof SchemaLogRecord.IdFloor floor) {
            maxId = Math.max(maxId, floor.maxId());
            return true;
        }
        return false;
    }

    private boolean put(StoredSchema candidate) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(candidate.subject());
        StoredSchema existing = versions == null ? null : versions.get(candidate.version());
        if (existing != null) {
            if (!existing.sameRegistration(candidate)) {
                return false;
            }
            versions.put(candidate.version(), candidate); // soft delete (or a repeated write)
            return true;
        }
        if (versions != null && !versions.isEmpty() && candidate.version() <= versions.lastKey()) {
            return false;
        }
        String bound = schemaById.get(candidate.id());
        if (bound != null && !bound.equals(candidate.schema())) {
            return false;
        }
        Integer boundId = idBySchema.get(candidate.schema());
        if (boundId != null && boundId != candidate.id()) {
            return false;
        }
        if (!candidate.deleted() && versions != null && versions.values().stream()
                .anyMatch(v -> !v.deleted() && v.schema().equals(candidate.schema()))) {
            return false;
        }
        subjects.computeIfAbsent(candidate.subject(), s -> new TreeMap<>()).put(candidate.version(), candidate);
        schemaById.put(candidate.id(), candidate.schema());
        idBySchema.put(candidate.schema(), candidate.id());
        maxId = Math.max(maxId, candidate.id());
        return true;
    }

    /** Versions of a subject, oldest first; soft-deleted ones only when asked. */
    synchronized List<StoredSchema> versions(String subject, boolean includeDeleted) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        List<StoredSchema> found = new ArrayList<>();
        if (versions != null) {
            versions.values().stream().filter(v -> includeDeleted || !v.deleted()).forEach(found::add);
        }
        return found;
    }

    synchronized Optional<StoredSchema> version(String subject, int version) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }

    /** The highest version number the subject holds, soft-deleted ones included; 0 when none. */
    synchronized int maxVersion(String subject) {
        TreeMap<Integer, StoredSchema> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    synchronized List<String> subjects(boolean includeDeleted) {
        List<String> names = new ArrayList<>();
        new TreeSet<>(subjects.keySet()).forEach(subject -> {
            if (includeDeleted || subjects.get(subject).values().stream().anyMatch(v -> !v.deleted())) {
                names.add(subject);
            }
        });
        return names;
    }

    /** Every subject version that uses the id, soft-deleted ones included. */
    synchronized List<StoredSchema> usesOf(int id) {
        List<StoredSchema> uses = new ArrayList<>();
        new TreeSet<>(subjects.keySet()).forEach(subject ->
                subjects.get(subject).values().stream().filter(v -> v.id() == id).forEach(uses::add));
        return uses;
    }

    synchronized Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idBySchema.get(canonicalSchema));
    }

    synchronized int maxId() {
        return maxId;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }
}
