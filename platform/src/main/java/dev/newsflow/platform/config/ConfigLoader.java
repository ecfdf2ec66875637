package dev.newsflow.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Gathers settings for a {@link ConfigDef} from, in rising precedence: a properties file,
 * environment variables ({@code NEWSFLOW_} + the key in upper case with dots and dashes as
 * underscores, e.g. {@code schema.registry.url} → {@code NEWSFLOW_SCHEMA_REGISTRY_URL}), and
 * explicit overrides (command-line flags). Keys with a pass-through prefix (e.g. {@code kafka.})
 * are taken from every source as they are.
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "NEWSFLOW_";
    /** Extra Kafka client settings (security, tuning) pass through under this prefix. */
    public static final String KAFKA_PASSTHROUGH_PREFIX = "kafka.";

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    /** The environment variable that sets a key. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Map<String, Object> load(ConfigDef definition, Path propertiesFile, Map<String, ?> overrides) {
        Map<String, Object> settings = new HashMap<>();
        if (propertiesFile != null) {
            settings.putAll(readProperties(propertiesFile));
        }
        for (String key : definition.names()) {
            String value = environment.get(envName(key));
            if (value != null) {
                settings.put(key, value);
            }
        }
        environment.forEach((name, value) -> {
            String kafkaEnvPrefix = ENV_PREFIX + "KAFKA_";
            if (name.startsWith(kafkaEnvPrefix)) {
                String clientKey = name.substring(kafkaEnvPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                settings.put(KAFKA_PASSTHROUGH_PREFIX + clientKey, value);
            }
        });
        overrides.forEach((key, value) -> {
            if (value != null) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
