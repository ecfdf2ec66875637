package dev.newsflow.ingest.text;

import dev.newsflow.platform.article.ArticleRules;
import dev.newsflow.text.TextNormalizer;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * The clean-up every text field gets, whatever shape it arrived in: Unicode NFC, characters
 * that XML 1.0 forbids removed (feeds are XML, so one stray control character would make a
 * whole feed invalid), markup stripped, whitespace collapsed to single spaces.
 */
public final class TextHygiene {
    /** Something that looks like an HTML tag, comment or entity: only then is jsoup worth running. */
    private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!]|&(#\\d+|#x[0-9A-Fa-f]+|[A-Za-z]{2,8});");
    /** Zero-width characters and the BOM carry no text but break matching and hashing. */
    private static final String INVISIBLE_CHARS = "\u200B\u200C\u200D\u2060\uFEFF\u00AD";
    /** The lowest of them: every character below it is passed over by one comparison. */
    private static final char LOWEST_INVISIBLE = (char) INVISIBLE_CHARS.chars().min().orElseThrow();
    private static final Pattern INVISIBLE = Pattern.compile("[" + INVISIBLE_CHARS + "]");
    private static final Pattern MARKUP_CHARS = Pattern.compile("[<>&]");
    private static final int MAX_PASSES = 4;

    private TextHygiene() {
    }

    /**
     * One line of text: NFC, XML-legal, no markup, single spaces, trimmed; null stays null.
     * Idempotent: markup stripping repeats until nothing that looks like markup is left (text
     * escaped twice, "&amp;lt;b&amp;gt;", would otherwise come out as markup the next time round).
     */
    public static String clean(String text) {
        if (text == null || alreadyClean(text)) {
            return text;
        }
        return cleanFully(text);
    }

    /**
     * Text that every step would leave as it is, found by one pass that allocates nothing: most lines of a news
     * article are. Single spaces between other characters, which are printable ASCII but {@code <} and {@code &}
     * (no markup), Latin letters and signs below U+0300 but the invisible soft hyphen and the no-break space (nothing
     * below U+0300 changes under NFC, and no combining mark follows to compose with them), or the dashes, quotes and
     * ellipsis of U+2010..U+2027. Anything else takes every step.
     */
    static boolean alreadyClean(String text) {
        int n = text.length();
        if (n == 0) {
            return true;
        }
        boolean previousSpace = true; // no space at the start
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7F) {
                if (c == '<' || c == '&') {
                    return false;
                }
                previousSpace = false;
            } else if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if ((c >= 0xA1 && c < 0x300 && c != '\u00AD') || (c >= '\u2010' && c <= '\u2027')) {
                previousSpace = false;
            } else {
                return false;
            }
        }
        return !previousSpace; // no space at the end
    }

    /** {@link #clean(String)} without the shortcut for text that is already clean (tests compare the two). */
    static String cleanFully(String text) {
        String result = cleanOnce(text);
        // Every step but markup stripping is idempotent, so without markup left one pass is enough.
        for (int pass = 0; pass < MAX_PASSES && looksLikeMarkup(result); pass++) {
            String again = cleanOnce(result);
            if (again.equals(result)) {
                return result;
            }
            result = again;
        }
        if (!looksLikeMarkup(result)) {
            return result;
        }
        // Markup nested deeper than any real feed produces: drop what still looks like it.
        return collapseWhitespace(MARKUP_CHARS.matcher(result).replaceAll(" "));
    }

    private static String cleanOnce(String text) {
        String result = removeXmlIllegal(text);
        if (looksLikeMarkup(result)) {
            result = removeXmlIllegal(Jsoup.parse(result).text());
        }
        // Invisibles go before NFC: a zero-width space between a letter and its accent blocks composition.
        if (hasInvisible(result)) {
            result = INVISIBLE.matcher(result).replaceAll("");
        }
        if (!Normalizer.isNormalized(result, Normalizer.Form.NFC)) {
            result = Normalizer.normalize(result, Normalizer.Form.NFC);
        }
        return collapseWhitespace(result);
    }

    /**
     * {@link #MARKUP} can only match at a {@code <} or {@code &}; most text has neither, and scanning for two
     * characters costs far less than trying the pattern at every position (this runs on every field of every
     * article).
     */
    private static boolean looksLikeMarkup(String text) {
        return (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) && MARKUP.matcher(text).find();
    }

    /** {@link #INVISIBLE}'s characters, found by one pass over the text instead of the pattern. */
    private static boolean hasInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= LOWEST_INVISIBLE && INVISIBLE_CHARS.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Runs of any Unicode whitespace, space separator or NEL become one space (zero-width ones too); ends trimmed. */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextNormalizer.isSpace(c) || c == '\u0085') {
                pendingSpace = true;
            } else {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Like {@link #clean(String)}, but an empty result becomes null (for optional fields). */
    public static String cleanOrNull(String text) {
        String cleaned = clean(text);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    /** Drops every code point outside XML 1.0's Char production, and unpaired surrogates. */
    public static String removeXmlIllegal(String text) {
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean legal = ArticleRules.isXmlLegal(codePoint);
            if (!legal && out == null) {
                out = new StringBuilder(length);
                out.append(text, 0, i);
            } else if (legal && out != null) {
                out.appendCodePoint(codePoint);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** True when every code point of the text is legal in XML 1.0 (the article rules' production). */
    public static boolean isXmlLegal(String text) {
        return text.codePoints().allMatch(ArticleRules::isXmlLegal);
    }
}
