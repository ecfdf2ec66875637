package dev.newsflow.enrich.ner.conll;

/** A name in a sentence: tokens [start, end) and its type as the file writes it ("PER", "LOC", ...). */
public record Span(int start, int end, String type) {
}
