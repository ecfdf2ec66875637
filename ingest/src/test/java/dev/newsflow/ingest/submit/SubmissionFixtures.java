package dev.newsflow.ingest.submit;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.schema.SourceFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Drafts and latch waits shared by the submission tests. */
final class SubmissionFixtures {
    private SubmissionFixtures() {
    }

    /** A JSON draft whose id comes from its GUID, with one paragraph of text. */
    static ArticleDraft draft(String guid, String text) {
        return ArticleDraft.builder(SourceFormat.JSON).guid(guid).headline("Headline " + guid).body(List.of(text))
                .build();
    }

    /** Waits for the latch; fails, naming what never happened, when it is not released within the bound. */
    static void awaitLatch(CountDownLatch latch, Duration bound, String neverHappened) {
        try {
            if (!latch.await(bound.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(neverHappened);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
