package dev.newsflow.bench.cli;

import dev.newsflow.bench.BenchStack;
import dev.newsflow.bench.e2e.LoadGenerator;
import dev.newsflow.bench.e2e.LoadReport;
import dev.newsflow.bench.feeds.FeedsBenchmark;
import dev.newsflow.bench.feeds.FeedsOptions;
import dev.newsflow.bench.feeds.FeedsReport;
import dev.newsflow.devstack.DevStack;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "feeds-local", mixinStandardHelpOptions = true,
        description = "As feeds, against a syndicator started in this JVM with 200 articles posted first.")
final class FeedsLocalCommand extends ReportingCommand {
    @Mixin
    FeedsSettings feeds;

    @Override
    public Integer call() throws Exception {
        try (DevStack stack = BenchStack.start()) {
            LoadReport seeded = LoadGenerator.run(BenchStack.loadAgainst(stack).articles(200).warmupArticles(0)
                    .rawBaseline(false).build());
            List<URI> urls = List.of(URI.create(stack.feedUrl("rss")), URI.create(stack.feedUrl("atom")),
                    URI.create(stack.feedUrl("json")));
            FeedsReport report = FeedsBenchmark.run(feeds.applyTo(FeedsOptions.standard(urls, stack.partnerToken()))
                    .withSyndicatorPid(ProcessHandle.current().pid()));
            return report("feeds-local", "(syndicator started in this JVM with 200 articles posted)\n\n"
                    + report.toText(), report.clean() && seeded.allChecksPassed());
        }
    }
}
