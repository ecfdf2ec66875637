package dev.newsflow.app.cli;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.EnrichService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrichment topology (Kafka Streams) against an external Kafka and schema registry.")
public final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        return ServiceCommands.run("enrich", options, EnrichConfig.definition(), EnrichConfig::new,
                EnrichService::start);
    }
}
