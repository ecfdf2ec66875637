package dev.newsflow.app.cli;

import dev.newsflow.bench.feeds.FeedsBenchmark;
import dev.newsflow.bench.feeds.FeedsOptions;
import dev.newsflow.bench.feeds.FeedsReport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Drive wrk against the syndicator and against nginx serving the same bytes from disk "
                + "(started on loopback for the run); 200s and 304s, with the ratio. Needs Debian's wrk and nginx-light.")
public final class BenchFeedsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--feed-url", required = true, arity = "1..*", description = "Feed URLs of the syndicator.")
    List<URI> feedUrls;

    @Option(names = "--token", description = "Partner token, sent as a bearer token (or put ?token= in the URLs).")
    String token;

    @Option(names = "--runs", description = "Runs per measurement (default: the benchmark's, 3).")
    Integer runs;

    @Option(names = "--duration", description = "Seconds per run (default: the benchmark's).")
    Integer seconds;

    @Override
    public Integer call() throws Exception {
        FeedsOptions options = FeedsOptions.standard(feedUrls, token);
        if (runs != null) {
            options = options.withRuns(runs);
        }
        if (seconds != null) {
            options = options.withDuration(Duration.ofSeconds(seconds));
        }
        FeedsReport report = FeedsBenchmark.run(options);
        spec.commandLine().getOut().println(report.toText());
        return report.clean() ? 0 : 1;
    }
}
