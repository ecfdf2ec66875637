package dev.newsflow.app.cli;

import dev.newsflow.ops.OpsConfig;
import dev.newsflow.ops.page.OpsService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "Run the live ops page (records per second, lag, dead letters with replay, partners' push, "
                + "health) against an external Kafka, schema registry and the services (see 'newsflow config ops').")
public final class OpsCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions options;

    @Override
    public Integer call() {
        return ServiceCommands.run("ops", options, OpsConfig.definition(), OpsConfig::new, OpsService::start);
    }
}
