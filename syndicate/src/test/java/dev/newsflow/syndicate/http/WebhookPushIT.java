package dev.newsflow.syndicate.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newsflow.testing.TestKafka;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.syndicate.SyndicateTestSupport;
import dev.newsflow.syndicate.partner.FeedSpec;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.syndicate.partner.PartnerAdminClient;
import dev.newsflow.syndicate.partner.PartnerAdminException;
import dev.newsflow.syndicate.partner.PartnerSpec;
import dev.newsflow.syndicate.push.WebhookReceiver;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.syndicate.SyndicateConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push end to end on the running service: webhooks (admin API, the topic, the push application, a
 * local receiver), the WebSub ping (a local stub hub) and static output.
 */
class WebhookPushIT {
    private static final String SECRET = "webhook-secret-for-the-push-test";

    @TempDir
    Path stateDir;
    @TempDir
    Path out;

    @Test
    void matchingArticlesArePushedSignedInOrderAndRetriedAndPublished() throws Exception {
        List<String> hubPings = new CopyOnWriteArrayList<>();
        HttpServer hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/hub", exchange -> {
            hubPings.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hub.start();
        Map<String, String> publishing = Map.of(
                SyndicateConfig.STATIC_OUT_DIR, out.toString(),
                SyndicateConfig.STATIC_INTERVAL_MS, "200",
                SyndicateConfig.WEBSUB_HUB_URL, "http://127.0.0.1:" + hub.getAddress().getPort() + "/hub",
                SyndicateConfig.PUSH_SUSPEND_AFTER_FAILURES, "3");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET);
             WebhookReceiver broken = new WebhookReceiver(SECRET);
             SyndicateService service = SyndicateService.start(SyndicateTestSupport.config(stateDir,
                     TestKafka.unique("syndicate-push"), "0", publishing))) {
            AtomicInteger calls = new AtomicInteger();
            receiver.answer(() -> calls.incrementAndGet() == 1 ? 500 : 204); // the first attempt fails
            PartnerAdminClient client = new PartnerAdminClient(URI.create("http://127.0.0.1:" + service.port()),
                    SyndicateTestSupport.ADMIN_TOKEN);
            String partner = TestKafka.unique("hooked");
            String publisher = TestKafka.unique("hook-pub");
            client.add(new PartnerSpec(partner, "Hooked", List.of(new FeedSpec("mine", "Mine",
                    "{\"publisher\":\"" + publisher + "\"}", 0.0, 100)), receiver.url(), SECRET));

            SyndicateTestSupport.produce(
                    Articles.story(TestKafka.unique("push-1"), "Pushed one").setPublisherId(publisher).build(),
                    Articles.story(TestKafka.unique("other"), "Not for this partner").build(),
                    Articles.story(TestKafka.unique("push-2"), "Pushed two").setPublisherId(publisher).build());

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(receiver.accepted()).hasSize(2));
            assertThat(receiver.received()).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::sequence).containsExactly(1L, 2L);
            // different articles sit on different partitions, so either may come first; the sequence is gap-free
            assertThat(receiver.accepted()).extracting(r -> r.body().contains("Pushed one") ? "one"
                    : r.body().contains("Pushed two") ? "two" : "?").containsExactlyInAnyOrder("one", "two");
            assertThat(receiver.received()).noneMatch(r -> r.body().contains("Not for this partner"));
            // outcomes are recorded by the stream thread after the worker's POST returns: wait for them
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(client.deliveries(partner).toString()).contains("\"status\":204", "\"status\":500");
                assertThat(SyndicateTestSupport.get(service.managementPort().orElseThrow(), "/metrics", null).body())
                        .contains("newsflow_webhook_deliveries_total{outcome=\"delivered\"");
            });
            // partners show: the push state, with the last delivery
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode push = client.get(partner).get("push");
                assertThat(push.get("webhookUrl").asText()).isEqualTo(receiver.url());
                assertThat(push.get("state").asText()).isEqualTo("delivering");
                assertThat(push.get("suspended").asBoolean()).isFalse();
                assertThat(push.get("delivered").asLong()).isEqualTo(2);
                assertThat(push.get("nextSequence").asLong()).isEqualTo(3);
                assertThat(push.get("pending").asLong()).isZero();
                assertThat(push.get("lastDelivery").get("status").asInt()).isEqualTo(204);
            });

            // a receiver that always fails: suspended after 3 attempts, and shown so
            broken.answer(() -> 500);
            String failing = TestKafka.unique("failing");
            client.add(new PartnerSpec(failing, "Failing", List.of(new FeedSpec("mine", "Mine",
                    "{\"publisher\":\"" + publisher + "\"}", 0.0, 100)), broken.url(), SECRET));
            SyndicateTestSupport.produce(Articles.story(TestKafka.unique("push-3"), "Pushed three")
                    .setPublisherId(publisher).build());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(client.get(failing).get("push").get("state").asText()).isEqualTo("suspended"));
            JsonNode suspended = client.get(failing).get("push");
            assertThat(suspended.get("suspended").asBoolean()).isTrue();
            assertThat(suspended.get("consecutiveFailures").asInt()).isEqualTo(3);
            assertThat(suspended.get("pending").asLong()).isEqualTo(1);
            assertThat(suspended.get("lastDelivery").get("status").asInt()).isEqualTo(500);
            // deleted: its waiting event and push state go with it
            client.delete(failing);
            assertThatThrownBy(() -> client.get(failing)).isInstanceOfSatisfying(PartnerAdminException.class,
                    e -> assertThat(e.status()).isEqualTo(404));

            // static output and the WebSub ping for the same feed
            Path rss = out.resolve(partner).resolve("mine.rss");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(rss).exists();
                assertThat(Files.readString(rss)).contains("Pushed one", "Pushed two", "rel=\"hub\"")
                        .doesNotContain("Not for this partner");
            });
            // the watcher writes a feed's formats one after another: wait for the last one too
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(out.resolve(partner).resolve("mine.json")).exists());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hubPings).contains(
                    "hub.mode=publish&hub.url=" + service.baseUrl() + "/feeds/" + partner + "/mine.atom"));
        } finally {
            hub.stop(0);
        }
    }
}
