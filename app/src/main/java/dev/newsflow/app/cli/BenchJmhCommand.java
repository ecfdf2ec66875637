package dev.newsflow.app.cli;

import dev.newsflow.bench.jmh.JmhOptions;
import dev.newsflow.bench.jmh.JmhReport;
import dev.newsflow.bench.jmh.JmhSuite;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = "Run the JMH benchmarks (enrichment per article, Avro serde vs JSON, feed rendering).")
public final class BenchJmhCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--include", description = "Only benchmarks whose name matches this regular expression.")
    String include;

    @Option(names = "--forks", description = "JMH forks per benchmark (default: the suite's).")
    Integer forks;

    @Option(names = "--lengths", split = ",", description = "Article lengths: SHORT, MEDIUM (~500 words), LONG (~2,000 words).")
    List<String> lengths;

    @Option(names = "--smoke", description = "One short iteration each: checks the benchmarks run, measures nothing.")
    boolean smoke;

    @Override
    public Integer call() throws Exception {
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
        JmhReport report = JmhSuite.run(options);
        spec.commandLine().getOut().println(report.toText());
        return 0;
    }
}
