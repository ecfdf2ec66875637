package dev.newsflow.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry inside the JVM, addressed as {@code mock://scope} like Confluent's mock registry,
 * so topology unit tests run the real serde without a server. Same schema → same id across
 * subjects, versions per subject, compatibility levels decided by the same
 * {@link SchemaCompatibilityChecker} as the embedded registry (default BACKWARD). No deletes.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
    private final Map<String, CompatibilityLevel> levels = new HashMap<>();

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
        Integer known = idByCanonical.get(canonical);
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (known != null && versions.contains(known)) {
            return known;
        }
        List<String> problems = incompatibilities(subject, schema);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(409, 409, "Schema being registered is incompatible with an earlier "
                    + "schema for subject \"" + subject + "\", details: " + String.join(", ", problems));
        }
        int id = known != null ? known : byId.size() + 1;
        byId.put(id, schema);
        idByCanonical.put(canonical, id);
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        List<Integer> versions = existingVersions(subject);
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
        return getVersion(subject, existingVersions(subject).size());
    }

    @Override
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        List<Integer> versions = existingVersions(subject);
        int index = version == -1 ? versions.size() - 1 : version - 1;
        if (index < 0 || index >= versions.size()) {
            throw new SchemaRegistryException(404, 40402, "Version " + version + " not found.");
        }
        int id = versions.get(index);
        return new RegisteredSchema(subject, index + 1, id, byId.get(id));
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        List<Integer> numbers = new ArrayList<>();
        for (int v = 1; v <= existingVersions(subject).size(); v++) {
            numbers.add(v);
        }
        return numbers;
    }

    @Override
    public synchronized List<String> incompatibilities(String subject, Schema schema) {
        List<Schema> earlier = new ArrayList<>();
        versionsBySubject.getOrDefault(subject, List.of()).forEach(id -> earlier.add(byId.get(id)));
        return SchemaCompatibilityChecker.incompatibilities(getCompatibility(subject), schema, earlier);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        levels.put(subject, level);
    }

    @Override
    public synchronized CompatibilityLevel getCompatibility(String subject) {
        return levels.getOrDefault(subject, CompatibilityLevel.DEFAULT);
    }

    @Override
    public synchronized List<String> subjects() {
        return new ArrayList<>(versionsBySubject.keySet());
    }

    private List<Integer> existingVersions(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
        }
        return versions;
    }
}
