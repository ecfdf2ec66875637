package dev.newsflow.enrich.ner;

import java.util.Arrays;

/**
 * The tokens of one document (an article, or a stretch of a training corpus) as the recogniser reads
 * them: character ranges into the texts they come from, with sentence starts. Reused from document to
 * document: filling it allocates only when a document is longer than any before.
 */
public final class NerInput {
    int size;
    char[][] chars = new char[256][];
    int[] start = new int[256];
    int[] end = new int[256];
    /** The token starts a sentence: the unit the tagger decodes. */
    boolean[] sentenceStart = new boolean[256];
    private char[] current;
    private boolean pendingSentence;

    public void clear() {
        size = 0;
        current = null;
    }

    /** Starts a text (a field of the article): its first token starts a sentence. */
    public void beginText(char[] text) {
        current = text;
        pendingSentence = true;
    }

    /** The next token starts a sentence. */
    public void sentenceBreak() {
        pendingSentence = true;
    }

    /** Adds a token of the current text; returns its index. */
    public int add(int from, int to) {
        if (size == start.length) {
            int n = size * 2;
            chars = Arrays.copyOf(chars, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            sentenceStart = Arrays.copyOf(sentenceStart, n);
        }
        chars[size] = current;
        start[size] = from;
        end[size] = to;
        sentenceStart[size] = pendingSentence;
        pendingSentence = false;
        return size++;
    }

    public int size() {
        return size;
    }

    public int start(int token) {
        return start[token];
    }

    public int end(int token) {
        return end[token];
    }

    String text(int token) {
        return new String(chars[token], start[token], end[token] - start[token]);
    }
}
