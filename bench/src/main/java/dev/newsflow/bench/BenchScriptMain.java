package dev.newsflow.bench;

import dev.newsflow.bench.e2e.LoadGenerator;
import dev.newsflow.bench.e2e.LoadOptions;
import dev.newsflow.bench.e2e.LoadReport;
import dev.newsflow.bench.feeds.FeedsBenchmark;
import dev.newsflow.bench.feeds.FeedsOptions;
import dev.newsflow.bench.feeds.FeedsReport;
import dev.newsflow.bench.jmh.JmhOptions;
import dev.newsflow.bench.jmh.JmhReport;
import dev.newsflow.bench.jmh.JmhSuite;
import dev.newsflow.bench.memory.LocalPipeline;
import dev.newsflow.bench.memory.ServiceHeapProbe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point {@code bench/run-benchmarks.sh} runs (users run {@code newsflow bench ...}):
 * one benchmark per invocation, its report appended to {@code --out FILE} as Markdown. It writes
 * files rather than printing: the script shows them.
 * <pre>
 * jmh   [--include REGEX] [--forks N] [--lengths SHORT,MEDIUM,LONG] [--measurements N (1 s each)]
 *       [--param NAME=V1,V2]... [--jvm-arg ARG]...
 * e2e   --ingest-url U --api-key K --bootstrap-servers B --schema-registry-url R [--feed-url F] [--feed-token T]
 *       [--articles N] [--rate R] [--concurrency C] [--runs N] [--warmup N] [--pid P] [--no-baseline]
 *       [--feed-poll-ms MS] [--drain-s S] [--seed N]
 * e2e-local  [same load options]            (starts the pipeline in this JVM first)
 * feeds --feed-url U [--feed-url U]... [--token T] [--runs N] [--duration-s S] [--connections C]
 * feeds-local [--runs N] [--duration-s S]   (starts the pipeline in this JVM, posts 200 articles first)
 * heap  [--articles N]                      (heap per service, pipeline started step by step in this JVM)
 * profile --jfr FILE [--title T]            (where the CPU time went, from a JFR recording)
 * </pre>
 * Exit status 1 when a check (exactly-once count, feed, clean wrk runs) failed, 2 on bad arguments.
 */
public final class BenchScriptMain {
    private BenchScriptMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: BenchScriptMain jmh|e2e|e2e-local|feeds|feeds-local|heap --out FILE [options]");
        }
        Arguments arguments = Arguments.parse(Arrays.copyOfRange(args, 1, args.length));
        Path out = Path.of(arguments.one("out", "bench-results.md"));
        boolean passed = true;
        String text;
        switch (args[0]) {
            case "jmh" -> {
                JmhOptions options = JmhOptions.standard()
                        .withInclude(arguments.one("include", ".*"))
                        .withForks(Integer.parseInt(arguments.one("forks", "3")))
                        .withJvmArgs(arguments.all("jvm-arg"));
                if (arguments.has("measurements")) {
                    options = options.withIterations(2, Integer.parseInt(arguments.one("measurements", "2")),
                            Duration.ofSeconds(1));
                }
                for (String param : arguments.all("param")) {
                    String[] nameValues = param.split("=", 2);
                    options = options.withParam(nameValues[0], List.of(nameValues[1].split(",")));
                }
                if (arguments.has("lengths")) {
                    options = options.withLengths(List.of(arguments.one("lengths", "").split(",")));
                }
                JmhReport report = JmhSuite.run(options);
                text = report.toText();
            }
            case "e2e" -> {
                LoadReport report = LoadGenerator.run(loadOptions(arguments, null));
                passed = report.allChecksPassed();
                text = report.toText();
            }
            case "e2e-local" -> {
                try (LocalPipeline pipeline = startedPipeline()) {
                    LoadReport report = LoadGenerator.run(loadOptions(arguments, pipeline));
                    passed = report.allChecksPassed();
                    text = "(pipeline started in the load generator's JVM)\n\n" + report.toText();
                }
            }
            case "feeds" -> {
                List<URI> urls = arguments.all("feed-url").stream().map(URI::create).toList();
                FeedsReport report = FeedsBenchmark.run(feedsOptions(arguments, urls, arguments.optional("token")));
                passed = report.clean();
                text = report.toText();
            }
            case "feeds-local" -> {
                try (LocalPipeline pipeline = startedPipeline()) {
                    LoadReport seeded = LoadGenerator.run(LoadOptions.builder().ingestUrl(pipeline.ingestUrl())
                            .apiKey(LocalPipeline.API_KEY).bootstrapServers(pipeline.bootstrapServers())
                            .schemaRegistryUrl(pipeline.schemaRegistryUrl()).articles(200).warmupArticles(0)
                            .rawBaseline(false).build());
                    FeedsReport report = FeedsBenchmark.run(feedsOptions(arguments,
                            List.of(pipeline.feedUrl("rss"), pipeline.feedUrl("atom"), pipeline.feedUrl("json")),
                            pipeline.partnerToken()));
                    passed = report.clean() && seeded.allChecksPassed();
                    text = "(syndicator started in this JVM with 200 articles posted)\n\n" + report.toText();
                }
            }
            case "heap" -> {
                Path dir = Files.createTempDirectory("newsflow-bench-heap");
                ServiceHeapProbe.Report report = ServiceHeapProbe.run(dir,
                        Integer.parseInt(arguments.one("articles", "2000")));
                text = report.toText();
            }
            case "profile" -> text = arguments.one("title", "") + "\n\n"
                    + dev.newsflow.bench.profile.JfrSummary.read(Path.of(arguments.one("jfr", null))).toText(12);
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
        String section = "## bench " + args[0] + " (" + Instant.now() + ")\n\n" + text + "\n";
        Files.writeString(out, section, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (!passed) {
            System.exit(1);
        }
    }

    private static LocalPipeline startedPipeline() throws Exception {
        LocalPipeline pipeline = new LocalPipeline(Files.createTempDirectory("newsflow-bench-local"), 6);
        try {
            pipeline.startBroker();
            pipeline.startRegistry();
            pipeline.startIngest();
            pipeline.startEnrich();
            pipeline.startSyndicate();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private static LoadOptions loadOptions(Arguments arguments, LocalPipeline local) {
        LoadOptions.Builder builder = LoadOptions.builder();
        if (local != null) {
            builder.ingestUrl(local.ingestUrl()).apiKey(LocalPipeline.API_KEY)
                    .bootstrapServers(local.bootstrapServers()).schemaRegistryUrl(local.schemaRegistryUrl())
                    .feedUrl(local.feedUrl("json")).feedToken(local.partnerToken())
                    .pipelinePid(ProcessHandle.current().pid());
        } else {
            builder.ingestUrl(URI.create(arguments.one("ingest-url", null).replaceAll("/v1/articles/?$", "")))
                    .apiKey(arguments.one("api-key", null))
                    .bootstrapServers(arguments.one("bootstrap-servers", null))
                    .schemaRegistryUrl(arguments.one("schema-registry-url", null))
                    .feedToken(arguments.optional("feed-token"))
                    .pipelinePid(Long.parseLong(arguments.one("pid", "0")));
            if (arguments.has("feed-url")) {
                builder.feedUrl(URI.create(arguments.one("feed-url", null)));
            }
        }
        return builder.articles(Integer.parseInt(arguments.one("articles", "2000")))
                .rate(Double.parseDouble(arguments.one("rate", "0")))
                .concurrency(Integer.parseInt(arguments.one("concurrency", "32")))
                .runs(Integer.parseInt(arguments.one("runs", "3")))
                .warmupArticles(Integer.parseInt(arguments.one("warmup", "300")))
                .drainTimeout(Duration.ofSeconds(Long.parseLong(arguments.one("drain-s", "60"))))
                .feedPollInterval(Duration.ofMillis(Long.parseLong(arguments.one("feed-poll-ms", "50"))))
                .rawBaseline(!arguments.has("no-baseline"))
                .seed(arguments.has("seed") ? Long.parseLong(arguments.one("seed", "0")) : System.currentTimeMillis() % 1_000_000_007L)
                .build();
    }

    private static FeedsOptions feedsOptions(Arguments arguments, List<URI> urls, String token) {
        FeedsOptions options = FeedsOptions.standard(urls, token)
                .withRuns(Integer.parseInt(arguments.one("runs", "3")))
                .withDuration(Duration.ofSeconds(Long.parseLong(arguments.one("duration-s", "2"))));
        if (arguments.has("connections")) {
            int connections = Integer.parseInt(arguments.one("connections", "32"));
            options = options.withConnections(connections, Math.min(2, connections));
        }
        return options;
    }

    /** {@code --name value} pairs (a name may repeat) and bare {@code --flag}s. */
    private record Arguments(Map<String, List<String>> values) {
        static Arguments parse(String[] args) {
            Map<String, List<String>> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --option, got " + args[i]);
                }
                String name = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            return new Arguments(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String one(String name, String fallback) {
            List<String> list = values.get(name);
            if (list == null) {
                if (fallback == null) {
                    throw new IllegalArgumentException("--" + name + " is required");
                }
                return fallback;
            }
            return list.get(list.size() - 1);
        }

        String optional(String name) {
            List<String> list = values.get(name);
            return list == null ? null : list.get(list.size() - 1);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }
    }
}
