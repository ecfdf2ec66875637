package dev.newsflow.ingest.article;

import java.util.ArrayList;
import java.util.List;

/**
 * SHA-256 over every normalised content field, in a fixed order with unambiguous separators.
 * Two submissions with equal hashes are the same article content: the second is an
 * idempotent repeat when the action is also the same. The action and the source format are not
 * part of the hash: the same story as JSON and as text is the same story, and whether a kill of
 * unchanged text is a change is decided by comparing actions.
 */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(ArticleDraft draft) {
        List<String> fields = new ArrayList<>();
        fields.add(draft.guid());
        fields.add(draft.canonicalUrl());
        fields.add(draft.language());
        fields.add(draft.section());
        fields.add(draft.category());
        fields.add(draft.headline());
        fields.add(draft.byline());
        fields.add(draft.publishedAt() == null ? null : draft.publishedAt().toString());
        fields.add(draft.embargoUntil() == null ? null : draft.embargoUntil().toString());
        fields.add("body:" + draft.body().size());
        fields.addAll(draft.body());
        fields.add("images:" + draft.images().size());
        for (DraftImage image : draft.images()) {
            fields.add(image.caption());
            fields.add(image.credit());
            fields.add(image.url());
        }
        fields.add("keywords:" + draft.keywords().size());
        fields.addAll(draft.keywords());
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            // Length-prefixed so that no two different field lists give the same string.
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
        }
        return ArticleIds.sha256Hex(canonical.toString());
    }
}
