package dev.newsflow.enrich.ner;

/**
 * Hashes of a token's forms read straight from its characters: exact, lower case, shape, nlp4j's
 * simplified form (the key of the lexicon), prefixes and suffixes. Nothing is allocated: the tagger
 * computes these for every token of every article.
 */
final class WordForms {
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long PRIME = 0x100000001B3L;

    private WordForms() {
    }

    /** A 64-bit finaliser (the one of SplitMix64): spreads the bits of a hash over the word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long combine(long a, long b) {
        return mix(a * 31 + Long.rotateLeft(b, 23) + SEED);
    }

    static long combine(long a, long b, long c) {
        return combine(combine(a, b), c);
    }

    static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    /** Straight quotes and dashes for their typographic forms, as the lexicon and most training text write them. */
    static char plain(char c) {
        return switch (c) {
            case '\u2019', '\u2018', '\u02BC', '`' -> '\'';
            case '\u201C', '\u201D', '\u201E' -> '"';
            case '\u2013', '\u2014', '\u2212' -> '-';
            default -> c;
        };
    }

    static long exact(char[] s, int from, int to) {
        long h = SEED;
        for (int k = from; k < to; k++) {
            h = (h ^ plain(s[k])) * PRIME;
        }
        return mix(h);
    }

    static long lower(char[] s, int from, int to) {
        long h = SEED;
        for (int k = from; k < to; k++) {
            h = (h ^ lower(plain(s[k]))) * PRIME;
        }
        return mix(h);
    }

    /**
     * nlp4j's simplified lower-case form: lower case, and every number (digits, with the full stops and
     * commas between them) as one {@code 0}, so that "1990s" and "80s" are both "0s".
     */
    static long simplified(char[] s, int from, int to) {
        long h = SEED;
        int k = from;
        while (k < to) {
            char c = plain(s[k]);
            if (c >= '0' && c <= '9') {
                h = (h ^ '0') * PRIME;
                k++;
                while (k < to && (isDigit(s[k]) || ((s[k] == '.' || s[k] == ',') && k + 1 < to && isDigit(s[k + 1])))) {
                    k++;
                }
                continue;
            }
            h = (h ^ lower(c)) * PRIME;
            k++;
        }
        return mix(h);
    }

    /** As {@link #simplified(char[], int, int)} of a whole string (the lexicon's words at load). */
    static long simplified(String s) {
        return simplified(s.toCharArray(), 0, s.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char shapeClass(char c) {
        if (c >= 'a' && c <= 'z') {
            return 'x';
        }
        if (c >= 'A' && c <= 'Z') {
            return 'X';
        }
        if (c >= '0' && c <= '9') {
            return 'd';
        }
        if (Character.isLetter(c)) {
            return Character.isUpperCase(c) ? 'X' : 'x';
        }
        if (Character.isDigit(c)) {
            return 'd';
        }
        return plain(c);
    }

    /** The word's shape with runs collapsed: "Smith" and "McDonald" are Xx and XxXx, "U.S." is X.X., "1990s" dx. */
    static long shape(char[] s, int from, int to) {
        long h = SEED ^ 0x5A;
        char previous = 0;
        for (int k = from; k < to; k++) {
            char c = shapeClass(s[k]);
            if (c != previous) {
                h = (h ^ c) * PRIME;
                previous = c;
            }
        }
        return mix(h);
    }

    /** Hash of the first {@code n} characters (exact case). */
    static long prefix(char[] s, int from, int to, int n) {
        return exact(s, from, Math.min(to, from + n)) ^ n;
    }

    /** Hash of the last {@code n} characters, lower case. */
    static long suffix(char[] s, int from, int to, int n) {
        return lower(s, Math.max(from, to - n), to) * 31 + n;
    }
}
