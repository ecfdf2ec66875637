package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import org.junit.jupiter.api.Assumptions;

import dev.newsflow.bench.corpus.Submission;
import dev.newsflow.bench.e2e.LoadGenerator;
import dev.newsflow.bench.e2e.LoadOptions;
import dev.newsflow.bench.e2e.LoadReport;
import dev.newsflow.bench.e2e.LoadRunResult;
import dev.newsflow.bench.feeds.ExternalTools;
import dev.newsflow.bench.feeds.FeedsBenchmark;
import dev.newsflow.bench.feeds.FeedsOptions;
import dev.newsflow.bench.feeds.FeedsReport;
import dev.newsflow.bench.memory.CpuComponent;
import dev.newsflow.devstack.DevStack;
import dev.newsflow.devstack.DevStackSettings;
import dev.newsflow.testing.TestKafka;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator and the feeds benchmark against the real services on the in-JVM broker
 * (checks that they work, not measurements): ~20 articles with duplicates and updates must each
 * arrive on articles-enriched exactly once and appear in the partner's feed; wrk and nginx must
 * run against the syndicator's real feed.
 */
class PipelineBenchSmokeIT {
    @TempDir
    static Path stateDir;
    static DevStack pipeline;

    /** The three services on the shared test broker, the bench's publisher and partner. */
    @BeforeAll
    static void startPipeline() {
        TestKafka kafka = TestKafka.get();
        pipeline = DevStack.start(DevStackSettings.builder(stateDir)
                .cluster(kafka.bootstrapServers(), kafka.schemaRegistryUrl())
                .topicPartitions(2)
                .publisher(BenchStack.PUBLISHER, BenchStack.API_KEY)
                .partner(TestKafka.unique("bench-partner"), "Bench partner", "all")
                .applicationIdSuffix(TestKafka.unique("bench"))
                .serviceSetting("ingest.rate.limit.per.minute", "0")
                .build());
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private static LoadOptions.Builder load(long seed, int articles) {
        return BenchStack.loadAgainst(pipeline)
                .articles(articles)
                .seed(seed)
                .concurrency(4)
                .warmupArticles(0)
                .runs(1)
                .drainTimeout(Duration.ofSeconds(60));
    }

    @Test
    void loadGeneratorSeesEveryAcceptedArticleExactlyOnceOnTheTopicAndInTheFeed() throws Exception {
        LoadOptions options = load(5, 24).pipelinePid(ProcessHandle.current().pid()).rawBaseline(true).build();
        // This seed's plan has duplicates and updates, so the check covers both.
        assertThat(LoadGenerator.plan(options, 0).countsByKind())
                .containsKeys(Submission.Kind.DUPLICATE, Submission.Kind.UPDATE);

        LoadReport report = LoadGenerator.run(options);

        System.out.println(report.toText());
        LoadRunResult run = report.runs().get(0);
        assertThat(run.errors()).isZero();
        assertThat(run.repeats()).isEqualTo((long) run.plannedKinds().get(Submission.Kind.DUPLICATE));
        assertThat(run.accepted()).isEqualTo(24 - run.repeats());
        assertThat(run.countCheck().passed()).as(run.countCheck().toString()).isTrue();
        assertThat(run.feedCheck().passed()).as(run.feedCheck().toString()).isTrue();
        assertThat(run.enrichedLatency().count()).isEqualTo(run.accepted());
        assertThat(run.baseline().received()).isEqualTo(24);
        assertThat(report.memory().peakRssBytes()).isPositive();
        assertThat(report.allChecksPassed()).isTrue();
        assertThat(report.toText()).contains("POST \u2192 on articles-enriched", "raw Kafka", "PASS", "peak RSS",
                "CPU of the pipeline process");
        // the services' threads are told apart by name: each stage's CPU lands on its own row
        assertThat(run.cpuMillisPerArticle(CpuComponent.INGEST_HTTP)).isPositive();
        assertThat(run.cpuMillisPerArticle(CpuComponent.ENRICH_STREAMS)).isPositive();
        assertThat(run.cpuMillisPerArticle(CpuComponent.SYNDICATE_STREAMS)).isPositive();
        assertThat(run.cpuMillisPerArticle(null)).isGreaterThan(run.cpuMillisPerArticle(CpuComponent.INGEST_HTTP));
        // the broker's own meters: every accepted article was produced at least once (ingest) and read by enrich
        assertThat(run.brokerRequestsPerArticle("Produce")).isGreaterThan(0.0);
        assertThat(run.brokerRequestsPerArticle("Fetch")).isGreaterThan(0.0);
        assertThat(run.brokerRequestsPerArticle("EndTxn")).as("exactly-once commits").isGreaterThan(0.0);
        // each POST's ~5 KB body is read, parsed and answered on an ingest thread: several KB of heap at least
        assertThat(run.allocatedKbPerArticle(CpuComponent.INGEST_HTTP)).isGreaterThan(5.0);
        assertThat(run.allocatedKbPerArticle(null)).isGreaterThan(run.allocatedKbPerArticle(CpuComponent.INGEST_HTTP));
        assertThat(report.toText()).contains("Kafka broker requests", "Produce", "KB allocated per accepted article");
    }

    @Test
    void feedsBenchmarkLoadsTheSyndicatorAndNginxWithTheSameBytes() throws Exception {
        List<String> missing = ExternalTools.missingForFeedsBenchmark();
        if (!missing.isEmpty()) {
            String message = "the feeds benchmark needs " + missing + " (Debian: apt-get install wrk nginx-light)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + "; CI must install them");
            }
            Assumptions.abort(message + "; skipped");
        }
        LoadReport seeded = LoadGenerator.run(load(6, 6).rawBaseline(false).build());
        assertThat(seeded.allChecksPassed()).isTrue();

        FeedsReport report = FeedsBenchmark.run(FeedsOptions.smoke(
                List.of(URI.create(pipeline.feedUrl("rss")), URI.create(pipeline.feedUrl("json"))),
                pipeline.partnerToken()).withSyndicatorPid(ProcessHandle.current().pid()));

        System.out.println(report.toText());
        assertThat(report.measurements()).hasSize(4);
        assertThat(report.warmups()).as("one unmeasured run per feed and response, before the measured ones")
                .extracting(w -> w.feed() + " " + w.response()).hasSize(4).doesNotHaveDuplicates();
        assertThat(report.warmups()).allSatisfy(w -> assertThat(w.syndicator().requests()).isPositive());
        for (FeedsReport.Measurement measurement : report.measurements()) {
            assertThat(measurement.syndicator().requests()).as(measurement.toString()).isPositive();
            assertThat(measurement.nginx().requests()).as(measurement.toString()).isPositive();
            assertThat(measurement.bytes()).isGreaterThan(1_000);
            // the syndicator runs in this JVM: its CPU and nginx's per answer are read from the OS
            assertThat(measurement.syndicatorCpuMicros()).as(measurement.toString()).isPositive().isFinite();
            assertThat(measurement.nginxCpuMicros()).as(measurement.toString()).isPositive().isFinite();
        }
        assertThat(report.clean()).as("no non-2xx/3xx answers, no socket errors").isTrue();
        assertThat(report.toText()).contains("syndicator / nginx", "CPU µs/answer syndicator", "304", "200",
                "Warm-up before the measured runs");
    }
}
