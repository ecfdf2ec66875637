package dev.newsflow.syndicate.render;

/** Turns a feed page into the bytes of one format. */
public interface FeedRenderer {
    /** The media type with charset, as sent in Content-Type. */
    String contentType();

    /** @param texts where the items' sanitised texts come from (cached per article version, or not) */
    byte[] render(FeedDocument document, ItemTextCache texts);

    default byte[] render(FeedDocument document) {
        return render(document, ItemTextCache.none());
    }
}
