package dev.newsflow.enrich.ner;

/** The four entity types of the recogniser (the CoNLL types; see the convention in {@code ner/README.md}). */
public enum NerType {
    PER, ORG, LOC, MISC;

    private static final NerType[] VALUES = values();

    static NerType of(int index) {
        return VALUES[index];
    }
}
