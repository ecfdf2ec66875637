package dev.newsflow.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Two forms of text: {@link #tidy} for output (whitespace collapsed, nothing else changed) and
 * {@link #comparable} for deciding whether two strings say the same thing (case, whitespace,
 * punctuation, quote styles and Unicode compatibility forms ignored). Hand-written loops rather
 * than regular expressions: these run on every paragraph of every article.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /** Whitespace as scrapers leave it: Java whitespace, Unicode spaces (no-break too), zero-width ones. */
    public static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        // Below U+1680 the only space is the no-break space; U+200C..U+2027 are joiners, dashes and
        // quotes. Both ranges are common in news text, and the Character lookups cost more.
        if (c < '\u1680') {
            return c == '\u00A0';
        }
        if (c >= '\u200C' && c <= '\u2027') {
            return false;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** Trims and collapses every run of whitespace (including no-break spaces) to one space. */
    public static String tidy(String text) {
        if (text == null) {
            return "";
        }
        int length = text.length();
        if (isTidy(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        boolean pendingSpace = false;
        boolean otherSpace = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
                otherSpace |= c != ' ';
            } else {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.length() == length && !otherSpace ? text : out.toString();
    }

    /** Already tidy: no leading or trailing space, no space but U+0020, never two in a row. Reads only. */
    private static boolean isTidy(String text) {
        int length = text.length();
        if (length == 0) {
            return true;
        }
        if (isSpace(text.charAt(0)) || isSpace(text.charAt(length - 1))) {
            return false;
        }
        boolean previousSpace = false;
        for (int i = 1; i < length - 1; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c > ' ' && c < 0x80) {
                previousSpace = false;
            } else if (isSpace(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return true;
    }

    /**
     * Lower case, NFKC, apostrophes dropped (so "Ukraine’s", "Ukraine's" and "Ukraines" agree),
     * every other run of characters that are not letters or digits one space.
     */
    public static String comparable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String source = nfkcMayChange(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        int length = source.length();
        // Into a plain array, not a StringBuilder: this runs on every paragraph, character by character.
        char[] out = new char[length];
        int size = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = source.charAt(i);
            if (c < 0x80) {
                if (c <= 'z' && ASCII_WORD[c]) {
                    if (pendingSpace && size > 0) {
                        out[size++] = ' ';
                    }
                    pendingSpace = false;
                    out[size++] = asciiLower(c);
                } else if (c != '\'') {
                    pendingSpace = true;
                }
                continue;
            }
            if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
                continue;
            }
            String lower;
            if (Character.isLetterOrDigit(c)) {
                lower = null;
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLetterOrDigit(source.codePointAt(i))) {
                lower = source.substring(i, i + 2).toLowerCase(Locale.ROOT);
                i++;
            } else {
                pendingSpace = true;
                continue;
            }
            int needed = size + 1 + (lower == null ? 1 : lower.length());
            if (needed > out.length) {
                out = Arrays.copyOf(out, Math.max(needed, out.length * 2));
            }
            if (pendingSpace && size > 0) {
                out[size++] = ' ';
            }
            pendingSpace = false;
            if (lower == null) {
                out[size++] = Character.toLowerCase(c);
            } else {
                lower.getChars(0, lower.length(), out, size);
                size += lower.length();
            }
        }
        return new String(out, 0, size);
    }

    /** ASCII letters and digits, the characters below 0x80 that {@link Character#isLetterOrDigit} accepts. */
    private static final boolean[] ASCII_WORD = new boolean['z' + 1];

    static {
        for (char c = 0; c <= 'z'; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    /** The distinct words of {@link #comparable}. */
    public static Set<String> tokenSet(String text) {
        return tokensOfComparable(comparable(text));
    }

    /** The distinct words of a string already in {@link #comparable} form. */
    public static Set<String> tokensOfComparable(String comparable) {
        if (comparable.isEmpty()) {
            return Collections.emptySet();
        }
        Set<String> tokens = new HashSet<>();
        int start = 0;
        for (int i = 0; i <= comparable.length(); i++) {
            if (i == comparable.length() || comparable.charAt(i) == ' ') {
                if (i > start) {
                    tokens.add(comparable.substring(start, i));
                }
                start = i + 1;
            }
        }
        return tokens;
    }

    /**
     * Whether {@code text} contains any of the lower-case ASCII words, ignoring case: one pass, a
     * cheap filter before a regular expression.
     */
    public static boolean containsAnyIgnoreCase(String text, String... lowerCaseWords) {
        return containsAnyIgnoreCase(text, 0, lowerCaseWords);
    }

    /** {@link #containsAnyIgnoreCase(String, String...)} from index {@code from} on. */
    public static boolean containsAnyIgnoreCase(String text, int from, String... lowerCaseWords) {
        // The words' first letters as a bit set: most characters start none of them.
        int firstLetters = 0;
        for (String word : lowerCaseWords) {
            char first = word.charAt(0);
            if (first < 'a' || first > 'z') {
                firstLetters = -1;
                break;
            }
            firstLetters |= 1 << (first - 'a');
        }
        int length = text.length();
        for (int i = from; i < length; i++) {
            char c = asciiLower(text.charAt(i));
            if (firstLetters != -1 && (c < 'a' || c > 'z' || (firstLetters & (1 << (c - 'a'))) == 0)) {
                continue;
            }
            for (String word : lowerCaseWords) {
                if (word.charAt(0) == c && i + word.length() <= length && matchesIgnoreCase(text, i + 1, word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code text.regionMatches(true, at - 1, word, 0, word.length())} for a word whose first
     * character already matched, without its per-call overhead: ASCII compared directly, anything
     * else as {@link String#regionMatches(boolean, int, String, int, int)} compares it.
     */
    private static boolean matchesIgnoreCase(String text, int at, String word) {
        for (int k = 1; k < word.length(); k++) {
            char t = text.charAt(at + k - 1);
            char w = word.charAt(k);
            if (t == w) {
                continue;
            }
            if (t < 0x80 && w < 0x80) {
                if (asciiLower(t) != asciiLower(w)) {
                    return false;
                }
                continue;
            }
            char upperT = Character.toUpperCase(t);
            char upperW = Character.toUpperCase(w);
            if (upperT != upperW && Character.toLowerCase(upperT) != Character.toLowerCase(upperW)) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /**
     * False when NFKC would return the text unchanged because every character is ASCII, an accented Latin-1
     * letter (U+00C0–U+00FF) or a typographic quote or dash: none of these has a compatibility form and, with no
     * combining mark present, nothing composes. Most news paragraphs are like that (curly quotes, dashes), and
     * normalising them was 1–3 % of the profile of clean-up + enrichment.
     */
    static boolean nfkcMayChange(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && !nfkcStable(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean nfkcStable(char c) {
        return (c >= '\u00C0' && c <= '\u00FF') || c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D'
                || c == '\u2013' || c == '\u2014';
    }
}
