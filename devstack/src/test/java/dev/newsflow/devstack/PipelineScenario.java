package dev.newsflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
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
 * clean item.
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

    private HttpResponse<String> get(String extension) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.syndicateUrl() + "/feeds/"
                        + stack.partnerId() + "/all." + extension))
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
