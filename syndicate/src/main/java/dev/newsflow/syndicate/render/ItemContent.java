package dev.newsflow.syndicate.render;

import dev.newsflow.platform.article.ArticleRules;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What all formats say about one article, computed once: the stable GUID, the HTML body built from
 * plain-text paragraphs (every character escaped, so no markup from a publisher reaches a partner's
 * page), a plain-text summary, and only absolute http(s) links.
 */
public final class ItemContent {
    /** Literal script/style blocks and their text are dropped even though they would be escaped. */
    private static final Pattern SCRIPT_BLOCK = Pattern.compile("(?is)<\\s*(script|style)\\b.*?(<\\s*/\\s*\\1\\s*>|$)");
    /**
     * Tag-like sequences, comments and CDATA markers. Fields are plain text, but some readers treat
     * RSS titles as HTML, so markup a publisher typed into text is removed rather than trusted.
     */
    private static final Pattern MARKUP = Pattern.compile(
            "(?s)<!--.*?(-->|$)|<!\\[CDATA\\[|</?[A-Za-z][^<>]*>");
    private static final int SUMMARY_LENGTH = 280;

    private ItemContent() {
    }

    /** Stable across versions, not a URL: {@code urn:newsflow:article:<id>}. */
    public static String guid(EnrichedArticle article) {
        return "urn:newsflow:article:" + urnPart(article.getArticleId());
    }

    /** Percent-encodes everything outside RFC 8141's unreserved set (and ':' kept readable). */
    static String urnPart(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == ':') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    public static String text(String value) {
        if (value == null) {
            return null;
        }
        // Both patterns start with '<': text without one (nearly every paragraph) cannot match either,
        // and skipping the regex engine there is most of the rendering time of a feed.
        if (value.indexOf('<') < 0) {
            return XmlText.clean(value).strip();
        }
        String withoutScripts = SCRIPT_BLOCK.matcher(value).replaceAll("");
        return XmlText.clean(MARKUP.matcher(withoutScripts).replaceAll("")).strip();
    }

    public static String headline(EnrichedArticle article) {
        String headline = text(article.getHeadline());
        return headline == null || headline.isEmpty() ? "(untitled)" : headline;
    }

    public static List<String> paragraphs(EnrichedArticle article) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : article.getBody()) {
            String clean = text(paragraph);
            if (clean != null && !clean.isEmpty()) {
                paragraphs.add(clean);
            }
        }
        return paragraphs;
    }

    /** The body as HTML: one escaped {@code <p>} per paragraph. */
    public static String bodyHtml(EnrichedArticle article) {
        return bodyHtml(paragraphs(article));
    }

    static String bodyHtml(List<String> paragraphs) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escapeHtml(paragraph)).append("</p>");
        }
        return html.toString();
    }

    public static String bodyText(EnrichedArticle article) {
        return String.join("\n\n", paragraphs(article));
    }

    public static String summary(EnrichedArticle article) {
        return summary(paragraphs(article));
    }

    static String summary(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            return "";
        }
        String first = paragraphs.get(0);
        if (first.length() <= SUMMARY_LENGTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', SUMMARY_LENGTH);
        int end = cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH;
        if (Character.isHighSurrogate(first.charAt(end - 1))) {
            end--;
        }
        return first.substring(0, end) + "…";
    }

    public static Optional<String> link(EnrichedArticle article) {
        return absoluteHttpUrl(article.getCanonicalUrl());
    }

    public static Optional<String> imageUrl(Image image) {
        return absoluteHttpUrl(image.getUrl());
    }

    /** The author shown: the byline, else the photographer-free publisher id. */
    public static Optional<String> author(EnrichedArticle article) {
        String byline = text(article.getByline());
        return byline == null || byline.isEmpty() ? Optional.empty() : Optional.of(byline);
    }

    /** "EPA / Ludovic Marin" style credit for formats with one credit string. */
    public static Optional<String> credit(Image image) {
        String creditline = text(image.getCreditline());
        String by = text(image.getBy());
        if (creditline != null && !creditline.isEmpty() && by != null && !by.isEmpty()) {
            return Optional.of(creditline + " / " + by);
        }
        if (creditline != null && !creditline.isEmpty()) {
            return Optional.of(creditline);
        }
        if (by != null && !by.isEmpty()) {
            return Optional.of(by);
        }
        String raw = text(image.getRawCredit());
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(raw);
    }

    public static Optional<String> absoluteHttpUrl(String value) {
        // A control character or an unpaired surrogate makes no URL (and the latter breaks URI's ASCII encoding).
        if (value == null || value.isBlank() || !value.codePoints().allMatch(ArticleRules::isXmlLegal)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return Optional.of(uri.toASCIIString());
            }
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static String escapeHtml(String text) {
        int first = firstHtmlSpecial(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstHtmlSpecial(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                return i;
            }
        }
        return -1;
    }
}
