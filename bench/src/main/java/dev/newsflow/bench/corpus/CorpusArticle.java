package dev.newsflow.bench.corpus;

import java.time.Instant;
import java.util.List;

/**
 * One generated article, before it is rendered into a publisher's shape. Every image is
 * distinct here; the renderers print each caption twice, as scraped pages do.
 *
 * @param guid the publisher's own id (sent in JSON and HTML shapes; plain text has none, so
 *             ingest keys it by its headline, which the generator keeps unique)
 * @param action null for a first publication, {@code "update"} for a later version
 */
public record CorpusArticle(
        int index,
        ArticleShape shape,
        ArticleLength length,
        String guid,
        String canonicalUrl,
        Instant publishedAt,
        String section,
        String category,
        String headline,
        String byline,
        List<String> body,
        List<CorpusImage> images,
        List<String> keywords,
        String action) {

    public CorpusArticle {
        body = List.copyOf(body);
        images = List.copyOf(images);
        keywords = List.copyOf(keywords);
    }

    /** The document a publisher would POST for this article. */
    public String payload() {
        return ArticleRenderer.render(this);
    }

    public String contentType() {
        return shape.contentType();
    }

    /** Words in headline, body and (once each) captions: the unit of the words/s figures. */
    public int wordCount() {
        int words = Words.count(headline);
        for (String paragraph : body) {
            words += Words.count(paragraph);
        }
        for (CorpusImage image : images) {
            words += Words.count(image.caption());
        }
        return words;
    }

    /** The same story with a new body and the given action, as a publisher's update would send it. */
    public CorpusArticle withRevision(List<String> revisedBody, String revisedAction) {
        return new CorpusArticle(index, shape, length, guid, canonicalUrl, publishedAt, section, category, headline,
                byline, revisedBody, images, keywords, revisedAction);
    }
}
