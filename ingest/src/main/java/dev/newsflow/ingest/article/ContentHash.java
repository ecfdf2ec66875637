package dev.newsflow.ingest.article;

import dev.newsflow.platform.digest.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

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

    private static final byte[] NULL_FIELD = "-1:".getBytes(StandardCharsets.UTF_8);

    public static String of(ArticleDraft draft) {
        // Fed to the digest field by field: the same bytes as the UTF-8 of the whole length-prefixed string (UTF-8
        // of a concatenation is the concatenation of the UTF-8s, each field being whole), without building that
        // string and its copies (JFR: a few article sizes of garbage per POST).
        MessageDigest digest = Sha256.newDigest();
        field(digest, draft.guid());
        field(digest, draft.canonicalUrl());
        field(digest, draft.language());
        field(digest, draft.section());
        field(digest, draft.category());
        field(digest, draft.headline());
        field(digest, draft.byline());
        field(digest, draft.publishedAt() == null ? null : draft.publishedAt().toString());
        field(digest, draft.embargoUntil() == null ? null : draft.embargoUntil().toString());
        field(digest, "body:" + draft.body().size());
        for (String paragraph : draft.body()) {
            field(digest, paragraph);
        }
        field(digest, "images:" + draft.images().size());
        for (DraftImage image : draft.images()) {
            field(digest, image.caption());
            field(digest, image.credit());
            field(digest, image.url());
        }
        field(digest, "keywords:" + draft.keywords().size());
        for (String keyword : draft.keywords()) {
            field(digest, keyword);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Length-prefixed (in UTF-16 units, as ever) so that no two different field lists give the same bytes. */
    private static void field(MessageDigest digest, String field) {
        if (field == null) {
            digest.update(NULL_FIELD);
            return;
        }
        digest.update((field.length() + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(field.getBytes(StandardCharsets.UTF_8));
    }
}
