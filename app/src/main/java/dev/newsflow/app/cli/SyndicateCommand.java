package dev.newsflow.app.cli;

import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.SyndicateService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "syndicate", mixinStandardHelpOptions = true,
        description = "Run the partner feeds service against an external Kafka and schema registry.")
public final class SyndicateCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        return ServiceCommands.run("syndicate", options, SyndicateConfig.definition(), SyndicateConfig::new,
                SyndicateService::start);
    }
}
