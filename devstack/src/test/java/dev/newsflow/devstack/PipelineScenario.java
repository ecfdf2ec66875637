package dev.newsflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.offline.OfflineEnricher;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleRecords;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.ingest.text.OpenNlpLanguageDetector;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The walking skeleton end to end, written once and run against any Kafka + schema registry
 * (the in-JVM broker here, Kafka and Confluent Schema Registry containers where Docker exists):
 * a publisher posts a seed-shaped article, the partner's RSS and JSON feeds carry exactly one
 * clean item, with the entities' Wikidata ids and confidences the annotator gave them, and feeds
 * filtered by entity id carry it only at or above their minimum confidence.
 */
public final class PipelineScenario implements AutoCloseable {
    static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    public static final String HEADLINE = "EU foreign ministers back a new sanctions package after talks in Brussels";
    public static final String CAPTION_START = "Germany’s Foreign Minister Johann Wadephul";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final DevStack stack;

    public PipelineScenario(String bootstrapServers, String schemaRegistryUrl, Path stateDir) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        stack = DevStack.start(DevStackSettings.builder(stateDir)
                .cluster(bootstrapServers, schemaRegistryUrl)
                .topicPartitions(2)
                .publisher("scenario", "scenario-key-" + UUID.randomUUID())
                .adminToken("scenario-admin-" + run)
                .partner("partner-" + run, "Scenario partner", "all")
                .applicationIdSuffix("scenario-" + run)
                .build());
    }

    /** Posts the fixture and checks both feeds; every assertion names what a partner would see wrong. */
    public void seedShapedArticleReachesThePartnersFeedsClean() throws Exception {
        // Feeds by entity: Radosław Sikorski is Q58085 (EveryPolitician, Polish Sejm); Keir Starmer is not in the story.
        HttpResponse<String> feeds = http.send(HttpRequest.newBuilder(
                        URI.create(stack.syndicateUrl() + "/v1/partners/" + stack.partnerId()))
                .header("Authorization", "Bearer " + stack.adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"displayName":"Scenario partner","feeds":[
                          {"feedId":"all","title":"Everything"},
                          {"feedId":"sikorski","title":"Sikorski","filter":{"entity":"Q58085"},"minConfidence":0.5},
                          {"feedId":"sikorski-certain","title":"Sikorski, certain","filter":{"entity":"Q58085"},"minConfidence":0.999},
                          {"feedId":"starmer","title":"Starmer","filter":{"entity":["Q6383803","Keir Starmer"]}}]}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feeds.statusCode()).as(feeds.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("sikorski-certain", "json").statusCode() == 200 && get("starmer", "json").statusCode() == 200);

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
                        URI.create(stack.ingestUrl() + "/v1/articles"))
                .header("Authorization", "Bearer " + stack.publisherKey())
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(fixture(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String articleId = json.readTree(posted.body()).path("id").asText();
        assertThat(articleId).isNotBlank();

        JsonNode feed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> json.readTree(get("json").body()), f -> f.path("items").size() > 0);
        JsonNode items = feed.path("items");
        assertThat(items).hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.path("title").asText()).isEqualTo(HEADLINE);
        String content = item.path("content_text").asText() + item.path("content_html").asText();
        assertThat(content).contains("European Union foreign ministers agreed on Monday")
                .contains("keep raising the cost of this war")
                .doesNotContain("shareprint").doesNotContain("Terms of use").doesNotContain("Editor in chief");
        JsonNode extension = item.path("_newsflow");
        assertThat(extension.path("section").asText()).isEqualTo("News");
        assertThat(extension.path("category").asText()).isEqualTo("Politics");
        JsonNode images = extension.path("images");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).path("caption").asText()).startsWith(CAPTION_START).doesNotContain("Photo:");
        assertThat(images.get(0).path("creditline").asText()).isEqualTo("EPA");
        assertThat(images.get(0).path("by").asText()).isEqualTo("Marta Nowak");

        // Partners see the ids and confidences the annotator gives, and filter on them.
        Map<String, Double> confidenceById = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonNode e : extension.path("entities")) {
            names.add(e.path("name").asText());
            if (e.hasNonNull("wikidata_id")) {
                confidenceById.put(e.path("wikidata_id").asText(), e.path("confidence").asDouble());
            }
        }
        assertThat(confidenceById).containsKeys("Q58085", "Q458", "Q36", "Q183", "Q31", "Q239");
        assertThat(names).as("the photo agency and photographer of the credit are not entities of the story")
                .doesNotContain("EPA", "Marta Nowak", "European Pressphoto Agency");
        assertThat(confidenceById).isEqualTo(offlineConfidences());
        assertThat(confidenceById.get("Q58085")).isBetween(0.5, 0.999);
        assertThat(await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> json.readTree(get("sikorski", "json").body()).path("items"), i -> i.size() == 1)).hasSize(1);
        assertThat(json.readTree(get("sikorski-certain", "json").body()).path("items"))
                .as("below the feed's minimum confidence").isEmpty();
        assertThat(json.readTree(get("starmer", "json").body()).path("items")).isEmpty();

        Document rss = parseXml(get("rss").body());
        NodeList rssItems = rss.getElementsByTagName("item");
        assertThat(rssItems.getLength()).isEqualTo(1);
        Element rssItem = (Element) rssItems.item(0);
        assertThat(rssItem.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(HEADLINE);
        NodeList captions = rssItem.getElementsByTagNameNS(MEDIA_NS, "description");
        assertThat(captions.getLength()).as("one caption, not two").isEqualTo(1);
        assertThat(captions.item(0).getTextContent()).startsWith(CAPTION_START);
        Map<String, String> credits = new HashMap<>();
        NodeList creditNodes = rssItem.getElementsByTagNameNS(MEDIA_NS, "credit");
        for (int i = 0; i < creditNodes.getLength(); i++) {
            Element credit = (Element) creditNodes.item(i);
            credits.put(credit.getAttribute("role"), credit.getTextContent());
        }
        assertThat(credits).containsEntry("photographer", "Marta Nowak").containsEntry("distribution company", "EPA");
        String description = rssItem.getElementsByTagName("description").item(0).getTextContent();
        assertThat(description).contains("European Union foreign ministers agreed on Monday")
                .doesNotContain("shareprint").doesNotContain("Terms of use");
    }

    /** QID -> confidence of the entities the offline enricher (the same annotator) gives the fixture. */
    private static Map<String, Double> offlineConfidences() throws IOException {
        Normalisers normalisers = new Normalisers(SectionLine.withDefaults(), OpenNlpLanguageDetector.load());
        ArticleDraft draft = normalisers.normalise("text/plain", fixture());
        EnrichedArticle enriched = OfflineEnricher.standard().enrich(ArticleRecords.firstVersion("scenario", draft, Instant.now()));
        Map<String, Double> byId = new HashMap<>();
        for (Entity e : enriched.getEntities()) {
            if (e.getWikidataId() != null) {
                byId.put(e.getWikidataId(), e.getConfidence());
            }
        }
        return byId;
    }

    private HttpResponse<String> get(String extension) throws IOException, InterruptedException {
        return get("all", extension);
    }

    private HttpResponse<String> get(String feed, String extension) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.syndicateUrl() + "/feeds/"
                        + stack.partnerId() + "/" + feed + "." + extension))
                .header("Authorization", "Bearer " + stack.partnerToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fixture() throws IOException {
        try (InputStream in = PipelineScenario.class.getResourceAsStream("/fixtures/eu-sanctions.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
