package dev.newsflow.enrich.topics;

/**
 * Turns a text field into word and word-pair features without making a string per word: words are
 * runs of letters and digits, lower-cased and lightly stemmed in a reused buffer (plural endings
 * only: "ministers" and "minister" are one feature, "election" and "elected" stay two), then hashed.
 * Stop words and bare numbers are not features; a word pair joins two neighbouring content words
 * (stop words between them skipped: "secretary of state" gives "secretary state"), never across
 * punctuation other than a hyphen or an apostrophe. Not thread-safe: one scanner per thread.
 */
final class WordScanner {
    /** Receives each feature occurrence: a word ({@code pair} false) or a word pair. */
    interface Sink {
        void feature(long key, float weight, float lexiconWeight, boolean pair);
    }

    private char[] buffer = new char[64];

    void scan(String text, float weight, float lexiconWeight, Sink sink) {
        int n = text.length();
        long previous = 0; // hash of the last content word, 0 after a break
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!letterOrDigit(c)) {
                if (breaksPair(c)) {
                    previous = 0;
                }
                i++;
                continue;
            }
            int start = i;
            boolean letters = false;
            int length = 0;
            while (i < n) {
                char d = text.charAt(i);
                if (d < 128) { // ASCII: nearly every character of English news
                    if (d >= 'a' && d <= 'z') {
                        letters = true;
                    } else if (d >= 'A' && d <= 'Z') {
                        letters = true;
                        d += 32;
                    } else if (d < '0' || d > '9') {
                        break;
                    }
                } else if (Character.isLetterOrDigit(d)) {
                    letters |= Character.isLetter(d);
                    d = Character.toLowerCase(d);
                } else {
                    break;
                }
                if (length == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, length * 2);
                }
                buffer[length++] = d;
                i++;
            }
            if (!letters || i - start < 2) {
                continue; // numbers, single letters ("s" of a possessive)
            }
            length = stem(buffer, length);
            long h = FeatureKeys.hash(buffer, length);
            if (StopWords.contains(h)) {
                continue;
            }
            sink.feature(FeatureKeys.word(h), weight, lexiconWeight, false);
            if (previous != 0) {
                sink.feature(FeatureKeys.bigram(previous, h), weight, lexiconWeight, true);
            }
            previous = h;
        }
    }

    private static boolean letterOrDigit(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean breaksPair(char c) {
        if (c == ' ') {
            return false;
        }
        return !(Character.isWhitespace(c) || c == '-' || c == '\'' || c == '’' || c == '\u00a0');
    }

    /** Plural endings only (after Harman's S-stemmer): "policies" → "policy", "taxes" → "taxe", "goals" → "goal". */
    static int stem(char[] w, int n) {
        if (n > 4 && w[n - 1] == 's' && w[n - 2] == 'e' && w[n - 3] == 'i' && w[n - 4] != 'e' && w[n - 4] != 'a') {
            w[n - 3] = 'y';
            return n - 2;
        }
        if (n > 3 && w[n - 1] == 's' && w[n - 2] == 'e' && w[n - 3] != 'a' && w[n - 3] != 'e' && w[n - 3] != 'o') {
            return n - 1;
        }
        if (n > 3 && w[n - 1] == 's' && w[n - 2] != 'u' && w[n - 2] != 's') {
            return n - 1;
        }
        return n;
    }
}
