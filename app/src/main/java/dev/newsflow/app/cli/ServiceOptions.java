package dev.newsflow.app.cli;

import dev.newsflow.platform.config.ConfigLoader;
import dev.newsflow.platform.config.ServiceConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Option;

/**
 * Where a service finds Kafka and the schema registry, and any other setting. Flags win over
 * environment variables ({@code NEWSFLOW_BOOTSTRAP_SERVERS}, ...), which win over a properties file.
 */
public final class ServiceOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (env NEWSFLOW_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Confluent-compatible schema registry (env NEWSFLOW_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
    Path configFile;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any setting of the service, e.g. -D topic.partitions=12 or -D kafka.security.protocol=SSL.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The merged settings for a service whose config class is defined by {@code definition}. */
    public Map<String, Object> load(ConfigDef definition) {
        return load(definition, Map.of());
    }

    /** As {@link #load(ConfigDef)}, with defaults of the caller's below every other source. */
    public Map<String, Object> load(ConfigDef definition, Map<String, ?> defaults) {
        Map<String, Object> overrides = new HashMap<>(settings);
        if (bootstrapServers != null) {
            overrides.put(ServiceConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            overrides.put(ServiceConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        Map<String, Object> merged = new HashMap<>(defaults);
        merged.putAll(ConfigLoader.fromSystemEnvironment().load(definition, configFile, overrides));
        return merged;
    }
}
