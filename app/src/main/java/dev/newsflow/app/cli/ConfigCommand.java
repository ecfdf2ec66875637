package dev.newsflow.app.cli;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.ops.OpsConfig;
import dev.newsflow.platform.config.ConfigLoader;
import dev.newsflow.syndicate.SyndicateConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "List every setting of a service: key, environment variable, type, default and meaning.")
public final class ConfigCommand implements Callable<Integer> {
    enum Service { ingest, enrich, syndicate, ops }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "ingest, enrich, syndicate or ops (the ops page and the "
            + "topics and dead-letters commands)")
    Service service;

    @Override
    public Integer call() {
        ConfigDef definition = switch (service) {
            case ingest -> IngestConfig.definition();
            case enrich -> EnrichConfig.definition();
            case syndicate -> SyndicateConfig.definition();
            case ops -> OpsConfig.definition();
        };
        PrintWriter out = spec.commandLine().getOut();
        for (ConfigDef.ConfigKey key : definition.configKeys().values()) {
            Object defaultValue = key.hasDefault() ? key.defaultValue : "(required)";
            if (key.type == ConfigDef.Type.PASSWORD && key.hasDefault() && key.defaultValue != null) {
                defaultValue = "(hidden)";
            }
            out.printf("%s%n  env %s | %s | default %s%n  %s%n%n", key.name, ConfigLoader.envName(key.name),
                    key.type.name().toLowerCase(java.util.Locale.ROOT), defaultValue, key.documentation);
        }
        out.println("Any Kafka client setting passes through as kafka.<setting> (env NEWSFLOW_KAFKA_<SETTING>), "
                + "e.g. kafka.security.protocol=SASL_SSL.");
        return 0;
    }
}
