package dev.newsflow.bench.cli;

import dev.newsflow.bench.ab.BuildUnderTest;
import dev.newsflow.bench.ab.InJvmComparison;
import java.nio.file.Path;
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

    @Option(names = "--warmup-calls", defaultValue = "5000", description = "Calls to each build before measuring (default: ${DEFAULT-VALUE}).")
    int warmupCalls;

    @Option(names = "--block", defaultValue = "128", description = "Calls per measured block (default: ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--rounds", defaultValue = "60", description = "Measured rounds, each a block of both builds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        String articleLength = "NONE".equalsIgnoreCase(length) ? null : length;
        try (BuildUnderTest first = BuildUnderTest.load(a, benchmark, articleLength);
             BuildUnderTest second = BuildUnderTest.load(b, benchmark, articleLength)) {
            InJvmComparison.Report report = new InJvmComparison().run(first, second, warmupCalls, block, rounds);
            return report("ab", report.toText(benchmark, articleLength, a.toString(), b.toString()), true);
        }
    }
}
