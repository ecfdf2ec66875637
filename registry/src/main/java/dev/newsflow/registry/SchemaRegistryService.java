package dev.newsflow.registry;

import dev.newsflow.schemas.registry.CompatibilityLevel;
import dev.newsflow.schemas.registry.SchemaCompatibilityChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the registry does, independent of HTTP: the operations of Confluent's REST API over
 * the state rebuilt from the {@code _schemas} log.
 *
 * <p>Writes (register, delete, config) are serialised by one lock per instance and follow the
 * same steps: read the log to its end, decide against that state, append one record, wait
 * until the reader thread has applied it, then answer from the state. The id of a new schema
 * is the id it already has anywhere in the registry, or one more than the highest id ever
 * seen. So two concurrent registrations of one schema in one instance get one id (the second
 * finds the first), and in two instances they write the same record (same key, same id, same
 * version), which the log accepts once. When two instances race with different schemas, the
 * log order decides: every instance applies the same rules to the same order and rejects the
 * later proposal (see {@link RegistryState}); the loser sees its record was not accepted,
 * re-writes the winner's record under that key so compaction keeps the winner, and retries.
 */
final class SchemaRegistryService {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryService.class);
    private static final int MAX_ATTEMPTS = 5;

    private final RegistryState state;
    private final KafkaSchemaLog log;
    private final SchemaLogCodec codec;
    private final Object writeLock = new Object();

    SchemaRegistryService(RegistryState state, KafkaSchemaLog log, SchemaLogCodec codec) {
        this.state = state;
        this.log = log;
        this.codec = codec;
    }

    /** Registers the schema under the subject, or returns the version that already holds it. */
    StoredSchema register(String subject, String schemaText, String schemaType) {
        AvroSchemaText parsed = AvroSchemaText.parse(schemaText, schemaType);
        synchronized (writeLock) {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                log.syncToEnd();
                Optional<StoredSchema> existing = liveVersionOf(subject, parsed.canonical());
                if (existing.isPresent()) {
                    return existing.get();
                }
                List<String> problems = SchemaCompatibilityChecker.incompatibilities(
                        effectiveLevel(subject), parsed.schema(), liveSchemas(subject));
                if (!problems.isEmpty()) {
                    throw RegistryError.incompatible(subject, problems);
                }
                int id = state.idOf(parsed.canonical()).orElse(state.maxId() + 1);
                StoredSchema proposal = new StoredSchema(subject, state.maxVersion(subject) + 1, id,
                        parsed.canonical(), false);
                write(new SchemaLogRecord.SchemaVersion(proposal));
                Optional<StoredSchema> atKey = state.version(subject, proposal.version());
                if (atKey.isPresent() && atKey.get().sameRegistration(proposal)) {
                    return atKey.get();
                }
                LOG.info("registration of {} version {} lost a race with another registry instance; retrying",
                        subject, proposal.version());
                atKey.ifPresent(winner -> write(new SchemaLogRecord.SchemaVersion(winner)));
            }
        }
        throw RegistryError.timeout("registration under " + subject + " kept conflicting with other writers");
    }

    /** The version of the subject that holds this schema. */
    StoredSchema lookup(String subject, String schemaText, String schemaType, boolean includeDeleted) {
        AvroSchemaText parsed = AvroSchemaText.parse(schemaText, schemaType);
        return caughtUp(() -> {
            List<StoredSchema> versions = state.versions(subject, includeDeleted);
            if (versions.isEmpty()) {
                throw RegistryError.subjectNotFound(subject);
            }
            return versions.stream().filter(v -> v.schema().equals(parsed.canonical()))
                    .reduce((first, second) -> second)
                    .orElseThrow(RegistryError::schemaNotFound);
        });
    }

    /** The schema text with this id, held by any subject version (soft-deleted ones too). */
    String schemaById(int id) {
        return caughtUp(() -> usesOf(id).get(0).schema());
    }

    /** Every subject version that uses the id. */
    List<StoredSchema> usesOf(int id) {
        return caughtUp(() -> {
            List<StoredSchema> uses = state.usesOf(id);
            if (uses.isEmpty()) {
                throw RegistryError.schemaIdNotFound(id);
            }
            return uses;
        });
    }

    int maxId() {
        return state.maxId();
    }

    List<String> subjects(boolean includeDeleted, String prefix) {
        List<String> subjects = new ArrayList<>(state.subjects(includeDeleted));
        if (prefix != null && !prefix.isEmpty()) {
            subjects.removeIf(s -> !s.startsWith(prefix));
        }
        return subjects;
    }

    /** Every live version of every subject (GET /schemas). */
    List<StoredSchema> allLiveVersions() {
        List<StoredSchema> all = new ArrayList<>();
        state.subjects(false).forEach(s -> all.addAll(state.versions(s, false)));
        return all;
    }

    List<Integer> versions(String subject, boolean includeDeleted) {
        return caughtUp(() -> {
            List<StoredSchema> versions = state.versions(subject, includeDeleted);
            if (versions.isEmpty()) {
                throw RegistryError.subjectNotFound(subject);
            }
            return versions.stream().map(StoredSchema::version).toList();
        });
    }

    StoredSchema version(String subject, String versionId, boolean includeDeleted) {
        int requested = VersionId.parse(versionId);
        return caughtUp(() -> find(subject, requested, versionId, includeDeleted));
    }

    private StoredSchema find(String subject, int requested, String versionId, boolean includeDeleted) {
        List<StoredSchema> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        if (requested == VersionId.LATEST) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == requested).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(versionId));
    }

    /** Soft-deletes every live version, or permanently removes a soft-deleted subject. */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        synchronized (writeLock) {
            log.syncToEnd();
            List<StoredSchema> all = state.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryError.subjectNotFound(subject);
            }
            List<StoredSchema> live = all.stream().filter(v -> !v.deleted()).toList();
            List<Integer> deleted = new ArrayList<>();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw RegistryError.subjectNotSoftDeleted(subject);
                }
                write(new SchemaLogRecord.IdFloor(state.maxId()));
                for (StoredSchema version : all) {
                    write(new SchemaLogRecord.SchemaVersionRemoved(subject, version.version()));
                    deleted.add(version.version());
                }
                if (state.subjectLevel(subject).isPresent()) {
                    write(new SchemaLogRecord.ConfigRemoved(subject));
                }
                return deleted;
            }
            if (live.isEmpty()) {
                throw RegistryError.subjectSoftDeleted(subject);
            }
            for (StoredSchema version : live) {
                write(new SchemaLogRecord.SchemaVersion(version.markedDeleted()));
                deleted.add(version.version());
            }
            return deleted;
        }
    }

    /** Soft-deletes one version, or permanently removes a soft-deleted one. */
    int deleteVersion(String subject, String versionId, boolean permanent) {
        int requested = VersionId.parse(versionId);
        synchronized (writeLock) {
            log.syncToEnd();
            // a numbered version is found even when soft-deleted, to answer 40406 rather than 40402
            StoredSchema version = find(subject, requested, versionId, permanent || requested != VersionId.LATEST);
            if (permanent) {
                if (!version.deleted()) {
                    throw RegistryError.versionNotSoftDeleted(subject, version.version());
                }
                write(new SchemaLogRecord.IdFloor(state.maxId()));
                write(new SchemaLogRecord.SchemaVersionRemoved(subject, version.version()));
            } else {
                if (version.deleted()) {
                    throw RegistryError.versionSoftDeleted(subject, version.version());
                }
                write(new SchemaLogRecord.SchemaVersion(version.markedDeleted()));
            }
            return version.version();
        }
    }

    /**
     * Why the schema may not be registered next under the subject: against one version
     * ({@code versionId}) or, when {@code versionId} is null, against all live versions,
     * under the subject's level. Empty when compatible.
     */
    List<String> testCompatibility(String subject, String versionId, String schemaText, String schemaType) {
        AvroSchemaText parsed = AvroSchemaText.parse(schemaText, schemaType);
        CompatibilityLevel level = effectiveLevel(subject);
        List<Schema> against = new ArrayList<>();
        if (versionId == null) {
            state.versions(subject, false).forEach(v -> against.add(parse(v)));
        } else {
            int requested = VersionId.parse(versionId);
            if (requested == VersionId.LATEST && level.transitive()) {
                List<StoredSchema> versions = caughtUp(() -> {
                    List<StoredSchema> live = state.versions(subject, false);
                    if (live.isEmpty()) {
                        throw RegistryError.subjectNotFound(subject);
                    }
                    return live;
                });
                versions.forEach(v -> against.add(parse(v)));
            } else {
                against.add(parse(version(subject, versionId, false)));
            }
        }
        List<String> problems = new ArrayList<>(SchemaCompatibilityChecker.incompatibilities(
                level, parsed.schema(), against));
        if (!problems.isEmpty()) {
            problems.add("{compatibility: '" + level + "'}");
        }
        return problems;
    }

    CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).or(state::globalLevel).orElse(CompatibilityLevel.DEFAULT);
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(CompatibilityLevel.DEFAULT);
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return caughtUpOptional(() -> state.subjectLevel(subject));
    }

    void setLevel(String subjectOrNull, CompatibilityLevel level) {
        synchronized (writeLock) {
            write(new SchemaLogRecord.ConfigSet(subjectOrNull, level));
        }
    }

    /** Removes the subject's own level and returns it. */
    CompatibilityLevel deleteSubjectLevel(String subject) {
        synchronized (writeLock) {
            log.syncToEnd();
            Optional<CompatibilityLevel> old = state.subjectLevel(subject);
            if (old.isEmpty()) {
                if (state.versions(subject, true).isEmpty()) {
                    throw RegistryError.subjectNotFound(subject);
                }
                throw RegistryError.subjectLevelCompatibilityNotConfigured(subject);
            }
            write(new SchemaLogRecord.ConfigRemoved(subject));
            return old.get();
        }
    }

    /** Resets the global level to the default and returns the one it replaced. */
    CompatibilityLevel deleteGlobalLevel() {
        synchronized (writeLock) {
            log.syncToEnd();
            CompatibilityLevel old = globalLevel();
            write(new SchemaLogRecord.ConfigRemoved(null));
            return old;
        }
    }

    private void write(SchemaLogRecord record) {
        log.awaitApplied(log.append(codec.encode(record)));
    }

    private Optional<StoredSchema> liveVersionOf(String subject, String canonical) {
        return state.versions(subject, false).stream().filter(v -> v.schema().equals(canonical)).findFirst();
    }

    private List<Schema> liveSchemas(String subject) {
        return state.versions(subject, false).stream().map(SchemaRegistryService::parse).toList();
    }

    private static Schema parse(StoredSchema stored) {
        return new Schema.Parser().parse(stored.schema());
    }

    /**
     * Answers from the local state, and when that says "not found", reads the log to its end
     * once and asks again: another instance may have just written what the caller is asking for.
     */
    private <T> T caughtUp(Supplier<T> query) {
        try {
            return query.get();
        } catch (RegistryError e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            log.syncToEnd();
            return query.get();
        }
    }

    private <T> Optional<T> caughtUpOptional(Supplier<Optional<T>> query) {
        Optional<T> found = query.get();
        if (found.isPresent()) {
            return found;
        }
        log.syncToEnd();
        return query.get();
    }
}
