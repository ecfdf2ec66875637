package dev.newsflow.bench.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs newsflow's JMH benchmarks ({@link EnrichmentBenchmark}, {@link TopicsBenchmark}, {@link AvroSerdeBenchmark},
 * {@link FeedRenderingBenchmark}, {@link FeedPageReadBenchmark}) through JMH's Runner API and turns the results
 * into a {@link JmhReport}. Entry point of {@code newsflow bench jmh}.
 */
public final class JmhSuite {
    private static final Logger LOG = LoggerFactory.getLogger(JmhSuite.class);
    private static final String PACKAGE = JmhSuite.class.getPackageName().replace(".", "\\.");
    /** The heap every benchmark forks with (also in each benchmark's @Fork). */
    static final String[] FORK_HEAP = {"-Xms512m", "-Xmx512m"};

    private JmhSuite() {
    }

    public static JmhReport run(JmhOptions options) throws RunnerException {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(PACKAGE + "\\..*(" + options.include() + ").*")
                .forks(options.forks())
                .warmupIterations(options.warmupIterations())
                .warmupTime(TimeValue.milliseconds(options.warmupTime().toMillis()))
                .measurementIterations(options.measurementIterations())
                .measurementTime(TimeValue.milliseconds(options.measurementTime().toMillis()))
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true);
        if (!options.lengths().isEmpty()) {
            builder.param("length", options.lengths().toArray(String[]::new));
        }
        options.params().forEach((name, values) -> builder.param(name, values.toArray(String[]::new)));
        if (!options.jvmArgs().isEmpty()) {
            // These replace the benchmarks' own @Fork(jvmArgsAppend): keep their fixed heap.
            List<String> args = new ArrayList<>(List.of(FORK_HEAP));
            args.addAll(options.jvmArgs());
            builder.jvmArgsAppend(args.toArray(String[]::new));
        }
        if (options.progressLog() != null) {
            builder.output(options.progressLog().toString()).verbosity(VerboseMode.NORMAL);
        } else {
            builder.verbosity(VerboseMode.SILENT);
        }
        LOG.info("running JMH benchmarks matching '{}' with {} fork(s)", options.include(), options.forks());
        Collection<RunResult> results = new Runner(builder.build()).run();
        JmhReport report = JmhReport.from(results, options);
        LOG.info("JMH finished: {} benchmark/parameter combinations", report.rows().size());
        return report;
    }
}
