package dev.newsflow.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ingest.kafka.AcceptedVersion;
import dev.newsflow.ingest.submit.SubmissionResult;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SubmittedImage;
import java.time.Instant;
import java.util.Locale;

/** The JSON answers of the article endpoints. */
final class ArticleJson {
    private ArticleJson() {
    }

    /** {@code {"id", "version", "action", "status": "accepted"|"unchanged", "partition", "offset"}}. */
    static ObjectNode result(ObjectMapper json, SubmissionResult result) {
        ObjectNode body = json.createObjectNode();
        body.put("id", result.articleId());
        body.put("version", result.version());
        body.put("action", result.action());
        body.put("status", result.repeat() ? "unchanged" : "accepted");
        body.put("partition", result.accepted().partition());
        body.put("offset", result.accepted().offset());
        return body;
    }

    /** An accepted version read back from {@code articles-submitted}, field by field as written, and where. */
    static ObjectNode article(ObjectMapper json, ArticleSubmitted article, AcceptedVersion accepted) {
        ObjectNode body = json.createObjectNode();
        body.put("id", article.getArticleId());
        body.put("publisherId", article.getPublisherId());
        body.put("version", article.getVersion());
        body.put("action", article.getAction().name().toLowerCase(Locale.ROOT));
        body.put("sourceFormat", article.getSourceFormat().name().toLowerCase(Locale.ROOT));
        body.put("receivedAt", instant(article.getReceivedAt()));
        body.put("publishedAt", instant(article.getPublishedAt()));
        body.put("embargoUntil", instant(article.getEmbargoUntil()));
        body.put("guid", article.getGuid());
        body.put("url", article.getCanonicalUrl());
        body.put("language", article.getLanguage());
        body.put("section", article.getSection());
        body.put("category", article.getCategory());
        body.put("headline", article.getHeadline());
        body.put("byline", article.getByline());
        ArrayNode paragraphs = body.putArray("body");
        article.getBody().forEach(paragraphs::add);
        ArrayNode images = body.putArray("images");
        for (SubmittedImage image : article.getImages()) {
            ObjectNode node = images.addObject();
            node.put("caption", image.getCaption());
            node.put("credit", image.getCredit());
            node.put("url", image.getUrl());
        }
        ArrayNode keywords = body.putArray("keywords");
        article.getKeywords().forEach(keywords::add);
        body.put("contentHash", article.getContentHash());
        body.put("partition", accepted.partition());
        body.put("offset", accepted.offset());
        return body;
    }

    private static String instant(Instant value) {
        return value == null ? null : value.toString();
    }
}
