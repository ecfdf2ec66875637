package dev.newsflow.ingest.text;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises plain English prose by its function words, before the statistical model is asked: most articles
 * ingest has to name are English, and this costs a few microseconds where the model costs a third of a plain-text
 * POST. It says "English" only when sure, and otherwise nothing (the model then decides): a long enough opening
 * (≥ {@value #MIN_WORDS} words) in Latin letters, of which at least {@value #MIN_SHARE_PERCENT} % are words
 * below. The list leaves out words that are common in other languages written in Latin letters ("in", "is",
 * "was", "die", "on", "of", "for", "also", "will", "a"), so the share in German, Dutch, the Scandinavian and Romance
 * languages stays near zero (EnglishFunctionWordsTest) while English news runs at 12–20 %.
 */
final class EnglishFunctionWords {
    /** Words read at most: enough for the share to settle, few enough to stay cheap. */
    static final int MAX_WORDS = 120;
    static final int MIN_WORDS = 30;
    static final int MIN_SHARE_PERCENT = 9;
    /** Letters outside ASCII above this share: another script or a language rich in diacritics. */
    private static final int MAX_NON_ASCII_LETTER_PERCENT = 3;

    private static final Set<String> WORDS = Set.of("the", "and", "that", "with", "from", "which", "have", "has",
            "were", "would", "could", "should", "their", "they", "this", "these", "those", "been", "said", "its",
            "after", "about", "when", "than", "there", "into", "while", "because", "between", "who", "what", "where",
            "other", "more", "not");

    private EnglishFunctionWords() {
    }

    /** True when the text's opening is clearly English prose. */
    static boolean clearlyEnglish(String text) {
        int words = 0;
        int hits = 0;
        int asciiLetters = 0;
        int otherLetters = 0;
        int i = 0;
        int n = text.length();
        while (i < n && words < MAX_WORDS) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean ascii = true;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'')) {
                char d = text.charAt(i);
                if (d >= 128) {
                    ascii = false;
                    otherLetters++;
                } else if (d != '\'') {
                    asciiLetters++;
                }
                i++;
            }
            words++;
            int length = i - start;
            if (ascii && length >= 3 && length <= 7 && WORDS.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                hits++;
            }
        }
        return words >= MIN_WORDS
                && hits * 100 >= words * MIN_SHARE_PERCENT
                && otherLetters * 100 <= (asciiLetters + otherLetters) * MAX_NON_ASCII_LETTER_PERCENT;
    }
}
