package dev.newsflow.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.schema.SourceFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads newsflow's own JSON article shape (documented in {@code openapi.json}):
 * <pre>{@code
 * {"guid": "...", "url": "https://...", "language": "en", "section": "News", "category": "Politics",
 *  "headline": "...", "byline": "...", "body": ["paragraph", ...] or "para\n\npara",
 *  "images": [{"caption": "...", "credit": "Photo: EPA / Ludovic Marin", "url": "..."}],
 *  "keywords": ["..."], "publishedAt": "2026-01-06T18:30:00Z", "embargoUntil": null,
 *  "action": "publish|update|correct|kill"}
 * }</pre>
 * A document that carries ninjs fields ({@code body_text}, {@code body_html},
 * {@code versioncreated}, {@code associations}, {@code uri}) is read as IPTC ninjs instead.
 */
public final class JsonNormaliser implements ArticleNormaliser {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private final HtmlParagraphs htmlParagraphs;
    private final NinjsNormaliser ninjs;

    public JsonNormaliser() {
        this(HtmlLimits.DEFAULTS);
    }

    /** With the limits for HTML inside the JSON ({@code bodyHtml}, ninjs {@code body_html}). */
    public JsonNormaliser(HtmlLimits htmlLimits) {
        this.htmlParagraphs = new HtmlParagraphs(htmlLimits, PageBudget.threadCpuClock());
        this.ninjs = new NinjsNormaliser(htmlParagraphs);
    }

    @Override
    public ArticleDraft normalise(String document) {
        JsonNode root = readTree(document);
        if (NinjsNormaliser.looksLikeNinjs(root)) {
            return ninjs.normalise(root);
        }
        return normalise(root);
    }

    /** Parses JSON text; anything unparseable or not one object is a {@link MalformedInputException}. */
    public static JsonNode readTree(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document == null ? "" : document);
        } catch (JsonProcessingException e) {
            throw new MalformedInputException("body", "the body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedInputException("body", "the body is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            throw new MalformedInputException("body", "the body must be a JSON object, not " + JsonFields.kind(root));
        }
        return root;
    }

    ArticleDraft normalise(JsonNode root) {
        ArticleDraft.Builder draft = ArticleDraft.builder(SourceFormat.JSON)
                .guid(JsonFields.text(root, "", "guid", "id"))
                .canonicalUrl(JsonFields.text(root, "", "url", "canonicalUrl"))
                .language(JsonFields.text(root, "language", ""))
                .section(JsonFields.text(root, "section", ""))
                .category(JsonFields.text(root, "category", ""))
                .headline(JsonFields.text(root, "headline", ""))
                .byline(JsonFields.text(root, "byline", ""))
                .keywords(JsonFields.strings(root, "keywords", ""))
                .publishedAt(JsonFields.instant(root, "publishedAt", ""))
                .embargoUntil(JsonFields.instant(root, "embargoUntil", ""))
                .action(JsonFields.action(root, "action", ""));
        List<String> body = JsonFields.paragraphs(root, "body", "");
        if (body.isEmpty() && root.hasNonNull("bodyHtml")) {
            body = htmlParagraphs.paragraphs(JsonFields.rawText(root, "bodyHtml", ""));
        }
        draft.body(body);
        draft.images(images(root));
        return draft.build();
    }

    private static List<DraftImage> images(JsonNode root) {
        JsonNode array = JsonFields.array(root, "images", "");
        List<DraftImage> images = new ArrayList<>();
        if (array == null) {
            return images;
        }
        for (int i = 0; i < array.size(); i++) {
            String parent = "images/" + i;
            JsonNode image = array.get(i);
            if (!image.isObject()) {
                throw new InvalidArticleException(parent, "images[" + i + "] must be an object, not " + JsonFields.kind(image));
            }
            String caption = JsonFields.text(image, "caption", parent);
            String credit = JsonFields.text(image, "credit", parent);
            String url = JsonFields.text(image, "url", parent);
            if (caption == null && credit == null && url == null) {
                continue;
            }
            images.add(new DraftImage(caption == null ? "" : caption, credit, url));
        }
        return images;
    }

    static String clean(String text) {
        return TextHygiene.cleanOrNull(text);
    }
}
