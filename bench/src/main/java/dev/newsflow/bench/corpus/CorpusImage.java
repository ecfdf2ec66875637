package dev.newsflow.bench.corpus;

/** One photo: its caption, the credit as printed ("Photo: EPA / Jane Doe") and where it lives. */
public record CorpusImage(String caption, String credit, String url) {
}
