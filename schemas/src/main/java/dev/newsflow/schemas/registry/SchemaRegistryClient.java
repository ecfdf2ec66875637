package dev.newsflow.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that serializers and tools need.
 * Implementations: {@link RestSchemaRegistryClient} (any Confluent-compatible registry over HTTP)
 * and {@link InMemorySchemaRegistryClient} (for {@code mock://} URLs in unit tests).
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id and version of this exact schema under the subject; 404 (40401/40403) when absent. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The schema with this global id; 404 (40403) when unknown. */
    Schema getById(int id);

    /** The latest version registered under the subject; 404 (40401) when absent. */
    RegisteredSchema getLatest(String subject);

    /** Whether the schema is compatible with the subject's versions under its configured level. */
    boolean isCompatible(String subject, Schema schema);

    /** Subjects that hold at least one live version. */
    List<String> subjects();
}
