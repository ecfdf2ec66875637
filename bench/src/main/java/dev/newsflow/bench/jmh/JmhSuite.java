package dev.newsflow.bench.jmh;

import java.util.Collection;
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
 * Runs newsflow's JMH benchmarks ({@link EnrichmentBenchmark}, {@link AvroSerdeBenchmark},
 * {@link FeedRenderingBenchmark}) through JMH's Runner API and turns the results into a
 * {@link JmhReport}. Entry point of {@code newsflow bench jmh}.
 */
public final class JmhSuite {
    private static final Logger LOG = LoggerFactory.getLogger(JmhSuite.class);
    private static final String PACKAGE = JmhSuite.class.getPackageName().replace(".", "\\.");

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
        if (!options.jvmArgs().isEmpty()) {
            builder.jvmArgsAppend(options.jvmArgs().toArray(String[]::new));
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
