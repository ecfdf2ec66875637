package dev.newsflow.ingest.text;

import dev.newsflow.ingest.article.ArticleDraft;
import java.util.Optional;

/** Names the language of an article offline, as a BCP 47 tag, when it can tell with confidence. */
public interface LanguageDetector {
    Optional<String> detect(ArticleDraft draft);

    /** For deployments that switch detection off: the language stays unknown unless given. */
    static LanguageDetector none() {
        return draft -> Optional.empty();
    }
}
