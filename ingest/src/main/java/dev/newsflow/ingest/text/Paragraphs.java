package dev.newsflow.ingest.text;

import dev.newsflow.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text cut the way people write it: into lines at every line break, into paragraphs at blank lines.
 *
 * <p>A scan by hand, not the pattern {@code \R\s*\R} it replaces: {@code java.util.regex} lets {@code \R} match
 * the CR of a CR LF on its own, so that pattern took every Windows line break (and every line of a form's
 * textarea, which browsers send as CR LF) for a blank line and cut hard-wrapped paragraphs apart; and trying
 * it at every character cost about a quarter of a plain-text POST's CPU.
 */
public final class Paragraphs {
    private Paragraphs() {
    }

    /**
     * The text's lines, without their line breaks (CR LF, LF, CR, VT, FF, NEL, U+2028 and U+2029, CR LF being
     * one break). Empty lines are kept, except after a break that ends the text.
     */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int width = inLine(text.charAt(i)) ? 0 : breakWidth(text, i);
            if (width == 0) {
                i++;
                continue;
            }
            lines.add(text.substring(start, i));
            i += width;
            start = i;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * The text's paragraphs: runs of lines ended by a line holding nothing but white space (as
     * {@link TextNormalizer#isSpace} reads it), by a paragraph separator (U+2029) or by the end of the text.
     * Each is the text from its first line's start to its last line's end, its inner line breaks kept; there
     * are no empty ones.
     */
    public static List<String> of(String text) {
        List<String> paragraphs = new ArrayList<>();
        int paragraphStart = -1;
        int paragraphEnd = -1;
        int lineStart = 0;
        boolean blank = true;
        int i = 0;
        while (i <= text.length()) {
            int width = i == text.length() ? 1 : inLine(text.charAt(i)) ? 0 : breakWidth(text, i);
            if (width == 0) {
                // once a line holds something, the rest of it need not be looked at as space
                blank = blank && TextNormalizer.isSpace(text.charAt(i));
                i++;
                continue;
            }
            if (!blank) {
                if (paragraphStart < 0) {
                    paragraphStart = lineStart;
                }
                paragraphEnd = i;
            }
            boolean paragraphEnds = blank || i == text.length() || text.charAt(i) == '\u2029';
            if (paragraphEnds && paragraphStart >= 0) {
                paragraphs.add(text.substring(paragraphStart, paragraphEnd));
                paragraphStart = -1;
            }
            i += width;
            lineStart = i;
            blank = true;
        }
        return paragraphs;
    }

    /**
     * Whether the character is certainly not a line break: nearly every character of a text, so the scans test this
     * first, inline, and ask {@link #breakWidth} only about the rest (ingest's profile had a fifth of its time in
     * these scans).
     */
    private static boolean inLine(char c) {
        return c > '\r' && c < '\u0085';
    }

    /** How many characters the line break at {@code i} takes (0: none there). */
    private static int breakWidth(String text, int i) {
        char c = text.charAt(i);
        if (inLine(c)) {
            return 0;
        }
        return switch (c) {
            case '\r' -> i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
            case '\n', '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> 1;
            default -> 0;
        };
    }
}
