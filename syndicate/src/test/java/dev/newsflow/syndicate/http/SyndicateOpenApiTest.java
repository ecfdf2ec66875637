package dev.newsflow.syndicate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.SyndicateService;
import dev.newsflow.syndicate.render.JsonFeedRenderer;
import dev.newsflow.syndicate.render.RenderFixtures;
import dev.newsflow.testing.OpenApi31;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The syndicate's OpenAPI document is valid OpenAPI 3.1, names every operation, and says what the service really
 * sends: a rendered JSON Feed (with a tombstone) and a webhook event validate against its own schemas.
 */
class SyndicateOpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document() throws Exception {
        try (InputStream in = SyndicateService.class.getResourceAsStream(SyndicateService.OPENAPI_RESOURCE)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void isValidOpenApi31() throws Exception {
        assertThat(OpenApi31.problems(document())).isEmpty();
    }

    @Test
    void describesTheFeedsTheAdminApiAndTheWebhook() throws Exception {
        JsonNode document = document();
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("operationId")) {
                operations.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(operations).contains("GET /feeds/{partner}/{feed}.rss", "GET /feeds/{partner}/{feed}.atom",
                "GET /feeds/{partner}/{feed}.json", "GET /v1/partners", "POST /v1/partners",
                "GET /v1/partners/{partner}", "PUT /v1/partners/{partner}", "DELETE /v1/partners/{partner}",
                "POST /v1/partners/{partner}/disable", "POST /v1/partners/{partner}/enable",
                "POST /v1/partners/{partner}/rotate-token", "POST /v1/partners/{partner}/resume-webhook",
                "GET /v1/partners/{partner}/deliveries", "GET /health", "GET /metrics", "GET /openapi.json",
                "GET /docs", "GET /docs/partners.md");
        assertThat(document.at("/webhooks/articleEvent/post/operationId").asText()).isEqualTo("receiveArticleEvent");
    }

    @Test
    void aRenderedJsonFeedWithATombstoneMatchesTheDocumentedSchema() throws Exception {
        EnrichedArticle killed = Articles.story("gone", "Withdrawn").setAction(ArticleAction.KILL).setVersion(2)
                .setReceivedAt(Articles.T0.plusSeconds(60)).build();
        JsonNode feed = JSON.readTree(new JsonFeedRenderer().render(RenderFixtures.document(killed,
                Articles.story("gazette:1", "Ferry treaty agreed").build())));
        assertThat(schema("JsonFeed").validate(feed)).isEmpty();
        // and the check can fail: an item without its extension is not what the document promises
        ((ObjectNode) feed.get("items").get(1)).remove("_newsflow");
        assertThat(schema("JsonFeed").validate(feed)).isNotEmpty();
    }

    @Test
    void aWebhookEventMatchesTheDocumentedSchema() throws Exception {
        JsonFeedRenderer renderer = new JsonFeedRenderer();
        ObjectNode event = JSON.createObjectNode().put("partnerId", "acme").put("sequence", 3).put("event", "killed");
        event.putArray("feeds").add("all");
        event.put("articleId", "gone").put("version", 2).put("occurredAt", "2026-11-28T09:31:00Z");
        event.set("item", renderer.tombstone(Articles.story("gone", "").setAction(ArticleAction.KILL).setVersion(2)
                .build()));
        assertThat(schema("WebhookEvent").validate(event)).isEmpty();
    }

    /** One of the document's component schemas, its local references resolved within the document. */
    private static JsonSchema schema(String name) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.set("components", document().get("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }
}
