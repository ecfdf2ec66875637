package dev.newsflow.app.cli;

import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.ingest.IngestService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the publisher API against an external Kafka and schema registry.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        return ServiceCommands.run("ingest", options, IngestConfig.definition(), IngestConfig::new,
                IngestService::start);
    }
}
