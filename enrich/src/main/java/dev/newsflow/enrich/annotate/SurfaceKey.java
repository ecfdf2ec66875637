package dev.newsflow.enrich.annotate;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names compared the way a reader compares them: case, accents, full stops and apostrophes do not
 * count, hyphens and runs of spaces are one space ("U.S." = "US", "Zelenskyy" ≠ "Zelensky" but
 * "Erdoğan" = "Erdogan", "People's" = "Peoples"). A key is a 64-bit hash of that form, computed over a
 * range of characters without making a string, so looking a mention up in the knowledge base costs
 * no allocation. Two different names sharing a 64-bit hash among the ~150,000 names of the knowledge
 * base is vanishingly unlikely (about 1 in 10^9).
 */
final class SurfaceKey {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int FOLDED = 0x250;
    /** Lower case without accents for Latin letters; 0 for characters that are skipped. */
    private static final char[] FOLD = new char[FOLDED];
    private static final char SPACE = ' ';

    static {
        for (int c = 0; c < FOLDED; c++) {
            String decomposed = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            FOLD[c] = Character.toLowerCase(decomposed.charAt(0));
        }
        // Letters that do not decompose into a base letter and a mark.
        FOLD['ß'] = 's';
        FOLD['ł'] = 'l';
        FOLD['Ł'] = 'l';
        FOLD['đ'] = 'd';
        FOLD['Đ'] = 'd';
        FOLD['ø'] = 'o';
        FOLD['Ø'] = 'o';
        FOLD['ı'] = 'i';
        FOLD['æ'] = 'a';
        FOLD['Æ'] = 'a';
        FOLD['œ'] = 'o';
        FOLD['Œ'] = 'o';
        FOLD['.'] = 0;
        FOLD['\''] = 0;
        FOLD['-'] = SPACE;
        FOLD['_'] = SPACE;
        // Whitespace of the table folds to a space here, so that the key loop asks Character.isWhitespace only
        // of the characters beyond it.
        for (int c = 0; c < FOLDED; c++) {
            if (FOLD[c] != 0 && Character.isWhitespace(FOLD[c])) {
                FOLD[c] = SPACE;
            }
        }
    }

    private SurfaceKey() {
    }

    /** The compared form of a character: 0 when it is skipped, a space for any whitespace or word separator. */
    static char fold(char c) {
        if (c < FOLDED) {
            return FOLD[c];
        }
        if (c == '’' || c == 'ʼ' || c == '‘') {
            return 0;
        }
        if (c == '‐' || c == '‑' || c == '–' || c == '\u00a0') {
            return SPACE;
        }
        char lower = Character.toLowerCase(c);
        return Character.isWhitespace(lower) ? SPACE : lower;
    }

    /** The key of the characters [start, end) of the text. */
    static long of(CharSequence text, int start, int end) {
        long h = OFFSET;
        boolean any = false;
        boolean pendingSpace = false;
        for (int i = start; i < end; i++) {
            char c = fold(text.charAt(i));
            if (c == 0) {
                continue;
            }
            if (c == SPACE) {
                pendingSpace = any;
                continue;
            }
            if (pendingSpace) {
                h = (h ^ SPACE) * PRIME;
                pendingSpace = false;
            }
            h = (h ^ c) * PRIME;
            any = true;
        }
        return h;
    }

    static long of(CharSequence text) {
        return of(text, 0, text.length());
    }

    /** The compared form itself, for messages and tests. */
    static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            if (c == 0) {
                continue;
            }
            if (c == SPACE) {
                pendingSpace = b.length() > 0;
                continue;
            }
            if (pendingSpace) {
                b.append(SPACE);
                pendingSpace = false;
            }
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
