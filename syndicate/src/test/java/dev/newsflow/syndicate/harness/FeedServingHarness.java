package dev.newsflow.syndicate.harness;

import static org.awaitility.Awaitility.await;

import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.syndicate.SyndicateTestSupport;
import dev.newsflow.syndicate.partner.CreatedPartner;
import dev.newsflow.syndicate.partner.FeedSpec;
import dev.newsflow.syndicate.partner.PartnerSpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the in-JVM broker and a syndicate with one partner feed of N ~500-word articles, then serves
 * until killed, for measuring feed serving with wrk (not a test). Writes what wrk needs (port, token,
 * the ETag of each format) as shell variables to the given file.
 *
 * <pre>java -cp target/test-classes:target/classes:$(test classpath) \
 *     dev.newsflow.syndicate.harness.FeedServingHarness OUT_FILE [ARTICLES] [FEED_ITEMS]</pre>
 */
public final class FeedServingHarness {
    private FeedServingHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int feedItems = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path stateDir = Files.createTempDirectory("syndicate-harness");
        SyndicateService service = SyndicateService.start(SyndicateTestSupport.config(stateDir,
                TestKafka.unique("harness"), "0", Map.of("syndicate.push.enabled", "false")));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "harness-shutdown"));
        CreatedPartner partner = service.partners().create(PartnerSpec.of("bench", "Bench partner",
                new FeedSpec("all", "Everything", null, 0.0, feedItems)));
        EnrichedArticle[] batch = new EnrichedArticle[articles];
        for (int i = 0; i < articles; i++) {
            batch[i] = HarnessArticles.article(i);
        }
        SyndicateTestSupport.produce(batch);
        int port = service.port();
        String token = partner.token();
        String newest = "urn:newsflow:article:harness-" + (articles - 1);
        await().atMost(Duration.ofMinutes(2)).until(() ->
                SyndicateTestSupport.get(port, "/feeds/bench/all.json", token).body().contains(newest));
        StringBuilder variables = new StringBuilder("PORT=" + port + "\nTOKEN=" + token + "\n");
        for (String format : List.of("rss", "atom", "json")) {
            HttpResponse<String> response = SyndicateTestSupport.get(port, "/feeds/bench/all." + format, token);
            variables.append(format.toUpperCase()).append("_ETAG='").append(response.headers().firstValue("ETag")
                    .orElseThrow()).append("'\n").append(format.toUpperCase()).append("_BYTES=")
                    .append(response.body().getBytes(StandardCharsets.UTF_8).length).append('\n');
            Files.writeString(stateDir.resolve("all." + format), response.body());
        }
        variables.append("BODIES=").append(stateDir).append('\n');
        Files.writeString(out, variables.toString());
        new CountDownLatch(1).await();
    }
}
