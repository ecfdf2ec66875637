package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every input shape, lifecycle action and identity rule through real HTTP and the in-JVM broker. */
class IngestLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_PUBLISHER = TestKafka.unique("other");
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start(Map.of(IngestConfig.API_KEYS, OTHER_PUBLISHER + ":" + TestIngest.keyOf(OTHER_PUBLISHER),
                IngestConfig.LANGUAGE_DETECTION, "true"));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static ArticleSubmitted written(String id, int version) {
        return SubmittedTopic.forPublisher(ingest.publisher()).stream()
                .filter(a -> a.getArticleId().equals(id) && a.getVersion() == version).findFirst().orElseThrow();
    }

    @Test
    void ninjsIsReadFromApplicationJson() throws Exception {
        HttpResponse<String> response = ingest.postWithKey("/v1/articles", "application/json",
                Fixtures.read("json/ninjs-2.json"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        ArticleSubmitted article = written(json(response).get("id").asText(), 1);
        assertThat(article.getSourceFormat()).isEqualTo(SourceFormat.NINJS);
        assertThat(article.getGuid()).isEqualTo("urn:newsml:coastal-daily.example:20260314:baltic-patrols");
        assertThat(article.getHeadline()).isEqualTo("Baltic states pool coastguard patrols");
        assertThat(article.getImages()).singleElement()
                .satisfies(image -> assertThat(image.getCredit()).isEqualTo("EPA / Kaja Tamm"));
    }

    @Test
    void anHtmlPageIsReadWithItsMainTextFiguresAndDetectedLanguage() throws Exception {
        HttpResponse<String> response = ingest.postWithKey("/v1/articles", "text/html; charset=utf-8",
                Fixtures.read("html/div-soup-article.html"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        ArticleSubmitted article = written(json(response).get("id").asText(), 1);
        assertThat(article.getSourceFormat()).isEqualTo(SourceFormat.HTML);
        assertThat(article.getHeadline()).isEqualTo("Council approves four night-bus routes");
        assertThat(article.getBody()).hasSize(4);
        assertThat(article.getLanguage()).isEqualTo("en");
    }

    @Test
    void publishCorrectKillCarryTheSameIdWithRisingVersions() throws Exception {
        String guid = "lifecycle-" + System.nanoTime();
        String base = "{\"guid\": \"" + guid + "\", \"headline\": \"Bridge closed\", \"embargoUntil\": \"2030-01-01T06:00:00Z\", ";

        HttpResponse<String> published = ingest.postWithKey("/v1/articles", "application/json",
                base + "\"body\": [\"The bridge is closed.\"]}");
        HttpResponse<String> corrected = ingest.postWithKey("/v1/articles", "application/json",
                base + "\"body\": [\"The bridge is closed until Friday.\"], \"action\": \"correct\"}");
        HttpResponse<String> killed = ingest.postWithKey("/v1/articles", "application/json",
                "{\"guid\": \"" + guid + "\", \"headline\": \"Bridge closed\", \"action\": \"kill\"}");
        HttpResponse<String> killedAgain = ingest.postWithKey("/v1/articles", "application/json",
                "{\"guid\": \"" + guid + "\", \"headline\": \"Bridge closed\", \"action\": \"kill\"}");
        HttpResponse<String> revived = ingest.postWithKey("/v1/articles", "application/json",
                base + "\"body\": [\"It reopened.\"]}");

        assertThat(List.of(published.statusCode(), corrected.statusCode(), killed.statusCode(), killedAgain.statusCode(),
                revived.statusCode())).containsExactly(202, 202, 202, 200, 409);
        String id = json(published).get("id").asText();
        assertThat(json(corrected).get("id").asText()).isEqualTo(id);
        assertThat(json(killed).get("version").asInt()).isEqualTo(3);
        assertThat(json(revived).get("field").asText()).isEqualTo("action");
        assertThat(written(id, 1).getEmbargoUntil()).isEqualTo(Instant.parse("2030-01-01T06:00:00Z"));
        assertThat(written(id, 2).getAction()).isEqualTo(ArticleAction.CORRECT);
        assertThat(written(id, 3).getAction()).isEqualTo(ArticleAction.KILL);
        assertThat(SubmittedTopic.forPublisher(ingest.publisher()).stream().filter(a -> a.getArticleId().equals(id)))
                .hasSize(3);
    }

    @Test
    void rawTextKeepsItsIdAcrossAHeadlineChangeWhenTheGuidComesAsAHeader() throws Exception {
        String guid = "text-" + System.nanoTime();
        HttpResponse<String> first = ingest.postWithKey("/v1/articles", "text/plain",
                "NewsPolitics\n\nMinister resigns\n\nThe minister resigned on Monday.", "X-Article-Guid", guid);
        HttpResponse<String> retitled = ingest.postWithKey("/v1/articles", "text/plain",
                "NewsPolitics\n\nMinister resigns over expenses\n\nThe minister resigned on Monday.",
                "X-Article-Guid", guid);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retitled.statusCode()).isEqualTo(202);
        String id = json(first).get("id").asText();
        assertThat(id).contains("-g-");
        assertThat(json(retitled).get("id").asText()).isEqualTo(id);
        assertThat(json(retitled).get("version").asInt()).isEqualTo(2);
        assertThat(written(id, 2).getGuid()).isEqualTo(guid);

        HttpResponse<String> killed = ingest.postWithKey("/v1/articles", "text/plain",
                "Minister resigns over expenses\n\nWithdrawn.", "X-Article-Guid", guid, "X-Article-Action", "kill");
        HttpResponse<String> badAction = ingest.postWithKey("/v1/articles", "text/plain",
                "Minister resigns\n\nText.", "X-Article-Guid", guid, "X-Article-Action", "delete");
        assertThat(killed.statusCode()).isEqualTo(202);
        assertThat(written(id, 3).getAction()).isEqualTo(ArticleAction.KILL);
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(json(badAction).get("field").asText()).isEqualTo("X-Article-Action");
    }

    @Test
    void killingAnUnknownArticleIsNotFoundNamingTheField() throws Exception {
        HttpResponse<String> response = ingest.postWithKey("/v1/articles", "application/json",
                "{\"guid\": \"never-seen\", \"action\": \"kill\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asText()).isEqualTo("urn:newsflow:problem:not-found");
        assertThat(json(response).get("field").asText()).isEqualTo("guid");
    }

    @Test
    void aKillNeedsOnlyTheId() throws Exception {
        String guid = "kill-by-id-" + System.nanoTime();
        HttpResponse<String> published = ingest.postWithKey("/v1/articles", "application/json",
                "{\"guid\": \"" + guid + "\", \"headline\": \"Wrong figures\", \"body\": [\"The figures were wrong.\"]}");
        HttpResponse<String> killed = ingest.postWithKey("/v1/articles", "application/json",
                "{\"guid\": \"" + guid + "\", \"action\": \"kill\"}");
        HttpResponse<String> killedAgain = ingest.postWithKey("/v1/articles", "application/json",
                "{\"guid\": \"" + guid + "\", \"action\": \"kill\"}");
        HttpResponse<String> nameless = ingest.postWithKey("/v1/articles", "application/json", "{\"action\": \"kill\"}");

        assertThat(published.statusCode()).isEqualTo(202);
        assertThat(killed.statusCode()).as(killed.body()).isEqualTo(202);
        String id = json(published).get("id").asText();
        assertThat(json(killed).get("id").asText()).isEqualTo(id);
        assertThat(json(killed).get("version").asInt()).isEqualTo(2);
        assertThat(json(killed).get("action").asText()).isEqualTo("kill");
        ArticleSubmitted record = written(id, 2);
        assertThat(record.getAction()).isEqualTo(ArticleAction.KILL);
        assertThat(record.getHeadline()).isEmpty();
        assertThat(record.getBody()).isEmpty();
        assertThat(killedAgain.statusCode()).isEqualTo(200);
        assertThat(nameless.statusCode()).isEqualTo(422);
        assertThat(json(nameless).get("field").asText()).isEqualTo("guid");
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstResultAndRefusesADifferentRequest() throws Exception {
        String key = "idem-" + System.nanoTime();
        String body = "{\"guid\": \"" + key + "\", \"headline\": \"Rates held\", \"body\": [\"The bank held rates.\"]}";

        HttpResponse<String> first = ingest.postWithKey("/v1/articles", "application/json", body, "Idempotency-Key", key);
        HttpResponse<String> retry = ingest.postWithKey("/v1/articles", "application/json", body, "Idempotency-Key", key);
        HttpResponse<String> misuse = ingest.postWithKey("/v1/articles", "application/json",
                body.replace("held rates", "cut rates"), "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(misuse.statusCode()).isEqualTo(409);
        assertThat(json(misuse).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void theKeyOfVersionOneRetriedAfterVersionTwoGetsVersionOnesExactAnswer() throws Exception {
        String guid = "idem-v-" + System.nanoTime();
        String v1 = "{\"guid\": \"" + guid + "\", \"headline\": \"Ferry delayed\", \"body\": [\"The ferry is late.\"]}";
        String v2 = v1.replace("The ferry is late.", "The ferry is two hours late.");

        HttpResponse<String> first = ingest.postWithKey("/v1/articles", "application/json", v1, "Idempotency-Key", guid + "-1");
        HttpResponse<String> second = ingest.postWithKey("/v1/articles", "application/json", v2, "Idempotency-Key", guid + "-2");
        HttpResponse<String> retryOfFirst = ingest.postWithKey("/v1/articles", "application/json", v1,
                "Idempotency-Key", guid + "-1");
        HttpResponse<String> repeatKey = ingest.postWithKey("/v1/articles", "application/json", v2,
                "Idempotency-Key", guid + "-3");
        HttpResponse<String> retryOfRepeat = ingest.postWithKey("/v1/articles", "application/json", v2,
                "Idempotency-Key", guid + "-3");

        assertThat(json(second).get("version").asInt()).isEqualTo(2);
        assertThat(retryOfFirst.statusCode()).isEqualTo(202);
        assertThat(retryOfFirst.body()).isEqualTo(first.body());
        assertThat(json(retryOfFirst).get("version").asInt()).isEqualTo(1);
        // A key first used for a repeat keeps answering that repeat.
        assertThat(repeatKey.statusCode()).isEqualTo(200);
        assertThat(retryOfRepeat.statusCode()).isEqualTo(200);
        assertThat(retryOfRepeat.body()).isEqualTo(repeatKey.body());
    }

    @Test
    void getReturnsTheLatestAcceptedVersionToItsPublisherOnly() throws Exception {
        String guid = "get-" + System.nanoTime();
        ingest.postWithKey("/v1/articles", "application/json",
                "{\"guid\": \"" + guid + "\", \"headline\": \"Snow\", \"body\": [\"Snow fell.\"]}");
        HttpResponse<String> update = ingest.postWithKey("/v1/articles", "application/json",
                "{\"guid\": \"" + guid + "\", \"headline\": \"Heavy snow\", \"body\": [\"Snow fell all night.\"]}");
        String id = json(update).get("id").asText();

        HttpResponse<String> mine = ingest.get("/v1/articles/" + id, "Authorization", "Bearer " + ingest.key());
        HttpResponse<String> theirs = ingest.get("/v1/articles/" + id, "X-Api-Key", TestIngest.keyOf(OTHER_PUBLISHER));
        HttpResponse<String> anonymous = ingest.get("/v1/articles/" + id);

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).get("version").asInt()).isEqualTo(2);
        assertThat(json(mine).get("headline").asText()).isEqualTo("Heavy snow");
        assertThat(json(mine).get("body").get(0).asText()).isEqualTo("Snow fell all night.");
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void thePublisherComesFromTheKeyNeverFromTheBody() throws Exception {
        HttpResponse<String> response = ingest.postWithKey("/v1/articles", "application/json",
                "{\"publisherId\": \"" + OTHER_PUBLISHER + "\", \"publisher\": \"" + OTHER_PUBLISHER + "\", "
                        + "\"headline\": \"Impersonation attempt\", \"body\": [\"b\"]}");
        String id = json(response).get("id").asText();
        assertThat(id).startsWith(ingest.publisher() + "-");
        assertThat(written(id, 1).getPublisherId()).isEqualTo(ingest.publisher());
    }

    @Test
    void theSameGuidFromTwoPublishersIsTwoArticles() throws Exception {
        String body = "{\"guid\": \"shared-guid\", \"headline\": \"Same\", \"body\": [\"Text.\"]}";
        HttpResponse<String> mine = ingest.postWithKey("/v1/articles", "application/json", body);
        HttpResponse<String> theirs = ingest.post("/v1/articles", "application/json", body,
                "X-Api-Key", TestIngest.keyOf(OTHER_PUBLISHER));
        assertThat(json(mine).get("id").asText()).isNotEqualTo(json(theirs).get("id").asText())
                .startsWith(ingest.publisher());
        assertThat(json(theirs).get("id").asText()).startsWith(OTHER_PUBLISHER);
    }

    @Test
    void unsupportedMediaTypesAndBadHeadersAreRefused() throws Exception {
        HttpResponse<String> xml = ingest.postWithKey("/v1/articles", "application/xml", "<article/>");
        HttpResponse<String> badKey = ingest.postWithKey("/v1/articles", "application/json",
                "{\"headline\": \"H\", \"body\": [\"b\"]}", "Idempotency-Key", "has spaces in it");
        HttpResponse<String> emptyBody = ingest.postWithKey("/v1/articles", "application/json", "{\"headline\": \"H\"}");
        HttpResponse<String> badDate = ingest.postWithKey("/v1/articles", "application/json",
                "{\"headline\": \"H\", \"body\": [\"b\"], \"publishedAt\": \"31/12/2026\"}");

        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(json(xml).get("field").asText()).isEqualTo("Content-Type");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(json(badKey).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(emptyBody.statusCode()).isEqualTo(422);
        assertThat(json(emptyBody).get("field").asText()).isEqualTo("body");
        assertThat(badDate.statusCode()).isEqualTo(422);
        assertThat(json(badDate).get("field").asText()).isEqualTo("publishedAt");
    }

    @Test
    void aBatchGivesOneResultPerLine() throws Exception {
        String tag = "batch-" + System.nanoTime();
        String ndjson = "{\"guid\": \"" + tag + "-1\", \"headline\": \"One\", \"body\": [\"b\"]}\n"
                + "{\"guid\": \"" + tag + "-2\", \"body\": [\"no headline\"]}\n"
                + "\n"
                + "not json\n"
                + "{\"guid\": \"" + tag + "-1\", \"headline\": \"One\", \"body\": [\"b\"]}\n";

        HttpResponse<String> response = ingest.postWithKey("/v1/articles:batch", "application/x-ndjson", ndjson);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("unchanged").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(2);
        JsonNode results = answer.get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(1).get("problem").get("field").asText()).isEqualTo("headline");
        assertThat(results.get(2).get("line").asInt()).isEqualTo(4);
        assertThat(results.get(2).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(3).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(3).get("id").asText()).isEqualTo(results.get(0).get("id").asText());
    }

    @Test
    void theOpenApiDocumentIsServed() throws Exception {
        HttpResponse<String> response = ingest.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response);
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.get("paths").has("/v1/articles")).isTrue();
        assertThat(document.get("paths").has("/v1/articles:batch")).isTrue();
        assertThat(document.get("paths").has("/v1/articles/{id}")).isTrue();
    }
}
