package dev.newsflow.app.cli;

import dev.newsflow.platform.config.ServiceConfig;
import dev.newsflow.platform.lifecycle.RunUntilStopped;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the service commands share: load the typed config, start, run until stopped. */
final class ServiceCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceCommands.class);

    private ServiceCommands() {
    }

    static <C extends ServiceConfig> int run(String name, ServiceOptions options,
                                             org.apache.kafka.common.config.ConfigDef definition,
                                             Function<Map<String, Object>, C> configFactory,
                                             Function<C, AutoCloseable> starter) {
        C config;
        try {
            config = configFactory.apply(options.load(definition));
        } catch (ConfigException e) {
            LOG.error("{}: invalid configuration: {}", name, e.getMessage());
            return 2;
        }
        LOG.info("starting {} (Kafka {}, schema registry {})", name, config.bootstrapServers(),
                config.schemaRegistryUrl());
        AutoCloseable service = starter.apply(config);
        RunUntilStopped.await(name, service);
        return 0;
    }
}
