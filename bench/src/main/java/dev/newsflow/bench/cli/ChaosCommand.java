package dev.newsflow.bench.cli;

import dev.newsflow.bench.chaos.ChaosOptions;
import dev.newsflow.bench.chaos.ChaosResult;
import dev.newsflow.bench.chaos.ChaosRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Crash test: the pipeline on its own broker (free ports), enrich in this JVM and in a child "
                + "JVM with the same application id; posts articles under load, kills the child with SIGKILL and "
                + "restarts the broker meanwhile, then counts every accepted article on articles-enriched "
                + "(read_committed) and in the partner's feed.",
                "Last line: chaos: accepted N, lost L, duplicated D, kills K. Exit status 1 when anything was lost or "
                        + "duplicated."})
final class ChaosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOutput output;

    @Option(names = "--articles", defaultValue = "1000", description = "Articles to post (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--kills", defaultValue = "2", description = "SIGKILLs of the enrich process (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--broker-restarts", defaultValue = "0",
            description = "Stops and starts of the broker during the load (default: ${DEFAULT-VALUE}).")
    int brokerRestarts;

    @Option(names = "--concurrency", defaultValue = "8",
            description = "Publishers posting at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--settle-seconds", defaultValue = "300",
            description = "How long the pipeline may take after the load to carry every article through "
                    + "(default: ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(names = "--data-dir", description = "Where the broker and stores keep data (default: a new temporary directory).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        ChaosResult result = ChaosRun.run(new ChaosOptions(articles, kills, brokerRestarts, concurrency,
                Duration.ofSeconds(settleSeconds), dataDir));
        return output.write("chaos", result.toText(), result.passed(), spec.commandLine().getOut());
    }
}
