package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleValidator;
import dev.newsflow.ingest.text.LanguageDetector;
import dev.newsflow.schema.ArticleAction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the normaliser for a request's media type, then fills in the language when the
 * publisher gave none and validates the result. The one entry point the HTTP layer and the
 * batch endpoint use, so every shape gets the same rules.
 */
public final class Normalisers {
    /** Media types ingest reads, for 415 answers and the OpenAPI document. */
    public static final List<String> SUPPORTED = List.of("application/json", "application/ninjs+json", "text/plain",
            "text/html", "application/xhtml+xml");

    private final JsonNormaliser json;
    private final PlainTextNormaliser text;
    private final HtmlNormaliser html;
    private final LanguageDetector languages;

    public Normalisers(SectionLine sections, LanguageDetector languages) {
        this(sections, languages, HtmlLimits.DEFAULTS);
    }

    /** With the limits for reading HTML, pages and HTML inside JSON alike. */
    public Normalisers(SectionLine sections, LanguageDetector languages, HtmlLimits htmlLimits) {
        this.text = new PlainTextNormaliser(sections);
        this.json = new JsonNormaliser(htmlLimits);
        this.html = new HtmlNormaliser(htmlLimits);
        this.languages = languages;
    }

    /** The normalised, validated draft; throws the parse exceptions of this package. */
    public ArticleDraft normalise(String contentType, String document) {
        return normalise(contentType, document, new Defaults(null, null, null));
    }

    /**
     * What the request's headers say about a document that cannot say it itself (raw text, most
     * HTML): {@code X-Article-Guid}, {@code X-Article-Url}, {@code X-Article-Action}. The document's
     * own fields win.
     */
    public record Defaults(String guid, String url, ArticleAction action) {
    }

    /** As {@link #normalise(String, String)}, with defaults for what the document does not say. */
    public ArticleDraft normalise(String contentType, String document, Defaults defaults) {
        ArticleDraft draft = normaliserFor(contentType).normalise(document)
                .withIdentityDefaults(defaults.guid(), defaults.url())
                .withActionDefault(defaults.action());
        if (draft.language() == null) {
            Optional<String> detected = languages.detect(draft);
            if (detected.isPresent()) {
                draft = draft.withLanguage(detected.get());
            }
        }
        ArticleValidator.validate(draft);
        return draft;
    }

    private ArticleNormaliser normaliserFor(String contentType) {
        String type = mediaType(contentType);
        return switch (type) {
            case "application/json", "application/ninjs+json" -> json;
            case "text/plain" -> text;
            case "text/html", "application/xhtml+xml" -> html;
            default -> throw new UnsupportedMediaTypeException("Content-Type '" + (contentType == null ? "" : contentType)
                    + "' is not supported; send one of " + String.join(", ", SUPPORTED));
        };
    }

    /** The media type without parameters, in lower case ({@code "text/plain; charset=utf-8"} → {@code "text/plain"}). */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
