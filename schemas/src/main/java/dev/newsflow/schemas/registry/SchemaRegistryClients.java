package dev.newsflow.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Chooses and shares the client for a {@code schema.registry.url}. */
public final class SchemaRegistryClients {
    static final String MOCK_PREFIX = "mock://";
    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    /**
     * One caching client per URL for the whole JVM, so every serde of a service shares its
     * id cache; {@code mock://scope} gives the in-memory registry of that scope behind a caching client of its own
     * (so that what runs against it, benchmarks included, asks the registry as often as in production: the
     * in-memory registry writes the schema out as JSON on every call).
     */
    public static SchemaRegistryClient forUrl(String url) {
        if (url.startsWith(MOCK_PREFIX)) {
            return new CachingSchemaRegistryClient(
                    InMemorySchemaRegistryClient.forScope(url.substring(MOCK_PREFIX.length())));
        }
        return SHARED.computeIfAbsent(url, u -> new CachingSchemaRegistryClient(new RestSchemaRegistryClient(u)));
    }
}
