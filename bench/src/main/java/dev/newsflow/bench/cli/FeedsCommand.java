package dev.newsflow.bench.cli;

import dev.newsflow.bench.feeds.FeedsBenchmark;
import dev.newsflow.bench.feeds.FeedsOptions;
import dev.newsflow.bench.feeds.FeedsReport;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Drive wrk against the syndicator and against nginx serving the same bytes from disk "
                + "(started on loopback for the run); 200s and 304s, with the ratio. Needs Debian's wrk and nginx-light.")
final class FeedsCommand extends ReportingCommand {
    @Mixin
    FeedsSettings feeds;

    @Option(names = "--feed-url", required = true, arity = "1..*", description = "Feed URLs of the syndicator.")
    List<URI> feedUrls;

    @Option(names = "--token", description = "Partner token, sent as a bearer token (or put ?token= in the URLs).")
    String token;

    @Option(names = "--pid", defaultValue = "0",
            description = "The syndicator's process (e.g. the demo's), to report its CPU per answer beside nginx's.")
    long pid;

    @Override
    public Integer call() throws Exception {
        FeedsReport report = FeedsBenchmark.run(feeds.applyTo(FeedsOptions.standard(feedUrls, token))
                .withSyndicatorPid(pid));
        return report("feeds", report.toText(), report.clean());
    }
}
