package dev.newsflow.bench.cli;

import dev.newsflow.bench.e2e.LoadGenerator;
import dev.newsflow.bench.e2e.LoadOptions;
import dev.newsflow.bench.e2e.LoadReport;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {"Load a running pipeline (newsflow demo, or external services) with a generated corpus and "
                + "measure POST→enriched and POST→feed latency, throughput and the exactly-once count check, "
                + "beside a raw Kafka producer/consumer baseline on the same broker.",
                "Against the demo, start it with -D ingest.rate.limit.per.minute=0."})
final class E2eCommand extends ReportingCommand {
    @Mixin
    LoadSettings load;

    @Option(names = "--ingest-url", defaultValue = "http://localhost:8080",
            description = "Ingest base URL; the /v1/articles endpoint is accepted too (default: ${DEFAULT-VALUE}).")
    String ingestUrl;

    @Option(names = {"--key", "--api-key"}, defaultValue = "demo-publisher-key",
            description = "Publisher API key (default: the demo's).")
    String apiKey;

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092",
            description = "Kafka, to read articles-enriched (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", defaultValue = "http://localhost:8081",
            description = "Schema registry (default: ${DEFAULT-VALUE}).")
    String schemaRegistryUrl;

    @Option(names = "--feed-url", description = "A partner's JSON feed URL (with ?token=...), to time POST→visible in feed.")
    URI feedUrl;

    @Option(names = "--feed-token", description = "The partner token, sent as a bearer token.")
    String feedToken;

    @Option(names = "--pid", defaultValue = "0", description = "PID of the pipeline's JVM, to sample its RSS and CPU (0 = none).")
    long pid;

    @Override
    public Integer call() throws Exception {
        LoadOptions.Builder options = load.applyTo(LoadOptions.builder())
                .ingestUrl(URI.create(ingestUrl.replaceAll("/v1/articles/?$", ""))).apiKey(apiKey)
                .bootstrapServers(bootstrapServers).schemaRegistryUrl(schemaRegistryUrl)
                .feedToken(feedToken).pipelinePid(pid);
        if (feedUrl != null) {
            options.feedUrl(feedUrl);
        }
        LoadReport report = LoadGenerator.run(options.build());
        return report("e2e", report.toText(), report.allChecksPassed());
    }
}
