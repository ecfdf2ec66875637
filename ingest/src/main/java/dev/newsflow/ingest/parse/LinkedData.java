package dev.newsflow.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.ingest.text.Paragraphs;
import dev.newsflow.ingest.text.TextHygiene;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The schema.org {@code NewsArticle} (or {@code Article}, {@code ReportageNewsArticle}, …) a page
 * describes itself with in {@code <script type="application/ld+json">}: a fallback for metadata
 * the page's markup lacks. Unreadable JSON-LD is ignored; a page's metadata is advisory.
 */
record LinkedData(String headline, String author, Instant datePublished, String url, String section, String language,
                  String articleBody) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
            "liveblogposting");
    private static final Evaluator JSON_LD_SCRIPTS = QueryParser.parse("script[type=application/ld+json]");
    private static final LinkedData NONE = new LinkedData(null, null, null, null, null, null, null);

    static LinkedData read(Document page) {
        for (Element script : page.select(JSON_LD_SCRIPTS)) {
            try {
                JsonNode article = findArticle(JSON.readTree(script.data()));
                if (article != null) {
                    return new LinkedData(text(article.get("headline")), author(article.get("author")),
                            instant(text(article.get("datePublished"))), text(article.get("url")),
                            text(article.get("articleSection")), text(article.get("inLanguage")),
                            paragraphs(article.get("articleBody")));
                }
            } catch (java.io.IOException | RuntimeException e) {
                // Broken JSON-LD is common; the page's markup still tells the story.
            }
        }
        return NONE;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (isArticle(node.get("@type"))) {
            return node;
        }
        return findArticle(node.get("@graph"));
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode item : type) {
                if (isArticle(item)) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPES.contains(type.textValue().toLowerCase(Locale.ROOT));
    }

    private static String author(JsonNode author) {
        if (author == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : author.isArray() ? author : List.of(author)) {
            String name = item.isTextual() ? text(item) : text(item.get("name"));
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** The articleBody with its line breaks kept (they are its paragraphs), markup and odd characters removed. */
    private static String paragraphs(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String line : Paragraphs.lines(node.textValue())) {
            String clean = TextHygiene.cleanOrNull(line);
            if (clean != null) {
                kept.append(clean).append('\n');
            }
        }
        return kept.isEmpty() ? null : kept.toString().strip();
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray() && !node.isEmpty()) {
            return text(node.get(0));
        }
        return node.isTextual() ? TextHygiene.cleanOrNull(node.textValue()) : null;
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
