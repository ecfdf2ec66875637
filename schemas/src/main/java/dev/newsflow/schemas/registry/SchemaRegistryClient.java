package dev.newsflow.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that serializers and tools need.
 * Implementations: {@link RestSchemaRegistryClient} (any Confluent-compatible registry over HTTP),
 * {@link InMemorySchemaRegistryClient} (for {@code mock://} URLs in unit tests) and
 * {@link CachingSchemaRegistryClient} (remembers what never changes). Failures are
 * {@link SchemaRegistryException}s carrying Confluent's {@code error_code}.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (idempotent) and returns its global id; 409 when incompatible. */
    int register(String subject, Schema schema);

    /** The id and version of this exact schema under the subject; 404 (40401/40403) when absent. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The schema with this global id; 404 (40403) when unknown. */
    Schema getById(int id);

    /** The latest version registered under the subject; 404 (40401) when absent. */
    RegisteredSchema getLatest(String subject);

    /** One version of the subject; 404 (40401/40402) when absent. */
    RegisteredSchema getVersion(String subject, int version);

    /** The live versions of the subject, oldest first; 404 (40401) when it has none. */
    List<Integer> versions(String subject);

    /**
     * Why the schema could not be registered next under the subject, in the registry's words
     * (its verbose compatibility test under the subject's level); empty when it could, and
     * when the subject has no versions yet.
     */
    List<String> incompatibilities(String subject, Schema schema);

    /** Whether the schema is compatible with the subject's versions under its configured level. */
    default boolean isCompatible(String subject, Schema schema) {
        return incompatibilities(subject, schema).isEmpty();
    }

    /** Sets the subject's own compatibility level ({@code PUT /config/{subject}}). */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** The level that applies to the subject: its own, else the global one. */
    CompatibilityLevel getCompatibility(String subject);

    /** Subjects that hold at least one live version. */
    List<String> subjects();
}
