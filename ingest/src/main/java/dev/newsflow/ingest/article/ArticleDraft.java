package dev.newsflow.ingest.article;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.SourceFormat;
import java.time.Instant;
import java.util.List;

/**
 * An article as a normaliser read it, before it has an id and a version. Text fields are
 * already clean (see {@code TextHygiene}); {@code action} is null when the publisher did not say,
 * and is then decided from what was accepted before. {@code removals} is what the normaliser left out of
 * the input (page chrome and the like), reported with the clean-up; it is not content and not hashed.
 */
public record ArticleDraft(
        SourceFormat sourceFormat,
        String guid,
        String canonicalUrl,
        String language,
        String section,
        String category,
        String headline,
        String byline,
        List<String> body,
        List<DraftImage> images,
        List<String> keywords,
        Instant publishedAt,
        Instant embargoUntil,
        ArticleAction action,
        List<DraftRemoval> removals) {

    public ArticleDraft {
        body = body == null ? List.of() : List.copyOf(body);
        images = images == null ? List.of() : List.copyOf(images);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        removals = removals == null ? List.of() : List.copyOf(removals);
    }

    public static Builder builder(SourceFormat sourceFormat) {
        return new Builder(sourceFormat);
    }

    public ArticleDraft withLanguage(String newLanguage) {
        return new ArticleDraft(sourceFormat, guid, canonicalUrl, newLanguage, section, category, headline, byline,
                body, images, keywords, publishedAt, embargoUntil, action, removals);
    }

    /** The same draft with a GUID and/or canonical URL filled in where it has none. */
    public ArticleDraft withIdentityDefaults(String defaultGuid, String defaultUrl) {
        return new ArticleDraft(sourceFormat, guid != null ? guid : defaultGuid,
                canonicalUrl != null ? canonicalUrl : defaultUrl, language, section, category, headline, byline,
                body, images, keywords, publishedAt, embargoUntil, action, removals);
    }

    /** The same draft with an action filled in when it has none. */
    public ArticleDraft withActionDefault(ArticleAction defaultAction) {
        return new ArticleDraft(sourceFormat, guid, canonicalUrl, language, section, category, headline, byline,
                body, images, keywords, publishedAt, embargoUntil, action != null ? action : defaultAction,
                removals);
    }

    /** Collects fields while a normaliser reads its input. */
    public static final class Builder {
        private final SourceFormat sourceFormat;
        private String guid;
        private String canonicalUrl;
        private String language;
        private String section;
        private String category;
        private String headline;
        private String byline;
        private List<String> body = List.of();
        private List<DraftImage> images = List.of();
        private List<String> keywords = List.of();
        private Instant publishedAt;
        private Instant embargoUntil;
        private ArticleAction action;
        private List<DraftRemoval> removals = List.of();

        private Builder(SourceFormat sourceFormat) {
            this.sourceFormat = sourceFormat;
        }

        public Builder guid(String value) {
            guid = value;
            return this;
        }

        public Builder canonicalUrl(String value) {
            canonicalUrl = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder section(String value) {
            section = value;
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder headline(String value) {
            headline = value;
            return this;
        }

        public Builder byline(String value) {
            byline = value;
            return this;
        }

        public Builder body(List<String> value) {
            body = value;
            return this;
        }

        public Builder images(List<DraftImage> value) {
            images = value;
            return this;
        }

        public Builder keywords(List<String> value) {
            keywords = value;
            return this;
        }

        public Builder publishedAt(Instant value) {
            publishedAt = value;
            return this;
        }

        public Builder embargoUntil(Instant value) {
            embargoUntil = value;
            return this;
        }

        public Builder action(ArticleAction value) {
            action = value;
            return this;
        }

        /** What the normaliser left out of the input, for the clean-up report (not part of the content). */
        public Builder removals(List<DraftRemoval> value) {
            removals = value;
            return this;
        }

        public ArticleDraft build() {
            return new ArticleDraft(sourceFormat, guid, canonicalUrl, language, section, category, headline, byline,
                    body, images, keywords, publishedAt, embargoUntil, action, removals);
        }
    }
}
