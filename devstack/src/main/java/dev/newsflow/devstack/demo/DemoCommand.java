package dev.newsflow.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.devstack.DevStack;
import dev.newsflow.devstack.DevStackSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.newsflow.platform.lifecycle.Failures;
import dev.newsflow.platform.lifecycle.RunUntilStopped;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsflow demo}: the launcher runs this module's jar for it, so that the services' jar never carries a
 * broker.
 */
@Command(name = "newsflow demo", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
        description = {"Run everything in one JVM: an embedded Kafka broker (KRaft) and schema registry, ingest, "
                + "enrich, syndicate and the ops page; post a sample article and print the URLs. Runs until Ctrl-C.",
                "Data is kept in the data directory, so a restarted demo finds its articles again."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests: a failure is reported in one line. */
    public static CommandLine commandLine() {
        return new CommandLine(new DemoCommand()).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("newsflow demo: " + Failures.oneLine(e));
            LoggerFactory.getLogger(DemoCommand.class).debug("demo failed", e);
            return 1;
        });
    }

    @Option(names = "--data-dir", defaultValue = ".newsflow/demo", description = "Where the broker and stores keep data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address every listener binds to (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--ingest-port", defaultValue = "8080", description = "Publisher API port (default: ${DEFAULT-VALUE}).")
    int ingestPort;

    @Option(names = "--syndicate-port", defaultValue = "8082", description = "Feeds port (default: ${DEFAULT-VALUE}).")
    int syndicatePort;

    @Option(names = "--enrich-port", defaultValue = "8083", description = "Enrich /health and /metrics port (default: ${DEFAULT-VALUE}).")
    int enrichPort;

    @Option(names = "--ops-port", defaultValue = "8084", description = "Ops page port (default: ${DEFAULT-VALUE}).")
    int opsPort;

    @Option(names = "--management-host", defaultValue = "127.0.0.1",
            description = "Address the services' management listeners (/metrics) bind to, whatever --host says "
                    + "(default: ${DEFAULT-VALUE}).")
    String managementHost;

    @Option(names = "--management-ports", defaultValue = "9180,9183,9182,9184", split = ",",
            paramLabel = "INGEST,ENRICH,SYNDICATE[,OPS]",
            description = "Ports of the management listeners serving /metrics (default: ${DEFAULT-VALUE}; without "
                    + "the fourth, the ops page's takes any free port).")
    int[] managementPorts;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the topics created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--publisher-key", defaultValue = "demo-publisher-key",
            description = "API key of the demo publisher (default: ${DEFAULT-VALUE}; local use only).")
    String publisherKey;

    @Option(names = "--sample", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Post the bundled sample article at start and wait for it in the feed (default: on; "
                    + "--no-sample starts without it).")
    boolean postSample;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "A setting for every service, e.g. -D ingest.rate.limit.per.minute=0 for load tests.")
    Map<String, String> serviceSettings = new LinkedHashMap<>();

    @Option(names = "--sample-timeout", defaultValue = "120",
            description = "Seconds to wait for the sample article to reach the feed (default: ${DEFAULT-VALUE}).")
    int sampleTimeoutSeconds;

    @Option(names = "--once", description = "Stop after the sample article is in the feed (for scripts and smoke tests).")
    boolean once;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> busy = FreePorts.firstBusy(host, List.of(
                new FreePorts.Wanted("Kafka", kafkaPort, "--kafka-port"),
                new FreePorts.Wanted("KRaft controller", controllerPort, "--controller-port"),
                new FreePorts.Wanted("schema registry", registryPort, "--registry-port"),
                new FreePorts.Wanted("ingest", ingestPort, "--ingest-port"),
                new FreePorts.Wanted("enrich health", enrichPort, "--enrich-port"),
                new FreePorts.Wanted("syndicate", syndicatePort, "--syndicate-port"),
                new FreePorts.Wanted("ops page", opsPort, "--ops-port")));
        if (busy.isPresent()) {
            spec.commandLine().getErr().println("newsflow demo: " + busy.get());
            return 1;
        }
        String adminToken = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        DevStackSettings settings = DevStackSettings.builder(dataDir.toAbsolutePath())
                .host(host)
                .kafkaPorts(kafkaPort, controllerPort)
                .registryPort(registryPort)
                .servicePorts(ingestPort, enrichPort, syndicatePort)
                .opsPort(opsPort)
                .management(managementHost, managementPort(0), managementPort(1), managementPort(2),
                        managementPorts.length == 4 ? managementPorts[3] : 0)
                .topicPartitions(partitions)
                .publisher("demo", publisherKey)
                .adminToken(adminToken)
                .serviceSettings(serviceSettings)
                .build();
        out.println("newsflow demo: starting Kafka, schema registry, ingest, enrich, syndicate and the ops page (data in "
                + settings.dataDir() + ")");
        out.flush();
        DevStack stack = DevStack.start(settings);
        try {
            if (postSample && !postAndAwaitSample(stack, out)) {
                stack.close();
                return 1;
            }
            printUrls(stack, out);
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        if (once) {
            stack.close();
            return 0;
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        RunUntilStopped.await("newsflow demo", stack);
        return 0;
    }

    private int managementPort(int index) {
        if (managementPorts.length != 3 && managementPorts.length != 4) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--management-ports takes three or four ports: ingest, enrich, syndicate[, ops]");
        }
        return managementPorts[index];
    }

    private boolean postAndAwaitSample(DevStack stack, PrintWriter out) throws Exception {
        DemoClient client = new DemoClient();
        JsonNode answer = client.postText(stack.ingestUrl(), stack.publisherKey(), SampleArticle.text());
        out.printf("Posted the sample article: id %s, version %s (%s)%n", answer.path("id").asText(),
                answer.path("version").asText(), answer.path("status").asText());
        out.flush();
        if (!client.awaitItem(stack.feedUrl("json"), answer.path("id").asText(),
                Duration.ofSeconds(sampleTimeoutSeconds))) {
            out.printf("The sample article did not reach the demo feed within %d s; see the log above "
                    + "and %s/health.%n", sampleTimeoutSeconds, stack.enrichUrl());
            return false;
        }
        return true;
    }

    private static void printUrls(DevStack stack, PrintWriter out) {
        out.println();
        out.println("newsflow is running.");
        out.println("  Kafka bootstrap      " + stack.bootstrapServers());
        out.println("  Schema registry      " + stack.schemaRegistryUrl());
        out.println("  Ingest (publishers)  " + stack.ingestUrl() + "/v1/articles");
        out.println("  Demo publisher key   " + stack.publisherKey());
        out.println("  Admin token          " + stack.adminToken() + "   (partners API and the ops page's actions; this run only)");
        out.println("  Demo partner token   " + stack.partnerToken() + "   (kept in " + stack.partnerTokenFile() + ")");
        out.println("  RSS 2.0              " + stack.feedUrl("rss"));
        out.println("  Atom                 " + stack.feedUrl("atom"));
        out.println("  JSON Feed            " + stack.feedUrl("json"));
        out.println("  Health               " + stack.ingestUrl() + "/health/ready  " + stack.enrichUrl()
                + "/health/ready  " + stack.syndicateUrl() + "/health/ready");
        out.println("  Metrics              " + stack.ingestMetricsUrl() + "  " + stack.enrichMetricsUrl() + "  "
                + stack.syndicateMetricsUrl() + "  " + stack.opsMetricsUrl());
        out.println("  ops: " + stack.opsUrl());
        out.println();
        out.println("Post an article:");
        out.println("  curl -H 'Authorization: Bearer " + stack.publisherKey()
                + "' -H 'Content-Type: text/plain' --data-binary @samples/article.txt " + stack.ingestUrl() + "/v1/articles");
        out.println();
        out.flush();
    }
}
