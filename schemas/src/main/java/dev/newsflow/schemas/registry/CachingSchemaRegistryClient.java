package dev.newsflow.schemas.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers what a registry never changes: the id of a schema under a subject, and the schema
 * of an id. The hot path of a serializer then asks the registry once per (subject, schema) and
 * a deserializer once per id. Latest versions, version lists, levels and compatibility answers
 * are not cached, since they change whenever someone registers or reconfigures.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final Map<String, Map<Schema, Integer>> registeredIds = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, RegisteredSchema>> lookups = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return registeredIds.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    int id = delegate.register(subject, schema);
                    schemasById.putIfAbsent(id, schema);
                    return id;
                });
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return lookups.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    RegisteredSchema found = delegate.lookup(subject, schema);
                    schemasById.putIfAbsent(found.id(), found.schema());
                    return found;
                });
    }

    @Override
    public Schema getById(int id) {
        return schemasById.computeIfAbsent(id, delegate::getById);
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        RegisteredSchema latest = delegate.getLatest(subject);
        schemasById.putIfAbsent(latest.id(), latest.schema());
        return latest;
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        RegisteredSchema found = delegate.getVersion(subject, version);
        schemasById.putIfAbsent(found.id(), found.schema());
        return found;
    }

    @Override
    public List<Integer> versions(String subject) {
        return delegate.versions(subject);
    }

    @Override
    public List<String> incompatibilities(String subject, Schema schema) {
        return delegate.incompatibilities(subject, schema);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        delegate.setCompatibility(subject, level);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        return delegate.getCompatibility(subject);
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }
}
