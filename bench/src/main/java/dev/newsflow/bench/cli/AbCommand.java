package dev.newsflow.bench.cli;

import dev.newsflow.bench.ab.BuildUnderTest;
import dev.newsflow.bench.ab.InJvmComparison;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ab", mixinStandardHelpOptions = true,
        description = "Compare two builds on one JMH benchmark inside one JVM (a class loader each), alternating blocks "
                + "of calls and timing each block's thread CPU: the ratio holds on a machine too busy for JMH to tell "
                + "the builds apart. Each build is a directory with newsflow-bench.jar and lib/ (bench/target after "
                + "mvn package).")
final class AbCommand extends ReportingCommand {
    @Option(names = "--a", required = true, paramLabel = "DIR", description = "The first build (the baseline).")
    Path a;

    @Option(names = "--b", required = true, paramLabel = "DIR", description = "The second build (the change).")
    Path b;

    @Option(names = "--benchmark", defaultValue = "EnrichmentBenchmark.cleanupAndEnrichment",
            description = "Class.method of the suite whose parameters, if any, are on the benchmark class (default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--length", defaultValue = "MEDIUM",
            description = "Article length for benchmarks that take one: SHORT, MEDIUM, LONG, or NONE (default: ${DEFAULT-VALUE}).")
    String length;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Another parameter of the benchmark (repeatable), e.g. --param shape=TEXT; a parameter not "
                    + "given takes the first of its values.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--warmup-calls", defaultValue = "5000", description = "Calls to each build before measuring (default: ${DEFAULT-VALUE}).")
    int warmupCalls;

    @Option(names = "--block", defaultValue = "128", description = "Calls per measured block (default: ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--rounds", defaultValue = "60", description = "Measured rounds, each a block of both builds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        if (!"NONE".equalsIgnoreCase(length)) {
            given.put("length", length);
        }
        given.putAll(parameters);
        try (BuildUnderTest first = BuildUnderTest.load(a, benchmark, given);
             BuildUnderTest second = BuildUnderTest.load(b, benchmark, given)) {
            InJvmComparison.Report report = new InJvmComparison().run(first, second, warmupCalls, block, rounds);
            return report("ab", report.toText(benchmark, label(first.parameters()), a.toString(), b.toString()), true);
        }
    }

    /** The article length as before ("MEDIUM"), then any other parameter as name=value; null when there are none. */
    static String label(Map<String, String> parameters) {
        List<String> parts = new ArrayList<>();
        if (parameters.containsKey("length")) {
            parts.add(parameters.get("length"));
        }
        parameters.forEach((name, value) -> {
            if (!name.equals("length")) {
                parts.add(name + "=" + value);
            }
        });
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
