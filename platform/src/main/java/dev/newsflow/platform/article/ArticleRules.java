package dev.newsflow.platform.article;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SubmittedImage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an article must meet to enter the pipeline, in one place: ingest checks every draft with them before it
 * gets an id (a 422 naming the field), and enrich checks every record it reads from {@code articles-submitted}
 * (a dead letter naming the field), so that a record another producer wrote straight to the topic meets the same
 * rules as one ingest accepted. The bounds also keep an enriched article within what Kafka takes
 * ({@link EnrichedSizeBound}).
 */
public final class ArticleRules {
    public static final int MAX_HEADLINE_CHARS = 1_000;
    public static final int MAX_GUID_CHARS = 1_000;
    public static final int MAX_URL_CHARS = 2_000;
    /** Long-form pieces have a few hundred paragraphs; live blogs reach about a thousand. */
    public static final int MAX_PARAGRAPHS = 2_000;
    public static final int MAX_IMAGES = 100;
    public static final int MAX_CAPTION_CHARS = 2_000;
    public static final int MAX_CREDIT_CHARS = 300;
    public static final int MAX_KEYWORDS = 100;
    public static final int MAX_KEYWORD_CHARS = 200;
    public static final int MAX_BYLINE_CHARS = 1_000;
    /** Section and category names. */
    public static final int MAX_LABEL_CHARS = 200;
    public static final int MAX_ARTICLE_ID_CHARS = 200;
    /** As publisher ids are configured (ingest's API keys). */
    public static final Pattern PUBLISHER_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern ARTICLE_ID = Pattern.compile("^[\\x21-\\x7E]{1," + MAX_ARTICLE_ID_CHARS + "}$");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$");

    private ArticleRules() {
    }

    /** The first rule an article breaks: the field, as a path such as {@code images/0/url}, and what is wrong. */
    public record Violation(String field, String detail) {
    }

    /** An image block as the rules see it. */
    public record Image(String caption, String credit, String url) {
    }

    /** What a publisher says about an article, in whatever shape it came. */
    public record Content(ArticleAction action, String guid, String canonicalUrl, String language, String section,
                          String category, String headline, String byline, List<String> body, List<Image> images,
                          List<String> keywords) {
    }

    /** The content rules, for a draft before it becomes a record. */
    public static Optional<Violation> checkContent(Content content) {
        return checkContent(content, true);
    }

    private static Optional<Violation> checkContent(Content content, boolean draft) {
        List<Check> checks = new ArrayList<>();
        checks.add(() -> headline(content, draft));
        checks.add(() -> body(content.action(), content.body()));
        checks.add(() -> optional("guid", content.guid(), MAX_GUID_CHARS));
        checks.add(() -> url("url", content.canonicalUrl()));
        checks.add(() -> language(content.language()));
        checks.add(() -> optional("section", content.section(), MAX_LABEL_CHARS));
        checks.add(() -> optional("category", content.category(), MAX_LABEL_CHARS));
        checks.add(() -> optional("byline", content.byline(), MAX_BYLINE_CHARS));
        checks.add(() -> images(content.images()));
        checks.add(() -> keywords(content.keywords()));
        for (Check check : checks) {
            Optional<Violation> violation = check.run();
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    /** Every rule, for a record on {@code articles-submitted}: who and which version, then the content. */
    public static Optional<Violation> check(ArticleSubmitted article) {
        if (article.getArticleId() == null || !ARTICLE_ID.matcher(article.getArticleId()).matches()) {
            return violation("articleId", "articleId must be 1 to " + MAX_ARTICLE_ID_CHARS
                    + " visible ASCII characters; got " + quoted(article.getArticleId()));
        }
        if (article.getPublisherId() == null || !PUBLISHER_ID.matcher(article.getPublisherId()).matches()) {
            return violation("publisherId", "publisherId must be 1 to 64 of a-z, 0-9, '.', '_', '-' starting with a "
                    + "letter or digit; got " + quoted(article.getPublisherId()));
        }
        if (article.getVersion() < 1) {
            return violation("version", "version must be 1 or more; got " + article.getVersion());
        }
        if (article.getContentHash() == null || article.getContentHash().isBlank()) {
            return violation("contentHash", "contentHash is required and must not be empty");
        }
        List<Image> images = new ArrayList<>();
        for (SubmittedImage image : article.getImages()) {
            images.add(new Image(image.getCaption(), image.getCredit(), image.getUrl()));
        }
        // On the topic the story is named by its articleId (ingest resolved the guid or url), so a kill needs no more.
        return checkContent(new Content(article.getAction(), article.getGuid(), article.getCanonicalUrl(),
                article.getLanguage(), article.getSection(), article.getCategory(), article.getHeadline(),
                article.getByline(), article.getBody(), images, article.getKeywords()), false);
    }

    private interface Check {
        Optional<Violation> run();
    }

    private static Optional<Violation> headline(Content content, boolean draft) {
        boolean noHeadline = content.headline() == null || content.headline().isBlank();
        if (content.action() != ArticleAction.KILL || !noHeadline) {
            return required("headline", content.headline(), MAX_HEADLINE_CHARS);
        }
        // A kill is by id alone, but a publisher's must say which story: the GUID or URL it was published under.
        if (draft && content.guid() == null && content.canonicalUrl() == null) {
            return violation("guid", "a kill must name the story: send the guid (or url) it was published with");
        }
        return Optional.empty();
    }

    private static Optional<Violation> body(ArticleAction action, List<String> body) {
        List<String> paragraphs = body == null ? List.of() : body;
        // A kill only needs to say which story; every other action must carry text.
        if (action != ArticleAction.KILL && paragraphs.isEmpty()) {
            return violation("body", "body is required and must contain at least one paragraph");
        }
        if (paragraphs.size() > MAX_PARAGRAPHS) {
            return violation("body", "body has " + paragraphs.size() + " paragraphs; the limit is " + MAX_PARAGRAPHS);
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            if (paragraph == null || paragraph.isBlank()) {
                return violation("body/" + i, "paragraph " + i + " of the body is empty");
            }
            Optional<Violation> text = xmlLegal("body/" + i, paragraph);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> images(List<Image> images) {
        if (images == null) {
            return Optional.empty();
        }
        if (images.size() > MAX_IMAGES) {
            return violation("images", "the article has " + images.size() + " images; the limit is " + MAX_IMAGES);
        }
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            String path = "images/" + i;
            Optional<Violation> violation = optional(path + "/caption", image.caption(), MAX_CAPTION_CHARS)
                    .or(() -> optional(path + "/credit", image.credit(), MAX_CREDIT_CHARS))
                    .or(() -> url(path + "/url", image.url()));
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> keywords(List<String> keywords) {
        if (keywords == null) {
            return Optional.empty();
        }
        if (keywords.size() > MAX_KEYWORDS) {
            return violation("keywords", "the article has " + keywords.size() + " keywords; the limit is " + MAX_KEYWORDS);
        }
        for (int i = 0; i < keywords.size(); i++) {
            String keyword = keywords.get(i);
            if (keyword == null || keyword.isBlank()) {
                return violation("keywords/" + i, "keyword " + i + " is empty");
            }
            Optional<Violation> violation = optional("keywords/" + i, keyword, MAX_KEYWORD_CHARS);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> required(String field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            return violation(field, field + " is required and must not be empty");
        }
        return optional(field, value, maxChars);
    }

    private static Optional<Violation> optional(String field, String value, int maxChars) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > maxChars) {
            return violation(field, field + " is " + value.length() + " characters long; the limit is " + maxChars);
        }
        return xmlLegal(field, value);
    }

    /** Feeds are XML: one character XML 1.0 forbids would make a whole feed unreadable. */
    private static Optional<Violation> xmlLegal(String field, String value) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                i++; // nearly every character: legal, and not half of a pair
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (!isXmlLegal(codePoint)) {
                return violation(field, String.format("%s contains U+%04X at character %d, which XML 1.0 does not allow",
                        field, codePoint, i));
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    /** XML 1.0's Char production; an unpaired surrogate is not a character at all. */
    public static boolean isXmlLegal(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    private static Optional<Violation> language(String language) {
        if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
            return violation("language", "language must be a BCP 47 tag such as 'en' or 'pt-BR'");
        }
        return Optional.empty();
    }

    private static Optional<Violation> url(String field, String url) {
        if (url == null) {
            return Optional.empty();
        }
        if (url.length() > MAX_URL_CHARS) {
            return violation(field, field + " is " + url.length() + " characters long; the limit is " + MAX_URL_CHARS);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return violation(field, field + " must be an absolute http(s) URL; got " + quoted(url));
            }
        } catch (URISyntaxException e) {
            return violation(field, field + " is not a valid URL: " + e.getReason());
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(String field, String detail) {
        return Optional.of(new Violation(field, detail));
    }

    /** A value as echoed in a message: quoted and cut short, so a huge bad value is not repeated back in full. */
    public static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        int limit = 80;
        if (value.length() <= limit) {
            return "'" + value + "'";
        }
        int cut = Character.isHighSurrogate(value.charAt(limit - 1)) ? limit - 1 : limit;
        return "'" + value.substring(0, cut) + "…' (" + value.length() + " characters)";
    }
}
