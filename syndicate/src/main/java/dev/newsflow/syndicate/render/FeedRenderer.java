package dev.newsflow.syndicate.render;

/** Turns a feed page into the bytes of one format. */
public interface FeedRenderer {
    /** The media type with charset, as sent in Content-Type. */
    String contentType();

    byte[] render(FeedDocument document);
}
