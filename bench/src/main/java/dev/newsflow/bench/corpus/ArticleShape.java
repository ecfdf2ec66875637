package dev.newsflow.bench.corpus;

/** How a publisher delivers an article to ingest, with the media type it posts it as. */
public enum ArticleShape {
    /** A scraper's plain text, like the seed: section line, headline, captions + credits, body, chrome. */
    TEXT("text/plain; charset=utf-8"),
    /** newsflow's own JSON document (guid, url, section, headline, body, images, action). */
    JSON("application/json"),
    /** A whole HTML page with figures, paragraphs and site chrome around the article. */
    HTML("text/html; charset=utf-8");

    private final String contentType;

    ArticleShape(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
