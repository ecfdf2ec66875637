package dev.newsflow.schemas.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers ids and schemas: a registered id never changes meaning, so the hot path of a
 * serializer asks the registry once per (subject, schema) and a deserializer once per id.
 * Latest-version answers are not cached, since a new version may arrive at any time.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final Map<Schema, Map<String, Integer>> idsBySchemaAndSubject = new ConcurrentHashMap<>();
    private final Map<Schema, Map<String, RegisteredSchema>> lookups = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySchemaAndSubject
                .computeIfAbsent(schema, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(subject, s -> {
                    int id = delegate.register(subject, schema);
                    schemasById.putIfAbsent(id, schema);
                    return id;
                });
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return lookups
                .computeIfAbsent(schema, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(subject, s -> {
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
    public boolean isCompatible(String subject, Schema schema) {
        return delegate.isCompatible(subject, schema);
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }
}
