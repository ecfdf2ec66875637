package dev.newsflow.enrich.annotate;

import java.util.Arrays;

/**
 * Word and punctuation tokens of one field, with their UTF-16 offsets. Possessive endings
 * ("France’s") and trailing punctuation are split off, so names end where the name ends.
 * Array-backed: the tokenizer runs on every field of every article.
 */
final class Tokens {
    static final byte WORD = 1;
    static final byte UPPER = 2;      // starts with an upper-case letter
    static final byte ALL_CAPS = 4;   // two or more letters, all upper case
    static final byte SENTENCE_START = 8;

    final String text;
    char[] chars;
    int size;
    int[] start = new int[64];
    int[] end = new int[64];
    byte[] flags = new byte[64];

    private Tokens(String text) {
        this.text = text;
    }

    static Tokens of(String text) {
        return of(text, text.toCharArray());
    }

    /** Tokens of the text, read from its characters (shared with the gazetteer scan). */
    static Tokens of(String text, char[] chars) {
        Tokens t = new Tokens(text);
        t.chars = chars;
        t.tokenize(chars);
        return t;
    }

    boolean is(int i, byte flag) {
        return (flags[i] & flag) != 0;
    }

    boolean word(int i) {
        return i >= 0 && i < size && is(i, WORD);
    }

    boolean upper(int i) {
        return i >= 0 && i < size && is(i, UPPER);
    }

    private String[] texts;

    /** The token's text; made once per token, as the rules ask for the same capitalised words repeatedly. */
    String text(int i) {
        if (texts == null) {
            texts = new String[size];
        }
        String s = texts[i];
        if (s == null) {
            s = text.substring(start[i], end[i]);
            texts[i] = s;
        }
        return s;
    }

    /** True when token i is exactly the given text (no allocation). */
    boolean equals(int i, String s) {
        return i >= 0 && i < size && end[i] - start[i] == s.length() && text.regionMatches(start[i], s, 0, s.length());
    }

    /** Index of the token that starts at the offset, or -1. */
    int tokenStartingAt(int offset) {
        int i = Arrays.binarySearch(start, 0, size, offset);
        return i >= 0 ? i : -1;
    }

    /** Index of the token whose text covers the offset, or -1. */
    int tokenContaining(int offset) {
        int i = Arrays.binarySearch(start, 0, size, offset);
        int k = i >= 0 ? i : -i - 2;
        return k >= 0 && offset < end[k] ? k : -1;
    }

    /** Index of the token that ends at the offset, or -1. */
    int tokenEndingAt(int offset) {
        int i = Arrays.binarySearch(end, 0, size, offset);
        return i >= 0 ? i : -1;
    }

    private void add(int s, int e, byte f) {
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            end = Arrays.copyOf(end, size * 2);
            flags = Arrays.copyOf(flags, size * 2);
        }
        start[size] = s;
        end[size] = e;
        flags[size] = f;
        size++;
    }

    private static boolean apostrophe(char c) {
        return c == '\'' || c == '’';
    }

    /** Abbreviations whose full stop does not end a sentence ("Mr. Smith", "William T. Sherman"). */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Lt", "Gen", "Col", "Capt", "Sgt", "Sen", "Rep", "Gov",
            "Prof", "Rev", "Hon", "Mt", "Ft", "Co", "Corp", "Inc", "Ltd", "vs", "No", "Vol", "Fig", "Adm", "Maj",
            "Cpl", "Pvt", "Supt", "Det", "Insp", "Messrs");

    /** True when the full stop at {@code dot} closes an initial or abbreviation written just before it. */
    private boolean afterAbbreviation(int dot) {
        // The full stop itself is already token size - 1; the word before it is size - 2.
        int w = size - 2;
        if (w < 0 || !is(w, WORD) || end[w] != dot) {
            return false;
        }
        int s = start[w];
        if (dot - s == 1 && Character.isUpperCase(text.charAt(s))) {
            return true; // an initial
        }
        return ABBREVIATIONS.contains(text.substring(s, dot));
    }

    private void tokenize(char[] s) {
        int n = s.length;
        boolean sentenceStart = true;
        int i = 0;
        while (i < n) {
            char c = s[i];
            boolean wordChar = KeywordTrie.isWordChar(c);
            if (!wordChar && (c == ' ' || Character.isWhitespace(c))) {
                i++;
                continue;
            }
            if (!wordChar) {
                add(i, i + 1, (byte) 0);
                if (c == '!' || c == '?' || c == ':' || c == ';' || c == '•' || c == '|'
                        || (c == '.' && !afterAbbreviation(i))) {
                    sentenceStart = true;
                }
                i++;
                continue;
            }
            int b = i;
            i++;
            while (i < n) {
                char d = s[i];
                if (KeywordTrie.isWordChar(d)) {
                    i++;
                } else if ((d == '-' || d == '.' || apostrophe(d)) && i + 1 < n && Character.isLetterOrDigit(s[i + 1])) {
                    if (apostrophe(d) && (s[i + 1] == 's' || s[i + 1] == 'S')
                            && (i + 2 >= n || !Character.isLetterOrDigit(s[i + 2]))) {
                        break; // possessive: "France’s" -> "France" + "’s"
                    }
                    if (d == '.' && !(Character.isUpperCase(s[i - 1]) && Character.isUpperCase(s[i + 1]))) {
                        break; // only initialisms such as "U.S." keep their inner full stops
                    }
                    i++;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final full stop.
            if (i < n && s[i] == '.' && i - b >= 3 && s[i - 2] == '.') {
                i++;
            }
            byte f = WORD;
            if (Character.isUpperCase(c)) {
                f |= UPPER;
                int letters = 0;
                boolean allUpper = true;
                for (int k = b; k < i; k++) {
                    char d = s[k];
                    if (Character.isLetter(d)) {
                        letters++;
                        if (!Character.isUpperCase(d)) {
                            allUpper = false;
                            break;
                        }
                    }
                }
                if (allUpper && letters >= 2) {
                    f |= ALL_CAPS;
                }
            }
            if (sentenceStart) {
                f |= SENTENCE_START;
                sentenceStart = false;
            }
            add(b, i, f);
        }
    }
}
