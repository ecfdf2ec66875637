package dev.newsflow.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.SourceFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads IPTC ninjs: the 2.x arrays ({@code headlines[].value}, {@code bodies[]} with
 * {@code contenttype}, {@code descriptions[]}, {@code by}) and the 1.x flat fields still common
 * in the wild ({@code headline}, {@code body_text}, {@code body_html}, {@code byline},
 * {@code description_text}). Pictures come from {@code associations} of type {@code picture}
 * (caption from the description, credit from {@code creditline}/{@code copyrightholder}/{@code by}).
 * {@code pubstatus: canceled} is a kill; {@code subjects[].name} become keywords.
 */
public final class NinjsNormaliser {
    private static final List<String> MARKERS = List.of("uri", "body_text", "body_html", "versioncreated",
            "associations", "headlines", "bodies", "pubstatus", "firstcreated");

    private final HtmlParagraphs htmlParagraphs;

    NinjsNormaliser(HtmlParagraphs htmlParagraphs) {
        this.htmlParagraphs = htmlParagraphs;
    }

    static boolean looksLikeNinjs(JsonNode root) {
        JsonNode schema = root.get("$schema");
        if (schema != null && schema.isTextual() && schema.textValue().toLowerCase(Locale.ROOT).contains("ninjs")) {
            return true;
        }
        return MARKERS.stream().anyMatch(root::has);
    }

    public ArticleDraft normalise(JsonNode root) {
        ArticleDraft.Builder draft = ArticleDraft.builder(SourceFormat.NINJS)
                .guid(JsonFields.text(root, "uri", ""))
                .canonicalUrl(canonicalUrl(root))
                .language(JsonFields.text(root, "language", ""))
                .headline(headline(root))
                .byline(JsonFields.text(root, "", "by", "byline"))
                .publishedAt(JsonFields.instant(root, "versioncreated", ""))
                .embargoUntil(JsonFields.instant(root, "embargoed", ""))
                .keywords(keywords(root))
                .body(body(root))
                .images(pictures(root));
        String pubstatus = JsonFields.text(root, "pubstatus", "");
        if ("canceled".equalsIgnoreCase(pubstatus) || "cancelled".equalsIgnoreCase(pubstatus)) {
            draft.action(ArticleAction.KILL);
        }
        if (draft.build().publishedAt() == null) {
            draft.publishedAt(JsonFields.instant(root, "firstcreated", ""));
        }
        return draft.build();
    }

    private static String headline(JsonNode root) {
        String flat = JsonFields.text(root, "headline", "");
        if (flat != null) {
            return flat;
        }
        JsonNode headlines = JsonFields.array(root, "headlines", "");
        if (headlines == null) {
            return null;
        }
        String fallback = null;
        for (int i = 0; i < headlines.size(); i++) {
            JsonNode item = headlines.get(i);
            String path = "headlines/" + i;
            if (!item.isObject()) {
                throw new InvalidArticleException(path, "headlines[" + i + "] must be an object");
            }
            String value = JsonFields.text(item, "value", path);
            String role = JsonFields.text(item, "role", path);
            if (value != null && (role == null || "main".equalsIgnoreCase(role))) {
                return value;
            }
            fallback = fallback == null ? value : fallback;
        }
        return fallback;
    }

    private List<String> body(JsonNode root) {
        List<String> text = JsonFields.paragraphs(root, "body_text", "");
        if (!text.isEmpty()) {
            return text;
        }
        String html = JsonFields.rawText(root, "body_html", "");
        if (html != null) {
            return htmlParagraphs.paragraphs(html);
        }
        JsonNode bodies = JsonFields.array(root, "bodies", "");
        if (bodies == null) {
            return new ArrayList<>();
        }
        for (int i = 0; i < bodies.size(); i++) {
            JsonNode item = bodies.get(i);
            String path = "bodies/" + i;
            if (!item.isObject()) {
                throw new InvalidArticleException(path, "bodies[" + i + "] must be an object");
            }
            String contentType = JsonFields.text(item, "contenttype", path);
            String value = JsonFields.rawText(item, "value", path);
            if (value == null) {
                continue;
            }
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
                return htmlParagraphs.paragraphs(value);
            }
            return JsonFields.paragraphs(item, "value", path);
        }
        return new ArrayList<>();
    }

    private static String canonicalUrl(JsonNode root) {
        String url = JsonFields.text(root, "", "url", "canonicalurl");
        if (url != null) {
            return url;
        }
        String uri = JsonFields.text(root, "uri", "");
        return uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
    }

    private static List<String> keywords(JsonNode root) {
        List<String> keywords = new ArrayList<>(JsonFields.strings(root, "keywords", ""));
        JsonNode subjects = JsonFields.array(root, "subjects", "");
        if (subjects != null) {
            for (int i = 0; i < subjects.size(); i++) {
                JsonNode subject = subjects.get(i);
                String path = "subjects/" + i;
                if (!subject.isObject()) {
                    throw new InvalidArticleException(path, "subjects[" + i + "] must be an object");
                }
                String name = JsonFields.text(subject, "name", path);
                if (name != null && !keywords.contains(name)) {
                    keywords.add(name);
                }
            }
        }
        return keywords;
    }

    private static List<DraftImage> pictures(JsonNode root) {
        List<DraftImage> images = new ArrayList<>();
        JsonNode associations = JsonFields.object(root, "associations", "");
        if (associations == null) {
            return images;
        }
        for (Map.Entry<String, JsonNode> entry : associations.properties()) {
            String path = "associations/" + entry.getKey();
            JsonNode item = entry.getValue();
            if (!item.isObject()) {
                throw new InvalidArticleException(path, "associations." + entry.getKey() + " must be an object");
            }
            String type = JsonFields.text(item, "type", path);
            if (type != null && !"picture".equalsIgnoreCase(type) && !"image".equalsIgnoreCase(type)) {
                continue;
            }
            String caption = caption(item, path);
            String credit = JsonFields.text(item, path, "creditline", "credit", "copyrightholder", "by");
            String url = pictureUrl(item, path);
            if (caption != null || credit != null || url != null) {
                images.add(new DraftImage(caption == null ? "" : caption, credit, url));
            }
        }
        return images;
    }

    private static String caption(JsonNode item, String path) {
        String flat = JsonFields.text(item, path, "description_text", "caption", "body_text", "headline");
        if (flat != null) {
            return flat;
        }
        JsonNode descriptions = JsonFields.array(item, "descriptions", path);
        if (descriptions != null) {
            for (int i = 0; i < descriptions.size(); i++) {
                JsonNode description = descriptions.get(i);
                if (description.isObject()) {
                    String value = JsonFields.text(description, "value", path + "/descriptions/" + i);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    private static String pictureUrl(JsonNode item, String path) {
        String uri = JsonFields.text(item, "uri", path);
        if (uri != null && (uri.startsWith("http://") || uri.startsWith("https://"))) {
            return uri;
        }
        JsonNode renditions = JsonFields.object(item, "renditions", path);
        if (renditions != null) {
            Iterator<JsonNode> values = renditions.elements();
            while (values.hasNext()) {
                JsonNode rendition = values.next();
                if (rendition.isObject() && rendition.path("href").isTextual()) {
                    return JsonNormaliser.clean(rendition.get("href").textValue());
                }
            }
        }
        return null;
    }
}
