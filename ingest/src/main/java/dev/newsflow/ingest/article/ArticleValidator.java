package dev.newsflow.ingest.article;

import dev.newsflow.ingest.parse.InvalidArticleException;
import dev.newsflow.schema.ArticleAction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** The rules every draft must meet before it gets an id, whatever shape it came in. */
public final class ArticleValidator {
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$");
    private static final int MAX_HEADLINE_LENGTH = 1000;
    private static final int MAX_GUID_LENGTH = 1000;

    private ArticleValidator() {
    }

    public static void validate(ArticleDraft draft) {
        if (draft.headline() == null || draft.headline().isBlank()) {
            throw new InvalidArticleException("headline", "headline is required and must not be empty");
        }
        if (draft.headline().length() > MAX_HEADLINE_LENGTH) {
            throw new InvalidArticleException("headline", "headline is longer than " + MAX_HEADLINE_LENGTH + " characters");
        }
        // A kill only needs to say which story; every other action must carry text.
        if (draft.action() != ArticleAction.KILL && draft.body().isEmpty()) {
            throw new InvalidArticleException("body", "body is required and must contain at least one paragraph");
        }
        if (draft.guid() != null && draft.guid().length() > MAX_GUID_LENGTH) {
            throw new InvalidArticleException("guid", "guid is longer than " + MAX_GUID_LENGTH + " characters");
        }
        if (draft.language() != null && !LANGUAGE_TAG.matcher(draft.language()).matches()) {
            throw new InvalidArticleException("language", "language must be a BCP 47 tag such as 'en' or 'pt-BR'");
        }
        if (draft.canonicalUrl() != null) {
            validateUrl("url", draft.canonicalUrl());
        }
        for (int i = 0; i < draft.images().size(); i++) {
            if (draft.images().get(i).url() != null) {
                validateUrl("images/" + i + "/url", draft.images().get(i).url());
            }
        }
    }

    private static void validateUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new InvalidArticleException(field, field + " must be an absolute http(s) URL; got '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new InvalidArticleException(field, field + " is not a valid URL: " + e.getMessage());
        }
    }
}
