package dev.newsflow.syndicate.http;

import static dev.newsflow.syndicate.SyndicateTestSupport.ADMIN_TOKEN;
import static dev.newsflow.syndicate.SyndicateTestSupport.createPartner;
import static dev.newsflow.syndicate.SyndicateTestSupport.get;
import static dev.newsflow.syndicate.SyndicateTestSupport.json;
import static dev.newsflow.syndicate.SyndicateTestSupport.send;
import static dev.newsflow.syndicate.SyndicateTestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.testing.OpenApi31;
import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.syndicate.SyndicateTestSupport;
import dev.newsflow.syndicate.interop.ServedFeedsAreValid;
import dev.newsflow.syndicate.partner.CreatedPartner;
import dev.newsflow.syndicate.interop.PythonTools;
import dev.newsflow.syndicate.partner.FeedSpec;
import dev.newsflow.syndicate.partner.PartnerAdminClient;
import dev.newsflow.syndicate.partner.PartnerAdminException;
import dev.newsflow.syndicate.partner.PartnerSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The running service on the in-JVM broker, over real HTTP. */
@ExtendWith(ServedFeedsAreValid.class)
class SyndicateServiceIT {
    @TempDir
    static Path stateDir;

    private static SyndicateService service;
    private static int port;

    @BeforeAll
    static void start() {
        service = SyndicateService.start(SyndicateTestSupport.config(stateDir, TestKafka.unique("syndicate-it"), "0"));
        port = service.port();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anArticleOnTheTopicAppearsInEveryFormatOfAPartnersFeed() {
        String partner = TestKafka.unique("demo");
        String token = createPartner(port, partner, "[{\"feedId\":\"all\",\"title\":\"Everything\"}]");
        String id = TestKafka.unique("article");
        SyndicateTestSupport.produce(Articles.story(id, "Ferry treaty agreed " + id).build());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/feeds/" + partner + "/all.rss", token).body()).contains("Ferry treaty agreed " + id));
        HttpResponse<String> rss = get(port, "/feeds/" + partner + "/all.rss", token);
        assertThat(rss.statusCode()).isEqualTo(200);
        assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        assertThat(rss.body()).contains("<media:description", "Delegates arrive at the conference centre in Lisbon",
                "role=\"photographer\"", "Ana Sousa", "Reuters", "<dc:creator>Mara Lindqvist</dc:creator>",
                "isPermaLink=\"false\"", "urn:newsflow:article:" + id, "rel=\"self\"");

        HttpResponse<String> jsonFeed = get(port, "/feeds/" + partner + "/all.json?token=" + token, null);
        assertThat(jsonFeed.statusCode()).isEqualTo(200);
        assertThat(jsonFeed.headers().firstValue("Content-Type")).hasValue("application/feed+json; charset=utf-8");
        JsonNode feed = json(jsonFeed.body());
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        JsonNode item = findItem(feed, "urn:newsflow:article:" + id);
        assertThat(item.get("title").asText()).isEqualTo("Ferry treaty agreed " + id);
        JsonNode image = item.get("_newsflow").get("images").get(0);
        assertThat(image.get("caption").asText()).isEqualTo("Delegates arrive at the conference centre in Lisbon");
        assertThat(image.get("creditline").asText()).isEqualTo("Reuters");
        assertThat(image.get("by").asText()).isEqualTo("Ana Sousa");
        // the token came in the URL, so the document's own links keep it
        assertThat(feed.get("feed_url").asText()).contains("token=");

        HttpResponse<String> atom = get(port, "/feeds/" + partner + "/all.atom", token);
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        assertThat(atom.body()).contains("<id>urn:newsflow:article:" + id + "</id>", "rel=\"self\"");
    }

    @Test
    void aKillRemovesTheStoryFromRssAndLeavesTombstonesInAtomAndJson() {
        String partner = TestKafka.unique("kill");
        String token = createPartner(port, partner, "[{\"feedId\":\"all\",\"title\":\"Everything\"}]");
        String id = TestKafka.unique("killed");
        SyndicateTestSupport.produce(Articles.story(id, "Soon withdrawn " + id).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/feeds/" + partner + "/all.rss", token).body()).contains("Soon withdrawn " + id));
        SyndicateTestSupport.produce(Articles.story(id, "").setVersion(2).setAction(ArticleAction.KILL)
                .setReceivedAt(Articles.T0.plusSeconds(60)).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/feeds/" + partner + "/all.atom", token).body())
                        .contains("<at:deleted-entry", "ref=\"urn:newsflow:article:" + id + "\""));
        assertThat(get(port, "/feeds/" + partner + "/all.rss", token).body()).doesNotContain(id);
        JsonNode tombstone = findItem(json(get(port, "/feeds/" + partner + "/all.json", token).body()),
                "urn:newsflow:article:" + id);
        assertThat(tombstone.get("_newsflow").get("deleted").asBoolean()).isTrue();
        assertThat(tombstone.toString()).doesNotContain("Soon withdrawn");
    }

    @Test
    void authenticationMatrix() {
        String a = TestKafka.unique("alpha");
        String b = TestKafka.unique("beta");
        String tokenA = createPartner(port, a, "[{\"feedId\":\"all\",\"title\":\"A\"}]");
        String tokenB = createPartner(port, b, "[{\"feedId\":\"all\",\"title\":\"B\"}]");

        HttpResponse<String> none = get(port, "/feeds/" + a + "/all.rss", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(get(port, "/feeds/" + a + "/all.rss", tokenA).statusCode()).isEqualTo(200);
        for (String format : List.of("rss", "atom", "json")) {
            assertThat(get(port, "/feeds/" + a + "/all." + format, tokenB).statusCode()).isEqualTo(404);
            assertThat(get(port, "/feeds/" + b + "/all." + format + "?token=" + tokenA, null).statusCode())
                    .isEqualTo(404);
        }
        assertThat(get(port, "/feeds/" + a + "/all.rss", "not-a-token").statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + a + "/other.rss", tokenA).statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + a + "/all.html", tokenA).statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/no-such-partner/all.rss", tokenA).statusCode()).isEqualTo(404);
        // a partner token is not an admin token
        assertThat(get(port, "/v1/partners", tokenA).statusCode()).isEqualTo(401);
    }

    @Test
    void conditionalRequestsAnswer304() {
        String partner = TestKafka.unique("cond");
        String token = createPartner(port, partner, "[{\"feedId\":\"all\",\"title\":\"Everything\"}]");
        HttpResponse<String> first = get(port, "/feeds/" + partner + "/all.json", token);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).startsWith("W/\"");

        HttpResponse<String> byEtag = send(HttpRequest.newBuilder(url(port, "/feeds/" + partner + "/all.json"))
                .header("Authorization", "Bearer " + token).header("If-None-Match", etag).build());
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        HttpResponse<String> byDate = send(HttpRequest.newBuilder(url(port, "/feeds/" + partner + "/all.json"))
                .header("Authorization", "Bearer " + token).header("If-Modified-Since", lastModified).build());
        assertThat(byDate.statusCode()).isEqualTo(304);
        HttpResponse<String> stale = send(HttpRequest.newBuilder(url(port, "/feeds/" + partner + "/all.json"))
                .header("Authorization", "Bearer " + token).header("If-None-Match", "W/\"something-else\"").build());
        assertThat(stale.statusCode()).isEqualTo(200);
        // authentication comes before the cache check: a conditional request without a token is still 401
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(url(port, "/feeds/" + partner + "/all.json"))
                .header("If-None-Match", etag).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void pollsOfAnUnchangedFeedAreAnsweredFromMemoryAndNeverServeAStaleFeed() {
        String partner = TestKafka.unique("memory");
        String token = createPartner(port, partner, "[{\"feedId\":\"all\",\"title\":\"Everything\"}]");
        String first = TestKafka.unique("first");
        SyndicateTestSupport.produce(Articles.story(first, "First " + first).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/feeds/" + partner + "/all.atom", token).body()).contains("First " + first));
        // an article of another test stored in between changes the state, and a poll after it is rightly read and
        // rendered again: the polls are repeated until all three fall within one state (never, if nothing is cached)
        RepeatedPolls polls = await().atMost(Duration.ofSeconds(30)).until(
                () -> RepeatedPolls.of(partner + "/all.atom", token), RepeatedPolls::bothAnsweredFromMemory);
        HttpResponse<String> rendered = polls.rendered();
        HttpResponse<String> again = polls.again();
        HttpResponse<String> unchanged = polls.unchanged();
        String etag = rendered.headers().firstValue("ETag").orElseThrow();
        // a token in the URL makes another document (its links carry the token): rendered once, then from memory
        String byQuery = partner + "/all.atom?token=" + token;
        HttpResponse<String> byQueryToken = await().atMost(Duration.ofSeconds(30))
                .until(() -> RepeatedPolls.of(byQuery, null), RepeatedPolls::bothAnsweredFromMemory).again();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(rendered.body());
        for (String header : List.of("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Type")) {
            assertThat(again.headers().firstValue(header)).as(header).isEqualTo(rendered.headers().firstValue(header));
        }
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byQueryToken.body()).as("links carry the token that came in the URL")
                .contains("token=" + token).contains("First " + first);

        String second = TestKafka.unique("second");
        SyndicateTestSupport.produce(Articles.story(second, "Second " + second).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> changed = send(HttpRequest.newBuilder(url(port, "/feeds/" + partner + "/all.atom"))
                    .header("Authorization", "Bearer " + token).header("If-None-Match", etag).build());
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("Second " + second).contains("First " + first);
        });
        // refusals are never answered from memory, even for a feed whose rendering is cached
        assertThat(get(port, "/feeds/" + partner + "/all.atom", "not-the-token").statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + partner + "/all.atom", null).statusCode()).isEqualTo(401);
    }

    /**
     * A poll of a partner's feed, the same poll again and a conditional one, with the feed requests answered from
     * memory meanwhile.
     */
    private record RepeatedPolls(HttpResponse<String> rendered, HttpResponse<String> again,
                                 HttpResponse<String> unchanged, double fromMemory) {
        static RepeatedPolls of(String feed, String token) {
            HttpResponse<String> rendered = get(port, "/feeds/" + feed, token);
            double before = memoryAnswers();
            HttpResponse<String> again = get(port, "/feeds/" + feed, token);
            HttpRequest.Builder conditional = HttpRequest.newBuilder(url(port, "/feeds/" + feed))
                    .header("If-None-Match", rendered.headers().firstValue("ETag").orElseThrow());
            if (token != null) {
                conditional.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> unchanged = send(conditional.build());
            return new RepeatedPolls(rendered, again, unchanged, memoryAnswers() - before);
        }

        boolean bothAnsweredFromMemory() {
            return fromMemory >= 2;
        }
    }

    private static double memoryAnswers() {
        String metrics = get(service.managementPort().orElseThrow(), "/metrics", null).body();
        return metrics.lines().filter(line -> line.startsWith("newsflow_feed_memory_answers_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no newsflow_feed_memory_answers_total"));
    }

    @Test
    void feedsAreGzippedWhenAsked() throws IOException {
        String partner = TestKafka.unique("gzip");
        String token = createPartner(port, partner, "[{\"feedId\":\"all\",\"title\":\"Everything\"}]");
        String id = TestKafka.unique("long");
        SyndicateTestSupport.produce(Articles.story(id, "Long read " + id)
                .setBody(List.of("A paragraph long enough to be worth compressing. ".repeat(100))).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/feeds/" + partner + "/all.rss", token).body()).contains("Long read " + id));
        HttpResponse<byte[]> response = SyndicateTestSupport.sendForBytes(
                HttpRequest.newBuilder(url(port, "/feeds/" + partner + "/all.rss"))
                        .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Long read " + id);
        }
    }

    @Test
    void adminApiCreatesOnceShowsNoSecretsAndNamesBadFields() {
        String partner = TestKafka.unique("admin");
        createPartner(port, partner, "[{\"feedId\":\"all\",\"title\":\"Everything\"}]");
        HttpResponse<String> again = send(HttpRequest.newBuilder(url(port, "/v1/partners"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"partnerId\":\"" + partner
                        + "\",\"displayName\":\"x\",\"feeds\":[{\"feedId\":\"all\",\"title\":\"t\"}]}")).build());
        assertThat(again.statusCode()).isEqualTo(409);

        HttpResponse<String> list = get(port, "/v1/partners", ADMIN_TOKEN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(partner).doesNotContain("token").doesNotContain("tokenHash");

        HttpResponse<String> badId = send(HttpRequest.newBuilder(url(port, "/v1/partners"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"partnerId\":\"Bad Id!\",\"displayName\":\"x\","
                        + "\"feeds\":[{\"feedId\":\"all\",\"title\":\"t\"}]}")).build());
        assertThat(badId.statusCode()).isEqualTo(422);
        assertThat(json(badId.body()).get("field").asText()).isEqualTo("partnerId");

        HttpResponse<String> badJson = send(HttpRequest.newBuilder(url(port, "/v1/partners"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> noAdmin = send(HttpRequest.newBuilder(url(port, "/v1/partners"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(noAdmin.statusCode()).isEqualTo(401);
    }

    @Test
    void theJavaApiCreatesAPartnerWhoseTokenWorksAtOnce() {
        String partner = TestKafka.unique("java");
        CreatedPartner created = service.partners()
                .create(PartnerSpec.of(partner, "Java partner", FeedSpec.everything("all", "Everything")));
        assertThat(created.partner().getTokenHash()).doesNotContain(created.token());
        assertThat(get(port, "/feeds/" + partner + "/all.rss", created.token()).statusCode()).isEqualTo(200);

        CreatedPartner rotated = service.partners().rotateToken(partner);
        assertThat(get(port, "/feeds/" + partner + "/all.rss", created.token()).statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + partner + "/all.rss", rotated.token()).statusCode()).isEqualTo(200);

        service.partners().setEnabled(partner, false);
        assertThat(get(port, "/feeds/" + partner + "/all.rss", rotated.token()).statusCode()).isEqualTo(404);
        service.partners().setEnabled(partner, true);

        // what a restarted demo does: the partner exists, so it gets the spec's feeds and a fresh token
        CreatedPartner reissued = service.partners().createOrReissue(
                PartnerSpec.of(partner, "Java partner", FeedSpec.everything("everything", "Everything")));
        assertThat(get(port, "/feeds/" + partner + "/all.rss", rotated.token()).statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + partner + "/everything.rss", reissued.token()).statusCode()).isEqualTo(200);
        String fresh = TestKafka.unique("fresh");
        CreatedPartner created2 = service.partners().createOrReissue(
                PartnerSpec.of(fresh, "Fresh", FeedSpec.everything("all", "Everything")));
        assertThat(get(port, "/feeds/" + fresh + "/all.rss", created2.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminClientDrivesTheWholePartnerLifecycle() {
        PartnerAdminClient client = new PartnerAdminClient(URI.create("http://127.0.0.1:" + port), ADMIN_TOKEN);
        String partner = TestKafka.unique("cli");
        JsonNode added = client.add(new PartnerSpec(partner, "CLI partner", PartnerAdminClient.feedOptions(List.of(
                "politics:Politics:{\"topic\":\"medtop:11000000\"}", "all:Everything")), null, null));
        String token = added.get("token").asText();
        assertThat(added.get("feeds").get(0).get("filter").get("topic").asText()).isEqualTo("medtop:11000000");
        assertThat(client.list().toString()).contains(partner).doesNotContain(token);
        assertThat(client.get(partner).get("displayName").asText()).isEqualTo("CLI partner");

        assertThatThrownBy(() -> client.update(partner, new PartnerSpec(null, "CLI partner",
                List.of(PartnerAdminClient.feedOption("x:X:{\"topic\":\"politics\"}")), null, null)))
                .isInstanceOfSatisfying(PartnerAdminException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.field()).isEqualTo("feeds[0].filter.topic");
                });
        JsonNode updated = client.update(partner, new PartnerSpec(null, "Renamed",
                List.of(PartnerAdminClient.feedOption("all:Everything")), null, null));
        assertThat(updated.get("displayName").asText()).isEqualTo("Renamed");
        assertThat(get(port, "/feeds/" + partner + "/politics.rss", token).statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + partner + "/all.rss", token).statusCode()).isEqualTo(200);

        assertThat(client.disable(partner).get("enabled").asBoolean()).isFalse();
        assertThat(get(port, "/feeds/" + partner + "/all.rss", token).statusCode()).isEqualTo(404);
        assertThat(client.enable(partner).get("enabled").asBoolean()).isTrue();
        String rotated = client.rotateToken(partner).get("token").asText();
        assertThat(get(port, "/feeds/" + partner + "/all.rss", token).statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + partner + "/all.rss", rotated).statusCode()).isEqualTo(200);

        PartnerAdminClient wrongToken = new PartnerAdminClient(URI.create("http://127.0.0.1:" + port), "wrong");
        assertThatThrownBy(wrongToken::list).isInstanceOfSatisfying(PartnerAdminException.class,
                e -> assertThat(e.status()).isEqualTo(401));
    }

    /**
     * A token sent in the Authorization header never appears in the document's links (they would leak it into
     * logs, caches and shared URLs for nothing: the reader sends the header again); a token sent as ?token= is
     * kept in self and next, or the reader, which knows only the URL, could not follow them.
     */
    @Test
    void tokensStayOutOfLinksUnlessTheyCameInTheUrl() {
        String partner = TestKafka.unique("links");
        String publisher = TestKafka.unique("links-pub");
        String token = createPartner(port, partner, "[{\"feedId\":\"f\",\"title\":\"Links\",\"maxItems\":1,"
                + "\"filter\":{\"publisher\":\"" + publisher + "\"}}]");
        SyndicateTestSupport.produce(
                Articles.story(TestKafka.unique("links-1"), "Older").setPublisherId(publisher).build(),
                Articles.story(TestKafka.unique("links-2"), "Newer").setPublisherId(publisher)
                        .setReceivedAt(Articles.T0.plusSeconds(5)).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(get(port, "/feeds/" + partner + "/f.json", token).body()).has("next_url")).isTrue());
        String encoded = java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
        for (String format : List.of("rss", "atom", "json")) {
            String byHeader = get(port, "/feeds/" + partner + "/f." + format, token).body();
            assertThat(byHeader).as(format).contains("/feeds/" + partner + "/f." + format + "?before=")
                    .doesNotContain("token=", token);
            String byUrl = get(port, "/feeds/" + partner + "/f." + format + "?token=" + encoded, null).body();
            assertThat(byUrl).as(format).contains("/feeds/" + partner + "/f." + format + "?token=" + encoded)
                    .containsPattern("/feeds/" + partner + "/f\\." + format + "\\?before=[^\"&<]+&(amp;)?token="
                            + encoded);
        }
        // the next link, followed as given, works with the token in it and nothing else
        String next = json(get(port, "/feeds/" + partner + "/f.json?token=" + encoded, null).body())
                .get("next_url").asText();
        JsonNode older = json(send(HttpRequest.newBuilder(URI.create(next.replace("localhost", "127.0.0.1")))
                .GET().build()).body());
        assertThat(older.get("items").get(0).get("title").asText()).isEqualTo("Older");
    }

    /** Delete: a tombstone on the compacted topic; feeds and token gone at once; the id can be used again. */
    @Test
    void aDeletedPartnersFeedsAndTokenAreGone() {
        String partner = TestKafka.unique("deleted");
        String token = createPartner(port, partner, "[{\"feedId\":\"all\",\"title\":\"Everything\"}]");
        assertThat(get(port, "/feeds/" + partner + "/all.json", token).statusCode()).isEqualTo(200);
        PartnerAdminClient client = new PartnerAdminClient(URI.create("http://127.0.0.1:" + port), ADMIN_TOKEN);

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(url(port, "/v1/partners/" + partner))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        for (String format : List.of("rss", "atom", "json")) {
            assertThat(get(port, "/feeds/" + partner + "/all." + format, token).statusCode()).isEqualTo(404);
        }
        assertThatThrownBy(() -> client.get(partner)).isInstanceOfSatisfying(PartnerAdminException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(client.list().toString()).doesNotContain("\"" + partner + "\"");
        assertThatThrownBy(() -> client.delete(partner)).isInstanceOfSatisfying(PartnerAdminException.class,
                e -> assertThat(e.status()).isEqualTo(404));

        String again = createPartner(port, partner, "[{\"feedId\":\"all\",\"title\":\"Everything\"}]");
        assertThat(get(port, "/feeds/" + partner + "/all.json", token).statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + partner + "/all.json", again).statusCode()).isEqualTo(200);
    }

    @Test
    void aPartnerCannotPageIntoAnotherPartnersItems() {
        String publisherA = TestKafka.unique("pub-a");
        String publisherB = TestKafka.unique("pub-b");
        String a = TestKafka.unique("page-a");
        String b = TestKafka.unique("page-b");
        String tokenA = createPartner(port, a, "[{\"feedId\":\"f\",\"title\":\"A\",\"maxItems\":1,"
                + "\"filter\":{\"publisher\":\"" + publisherA + "\"}}]");
        String tokenB = createPartner(port, b, "[{\"feedId\":\"f\",\"title\":\"B\",\"maxItems\":1,"
                + "\"filter\":{\"publisher\":\"" + publisherB + "\"}}]");
        for (int i = 0; i < 3; i++) {
            SyndicateTestSupport.produce(
                    Articles.story(TestKafka.unique("a-item"), "A item " + i).setPublisherId(publisherA)
                            .setReceivedAt(Articles.T0.plusSeconds(2 * i)).build(),
                    Articles.story(TestKafka.unique("b-item"), "B item " + i).setPublisherId(publisherB)
                            .setReceivedAt(Articles.T0.plusSeconds(2 * i + 1)).build());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/feeds/" + b + "/f.json", tokenB).body()).contains("B item 2"));
        // B's own cursors, replayed on A's feed by A, only ever give A's items
        String cursor = null;
        List<String> seenByA = new java.util.ArrayList<>();
        do {
            JsonNode pageB = json(get(port, "/feeds/" + b + "/f.json" + (cursor == null ? "" : "?before=" + cursor),
                    tokenB).body());
            cursor = pageB.has("next_url") ? URI.create(pageB.get("next_url").asText()).getRawQuery()
                    .replace("before=", "") : null;
            if (cursor != null) {
                JsonNode pageA = json(get(port, "/feeds/" + a + "/f.json?before=" + cursor, tokenA).body());
                pageA.get("items").forEach(item -> seenByA.add(item.get("title").asText()));
            }
        } while (cursor != null);
        assertThat(seenByA).isNotEmpty().allMatch(title -> title.startsWith("A item"));
        // and B's cursor with A's token on B's feed is still 404
        assertThat(get(port, "/feeds/" + b + "/f.json?before=x", tokenA).statusCode()).isEqualTo(404);
        assertThat(get(port, "/feeds/" + a + "/f.json?before=not-a-cursor", tokenA).statusCode()).isEqualTo(400);
    }

    @Test
    void servedFeedsParseCleanlyInFeedparserAndTheJsonFeedSchema(@TempDir Path work) throws Exception {
        PythonTools.requireModule("feedparser", "python3-feedparser");
        PythonTools.requireModule("jsonschema", "python3-jsonschema");
        String partner = TestKafka.unique("interop");
        String publisher = TestKafka.unique("interop-pub");
        String token = createPartner(port, partner, "[{\"feedId\":\"mine\",\"title\":\"Interop\","
                + "\"filter\":{\"publisher\":\"" + publisher + "\"}}]");
        String id = TestKafka.unique("interop-article");
        SyndicateTestSupport.produce(Articles.story(id, "Served headline").setPublisherId(publisher).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(port, "/feeds/" + partner + "/mine.json", token).body()).contains("Served headline"));
        List<Path> files = new java.util.ArrayList<>();
        for (String format : List.of("rss", "atom", "json")) {
            Path file = work.resolve("served." + format);
            java.nio.file.Files.writeString(file, get(port, "/feeds/" + partner + "/mine." + format, token).body());
            files.add(file);
        }
        JsonNode results = PythonTools.checkFeeds(work, files);
        for (Path xml : files.subList(0, 2)) {
            JsonNode parsed = results.get(xml.toString());
            assertThat(parsed.get("bozo").asInt()).as("%s: %s", xml, parsed.get("bozo_exception")).isZero();
            assertThat(parsed.get("title").asText()).isEqualTo("Interop");
            assertThat(parsed.get("entries")).hasSize(1);
            assertThat(parsed.get("entries").get(0).get("title").asText()).isEqualTo("Served headline");
            assertThat(parsed.get("entries").get(0).get("media_credit").toString()).contains("Ana Sousa", "Reuters");
            assertThat(parsed.get("links").toString())
                    .contains("http://localhost:" + port + "/feeds/" + partner + "/mine.");
        }
        assertThat(results.get(files.get(2).toString()).get("schema_errors")).isEmpty();
    }

    @Test
    void theOpenApiDocumentNamesTheRealServerAndThePartnerGuideIsServed() {
        HttpResponse<String> openApi = get(port, "/openapi.json", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        JsonNode document = json(openApi.body());
        assertThat(document.get("servers").get(0).get("url").asText()).isEqualTo(service.baseUrl())
                .isEqualTo("http://localhost:" + port);
        assertThat(OpenApi31.problems(document)).isEmpty();
        HttpResponse<String> guide = get(port, "/docs", null);
        assertThat(guide.statusCode()).isEqualTo(200);
        assertThat(guide.body()).contains("<h2>Authentication</h2>", "<code>_newsflow</code>");
    }

    @Test
    void healthAndMetricsAreServed() {
        HttpResponse<String> health = get(port, "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"feed-state\":true").contains("\"webhook-push\":true")
                .contains("\"kafka\":true").contains("\"schema-registry\":true");
        assertThat(get(port, "/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get(port, "/metrics", null).statusCode()).as("not on the partners' port").isEqualTo(404);

        assertThat(get(port, "/feeds/nobody/all.rss", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/feeds/nobody/all.json", "not-a-token").statusCode()).isEqualTo(404);
        String metrics = get(service.managementPort().orElseThrow(), "/metrics", null).body();
        assertThat(metrics).contains("newsflow_jvm_memory")
                .contains("newsflow_feed_requests_total{format=\"rss\",service=\"syndicate\",status=\"401\"}")
                .contains("newsflow_feed_requests_total{format=\"json\",service=\"syndicate\",status=\"404\"}")
                .contains("newsflow_feed_request_seconds_bucket{format=\"rss\"")
                .contains("newsflow_kafka_stream_thread_")
                .contains("newsflow_kafka_consumer_fetch_manager_records_lag")
                .contains("newsflow_kafka_producer_record_send_total{");
    }

    private static JsonNode findItem(JsonNode feed, String id) {
        for (JsonNode item : feed.get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + feed);
    }
}
