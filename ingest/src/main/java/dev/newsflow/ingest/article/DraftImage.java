package dev.newsflow.ingest.article;

/**
 * One image block as the publisher printed it: the caption and the credit line unsplit
 * (e.g. {@code "Photo: EPA / Ludovic Marin"}); splitting is the enrichment topology's job.
 */
public record DraftImage(String caption, String credit, String url) {
}
