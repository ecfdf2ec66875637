package dev.newsflow.syndicate.http;

import static dev.newsflow.syndicate.SyndicateTestSupport.createPartner;
import static dev.newsflow.syndicate.SyndicateTestSupport.get;
import static dev.newsflow.syndicate.SyndicateTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.syndicate.SyndicateTestSupport;
import dev.newsflow.syndicate.push.WebhookReceiver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances sharing an application id: each is a full replica (its own consumer group), so
 * either answers any feed, including pages whose cursor the other one issued; webhook push is one
 * application shared by both, so each story is pushed once.
 */
class TwoInstancesIT {
    private static final String SECRET = "two-instances-webhook-secret";

    @TempDir
    Path stateA;
    @TempDir
    Path stateB;

    @Test
    void eitherInstanceAnswersAnyFeedAndContinuesTheOthersPaging() throws Exception {
        String applicationId = TestKafka.unique("syndicate-pair");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET);
             SyndicateService a = SyndicateService.start(SyndicateTestSupport.config(stateA, applicationId, "a"));
             SyndicateService b = SyndicateService.start(SyndicateTestSupport.config(stateB, applicationId, "b"))) {
            String partner = TestKafka.unique("pair");
            String publisher = TestKafka.unique("pub");
            // created through A; B learns about it from the topic
            String token = createPartner(a.port(), partner, "[{\"feedId\":\"mine\",\"title\":\"Mine\",\"maxItems\":2,"
                    + "\"filter\":{\"publisher\":\"" + publisher + "\"}}],\"webhookUrl\":\"" + receiver.url()
                    + "\",\"webhookSecret\":\"" + SECRET + "\"");
            List<EnrichedArticle> articles = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                articles.add(Articles.story(TestKafka.unique("pair-article"), "Pair story " + i)
                        .setPublisherId(publisher).setReceivedAt(Articles.T0.plusSeconds(i)).build());
            }
            SyndicateTestSupport.produce(articles.toArray(new EnrichedArticle[0]));

            for (SyndicateService instance : List.of(a, b)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(walk(instance.port(), partner, token, List.of(a.port(), b.port())))
                                .containsExactly("Pair story 4", "Pair story 3", "Pair story 2", "Pair story 1",
                                        "Pair story 0"));
            }
            // the push application is shared by the instances: each story is pushed once, numbered 1..5
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(receiver.accepted()).hasSize(5));
            assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::body)
                    .allMatch(body -> body.contains(publisher));

            // a page served by A continues on B
            JsonNode firstOnA = json(get(a.port(), "/feeds/" + partner + "/mine.json", token).body());
            String next = firstOnA.get("next_url").asText();
            String pathAndQuery = URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery();
            JsonNode secondOnB = json(get(b.port(), pathAndQuery, token).body());
            assertThat(titles(secondOnB)).containsExactly("Pair story 2", "Pair story 1");
        }
    }

    /** Walks every page, alternating between the instances. */
    private static List<String> walk(int startPort, String partner, String token, List<Integer> ports) {
        List<String> titles = new ArrayList<>();
        String pathAndQuery = "/feeds/" + partner + "/mine.json";
        int hop = ports.indexOf(startPort);
        while (pathAndQuery != null) {
            int port = ports.get(hop++ % ports.size());
            JsonNode page = json(get(port, pathAndQuery, token).body());
            titles.addAll(titles(page));
            if (page.has("next_url")) {
                URI next = URI.create(page.get("next_url").asText());
                pathAndQuery = next.getRawPath() + "?" + next.getRawQuery();
            } else {
                pathAndQuery = null;
            }
        }
        return titles;
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
