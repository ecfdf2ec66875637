package dev.newsflow.app.cli;

import dev.newsflow.bench.e2e.LoadGenerator;
import dev.newsflow.bench.e2e.LoadOptions;
import dev.newsflow.bench.e2e.LoadReport;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {"Load a running pipeline (newsflow demo, or external services) with a generated corpus and "
                + "measure POST→enriched and POST→feed latency, throughput and the exactly-once count check, "
                + "beside a raw Kafka producer/consumer baseline on the same broker.",
                "Against the demo, start it with -D ingest.rate.limit.per.minute=0."})
public final class BenchE2eCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ingest-url", defaultValue = "http://localhost:8080", description = "Ingest base URL (default: ${DEFAULT-VALUE}).")
    URI ingestUrl;

    @Option(names = "--key", defaultValue = "demo-publisher-key", description = "Publisher API key (default: the demo's).")
    String apiKey;

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", description = "Kafka, to read articles-enriched (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "http://localhost:8081", description = "Schema registry (default: ${DEFAULT-VALUE}).")
    String schemaRegistryUrl;

    @Option(names = "--feed-url", description = "A partner's JSON feed URL (with ?token=...), to time POST→visible in feed.")
    URI feedUrl;

    @Option(names = "--articles", defaultValue = "2000", description = "Articles per run (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", defaultValue = "0", description = "Articles per second, open loop; 0 = closed loop at max (default).")
    double rate;

    @Option(names = "--concurrency", defaultValue = "32", description = "Requests in flight, closed loop (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--runs", defaultValue = "3", description = "Runs; the report gives the median and min–max (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--pid", defaultValue = "0", description = "PID of the pipeline's JVM, to sample its RSS (0 = none).")
    long pid;

    @Option(names = "--no-baseline", description = "Skip the raw Kafka baseline.")
    boolean noBaseline;

    @Override
    public Integer call() throws Exception {
        LoadOptions.Builder options = LoadOptions.builder()
                .ingestUrl(ingestUrl).apiKey(apiKey)
                .bootstrapServers(bootstrapServers).schemaRegistryUrl(schemaRegistryUrl)
                .articles(articles).rate(rate).concurrency(concurrency).runs(runs)
                .pipelinePid(pid).rawBaseline(!noBaseline);
        if (feedUrl != null) {
            options.feedUrl(feedUrl);
        }
        LoadReport report = LoadGenerator.run(options.build());
        spec.commandLine().getOut().println(report.toText());
        return report.allChecksPassed() ? 0 : 1;
    }
}
