package dev.newsflow.bench.cli;

import dev.newsflow.bench.jmh.JmhOptions;
import dev.newsflow.bench.jmh.JmhSuite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = "Run the JMH benchmarks (ingest reading a POST body, clean-up and enrichment per article, topics alone, Avro serde vs JSON, feed rendering).")
final class JmhCommand extends ReportingCommand {
    @Option(names = "--include", description = "Only benchmarks whose name matches this regular expression.")
    String include;

    @Option(names = "--forks", description = "JMH forks per benchmark (default: the suite's, 3).")
    Integer forks;

    @Option(names = "--lengths", split = ",", description = "Article lengths: SHORT, MEDIUM (~500 words), LONG (~2,000 words).")
    List<String> lengths;

    @Option(names = "--measurements", description = "Measurement iterations of 1 s each (after 2 warm-up iterations, or --warmups).")
    Integer measurements;

    @Option(names = "--warmups", description = "Warm-up iterations of 1 s each before the measurements (default 2 with "
            + "--measurements). Clean-up + entities + topics is still being compiled for ~5 s: use 6 or more to measure "
            + "its steady state.")
    Integer warmups;

    @Option(names = "--param", paramLabel = "NAME=V1,V2", description = "Override a benchmark parameter, e.g. format=RSS.")
    Map<String, String> params = Map.of();

    @Option(names = "--jvm-arg", paramLabel = "ARG", description = "An argument for the forked JVMs (e.g. to record JFR).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--smoke", description = "One short iteration each: checks the benchmarks run, measures nothing.")
    boolean smoke;

    @Override
    public Integer call() throws Exception {
        return report("jmh", JmhSuite.run(options()).toText(), true);
    }

    /** The suite's options with those given on the command line. */
    JmhOptions options() {
        JmhOptions options = smoke ? JmhOptions.smoke() : JmhOptions.standard();
        if (include != null) {
            options = options.withInclude(include);
        }
        if (forks != null) {
            options = options.withForks(forks);
        }
        if (lengths != null) {
            options = options.withLengths(lengths);
        }
        if (measurements != null || warmups != null) {
            options = options.withIterations(warmups != null ? warmups : 2,
                    measurements != null ? measurements : options.measurementIterations(), Duration.ofSeconds(1));
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            options = options.withParam(param.getKey(), List.of(param.getValue().split(",")));
        }
        return options.withJvmArgs(jvmArgs);
    }
}
