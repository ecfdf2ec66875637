package dev.newsflow.schemas.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry inside the JVM, addressed as {@code mock://scope} like Confluent's mock registry,
 * so topology unit tests run the real serde without a server. Compatibility is BACKWARD
 * against the latest version, decided by Avro's own {@link SchemaCompatibility}.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> byId = new LinkedHashMap<>();
    private final Map<String, Integer> idByCanonical = new LinkedHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();

    /** The shared instance for a {@code mock://scope} URL. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    /** Forgets a scope, so the next test starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        String canonical = schema.toString();
        int id = idByCanonical.computeIfAbsent(canonical, c -> {
            int next = byId.size() + 1;
            byId.put(next, schema);
            return next;
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            if (!isCompatible(subject, schema)) {
                throw new SchemaRegistryException(409, 409,
                        "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\"");
            }
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
        }
        Integer id = idByCanonical.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            throw new SchemaRegistryException(404, 40403, "Schema not found");
        }
        return new RegisteredSchema(subject, versions.indexOf(id) + 1, id, byId.get(id));
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, byId.get(id));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            return true;
        }
        Schema latest = byId.get(versions.get(versions.size() - 1));
        return SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    @Override
    public synchronized List<String> subjects() {
        return new ArrayList<>(versionsBySubject.keySet());
    }
}
